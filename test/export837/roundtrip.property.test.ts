// Any claims the engine could hand over — hostile names, spans, drugs, dependents, corrections —
// either write a file that reads back clean with the same money, codes, units and dates, or are
// refused with named problems. Never a file a clearinghouse would reject for structure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine } from '../../electron/domain/claims.ts';
import type { Patient } from '../../electron/domain/types.ts';
import { X12InputError } from '../../electron/export/x12/input.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { goldenInput } from './golden.ts';

const base = goldenInput('two-payers').records;
const hostile = fc.string({ unit: fc.constantFrom(...'aZé ñ*~:^ß-\'Ø李\u2019xy'.split('')), minLength: 1, maxLength: 70 });
const dx = fc.constantFrom('L03115', 'E860', 'J189', 'D841', 'E43', 'A419', 'Z452');

const line = fc
  .record({
    day: fc.integer({ min: 1, max: 20 }),
    span: fc.integer({ min: 0, max: 6 }),
    kind: fc.constantFrom('perDiem', 'drug', 'nursing') as fc.Arbitrary<ClaimLine['kind']>,
    mods: fc.subarray(['SH', 'JW', 'KP', '59', 'SD'], { maxLength: 4 }),
    units: fc.integer({ min: 1, max: 40 }),
    chargeCents: fc.integer({ min: 0, max: 5_000_000 }),
    qty: fc.double({ min: 0.001, max: 5000, noNaN: true }),
    pointers: fc.subarray(['A', 'B', 'C'], { minLength: 1 }),
  })
  .map((l): ClaimLine => {
    const from = `2026-10-${String(l.day).padStart(2, '0')}`;
    const to = `2026-10-${String(l.day + (l.kind === 'perDiem' ? l.span : 0)).padStart(2, '0')}`;
    const drug = l.kind === 'drug';
    return {
      from, to, code: drug ? 'J0696' : l.kind === 'nursing' ? '99601' : 'S9500', modifiers: l.mods, units: l.units,
      chargeCents: l.chargeCents, pointers: l.pointers, ndc: drug ? '00409733201' : null, ndcQty: drug ? l.qty : null, ndcUnit: drug ? 'UN' : null,
      sourceKey: from, sourceKeys: [from], kind: l.kind, therapy: 'T1', renderingNpi: l.kind === 'nursing' ? '1456789019' : null,
    };
  });

const claimArb = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 50 }),
  diagnoses: fc.uniqueArray(dx, { minLength: 3, maxLength: 7 }),
  frequency: fc.constantFrom('1', '7', '8') as fc.Arbitrary<Claim['frequency']>,
  patient: fc.constantFrom('P1001', 'P1002'),
});

const patientArb = fc.record({ lastName: hostile, firstName: hostile, line1: hostile, city: hostile });

describe('837P round trip', () => {
  it('reads back every written file clean, with the claims as given', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 6 }), patientArb, (specs, who) => {
        const patients: Patient[] = base.patients.map((p) =>
          p.id === 'P1001' ? { ...p, lastName: who.lastName, firstName: who.firstName, address: { ...p.address!, line1: who.line1, city: who.city } } : p,
        );
        const claims: Claim[] = specs.map((s, i) => ({
          id: `C${i}`, patient: s.patient, payer: s.patient === 'P1001' ? 'bcbstx' : 'allways', coveragePriority: 1, prescriber: 'dr-lee',
          frequency: s.frequency, priorAuth: i % 2 ? null : `PA${i}`, originalClaimNumber: s.frequency === '1' ? null : `ICN${i}`,
          diagnoses: s.diagnoses, totalCents: s.lines.reduce((t, l) => t + l.chargeCents, 0), periodFrom: '2026-10-01', periodTo: '2026-10-31', lines: s.lines,
        }));
        let text: string;
        try {
          text = write837({ claims, records: { ...base, patients }, control: { interchange: 7, group: 7, transaction: 1 }, now: '2026-11-02T09:30:00' }).text;
        } catch (e) {
          // the only refusal allowed here: a hostile name or city with nothing sendable left
          if (!(e instanceof X12InputError)) throw e;
          for (const p of e.problems) expect(p).toMatch(/^patients\[P1001\]\.(lastName|address\.(line1|city)): .*(nothing that can be sent|shorter than 2)/);
          return;
        }
        written++;
        expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
        const r = read837(text);
        expect(r.errors).toEqual([]);
        expect(r.claims).toHaveLength(claims.length);
        for (const c of claims) {
          const back = r.claims.find((x) => x.id === c.id)!;
          expect([back.totalCents, back.frequency, back.originalClaimNumber ?? null, back.diagnoses]).toEqual([c.totalCents, c.frequency, c.originalClaimNumber ?? null, c.diagnoses]);
          expect(back.lines.map((l) => [l.code, l.modifiers, l.chargeCents, l.units, l.from, l.to, l.ndc, l.lineControlNumber])).toEqual(
            c.lines.map((l, i) => [l.code, l.modifiers, l.chargeCents, l.units, l.from, l.to, l.ndc, `${c.id}-${i + 1}`]),
          );
          back.lines.forEach((l, i) => {
            const q = c.lines[i]!.ndcQty;
            if (q !== null) expect(Math.abs(l.ndcQty! - q)).toBeLessThanOrEqual(0.0005 + 1e-9);
          });
        }
      }),
      { numRuns: 150 },
    );
    expect(written).toBeGreaterThan(100);
  });
});
