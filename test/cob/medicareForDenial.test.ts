// R-CO-3 Medicare for denial: Medicare gets the drug in its codes (no per diem), denies it; the
// supplement with billSecondaryWithOwnCodes gets an S-code claim built by the engine from the same
// facts, Medicare's 2430 on the drug lines and its denial restated at claim level for the per diems.
import { describe, expect, it } from 'vitest';
import { draftSecondary } from '../../electron/cob/draftSecondary.ts';
import { draftOwnCodesSecondary } from '../../electron/cob/ownCodesSecondary.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { batch, DATASET, medicareClaim, postings, remittance, TODAY } from './medicareFixture.ts';

describe('R-CO-3 Medicare for denial', () => {
  const decision = draftSecondary({ claim: medicareClaim, postings, remitClaim: remittance.claims[0]!, patient: DATASET.patients[0]!, payers: DATASET.payers });

  it('R-CO-3: Medicare was billed the drug in its codes, no per diem', () => {
    expect(medicareClaim.lines.map((l) => `${l.from} ${l.code} ×${l.units} ${l.chargeCents}`)).toEqual([
      '2026-10-01 J0696 ×8 3400', '2026-10-02 J0696 ×8 3400', '2026-10-03 J0696 ×8 3400',
    ]);
  });

  it('R-CO-3: after Medicare the secondary with billSecondaryWithOwnCodes is built with its own codes', () => {
    expect(decision.kind).toBe('ownCodes');
  });

  it('R-CO-3: the S-code claim carries Medicare\'s 2430 on the drug lines, none on the per diems, and the denial at claim level', () => {
    if (decision.kind !== 'ownCodes') throw new Error(decision.kind);
    const r = draftOwnCodesSecondary({ dataset: DATASET, medicareClaim, adjudication: decision.adjudication, coverage: decision.coverage, today: TODAY });
    if (r.kind !== 'draft') throw new Error(r.reason);
    const c = r.claim;
    expect([c.id, c.payer, c.coveragePriority, c.primaryClaim, c.totalCents]).toEqual([`${medicareClaim.id.slice(0, 12)}-2`, 'supp', 2, medicareClaim.id, 46200]);
    expect(c.lines.map((l) => `${l.from} ${l.code} ×${l.units} ${l.chargeCents}`)).toEqual([
      '2026-10-01 S9500 ×1 12000', '2026-10-01 J0696 ×8 3400',
      '2026-10-02 S9500 ×1 12000', '2026-10-02 J0696 ×8 3400',
      '2026-10-03 S9500 ×1 12000', '2026-10-03 J0696 ×8 3400',
    ]);
    const m = c.priorPayers![0]!;
    expect([m.payer, m.priority, m.paidCents, m.adjustments, m.remainingPatientCents, m.payerClaimNumber]).toEqual([
      'medicare', 1, 0, [{ group: 'PR', reason: '204', cents: 36000, quantity: null }], 46200, '94005000001',
    ]);
    expect(m.lines.map((l) => [l.line, l.code, l.paidCents, l.adjustments.map((a) => `${a.group}-${a.reason} ${a.cents}`)])).toEqual([
      [2, 'J0696', 0, ['PR-204 3400']], [4, 'J0696', 0, ['PR-204 3400']], [6, 'J0696', 0, ['PR-204 3400']],
    ]);
    expect(r.notes).toEqual([]);
    const text = write837(batch([c], 502)).text;
    expect(text).toContain('SBR*P*18*******MB~\nCAS*PR*204*360~\nAMT*D*0~\nOI***Y*P**Y~\nNM1*IL*1*ROE*RICHARD****MI*1EG4TE5MK73~\nNM1*PR*2*MEDICARE DME MAC*****PI*17003~\nDTP*573*D8*20261112~\nREF*F8*94005000001~');
    expect(read837(text).errors).toEqual([]);
  });

  it('R-CO-3: without the setting the secondary mirrors Medicare\'s lines (normal COB)', () => {
    const plain = DATASET.payers.map((p) => (p.id === 'supp' ? { ...p, settings: { ...p.settings, billSecondaryWithOwnCodes: false } } : p));
    const r = draftSecondary({ claim: medicareClaim, postings, remitClaim: remittance.claims[0]!, patient: DATASET.patients[0]!, payers: plain });
    expect(r.kind === 'draft' && r.claim.lines.map((l) => l.code)).toEqual(['J0696', 'J0696', 'J0696']);
  });
});
