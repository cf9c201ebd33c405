import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Dispense, PayerSettings, Schedule, Therapy, Visit } from '../../electron/domain/types.ts';
import { build, NDC, office, patient, payer } from './fixture.ts';

const ISO = (day: number) => new Date(Date.UTC(2026, 8, 15) + day * 86_400_000).toISOString().slice(0, 10); // day 0 = 2026-09-15
const CATEGORIES = ['antiInfective', 'hydration', 'tpn', 'pain', 'chemotherapy', 'immunotherapy', 'inotropic', 'anticoagulantInjection', 'interferon', 'antihemophilic', 'catheterCare'];
const DRUGS = [NDC.ceftriaxone2g, NDC.vancomycin1g, NDC.ivig, NDC.intralipid, NDC.cefazolin1g, NDC.heparin, NDC.methotrexate, NDC.amphoB];
const DOSES: Record<string, Array<{ amount: number; unit: 'mg' | 'g' | 'units' }>> = {
  [NDC.ceftriaxone2g]: [{ amount: 1.5, unit: 'g' }, { amount: 2, unit: 'g' }, { amount: 750, unit: 'mg' }],
  [NDC.vancomycin1g]: [{ amount: 1250, unit: 'mg' }, { amount: 1, unit: 'g' }],
  [NDC.ivig]: [{ amount: 20, unit: 'g' }, { amount: 35, unit: 'g' }],
  [NDC.intralipid]: [{ amount: 50, unit: 'g' }, { amount: 25000, unit: 'mg' }],
  [NDC.cefazolin1g]: [{ amount: 1, unit: 'g' }, { amount: 2, unit: 'g' }],
  [NDC.heparin]: [{ amount: 500, unit: 'units' }],
  [NDC.methotrexate]: [{ amount: 7.5, unit: 'mg' }, { amount: 10, unit: 'mg' }],
  [NDC.amphoB]: [{ amount: 35, unit: 'mg' }],
};
const ICD = ['A41.9', 'L03.115', 'E86.0', 'D80.1', 'B95.61', 'Z45.2', 'N17.9', 'C50.911', 'G89.3', 'I27.0', 'K50.90', 'M86.9', 'T82.7XXA', 'Z79.2', 'E43'];

const settingsArb: fc.Arbitrary<Partial<PayerSettings>> = fc.record({
  codeSet: fc.constantFrom('commercial', 'commercial', 'medicare-hit', 'medicaid-nc'),
  perDiemDays: fc.constantFrom('administration', 'access'),
  lineSpan: fc.constantFrom('day', 'week', 'month'),
  claimPeriod: fc.constantFrom('month', 'week'),
  concurrencyOrder: fc.constantFrom('highestCharge', 'firstStarted'),
  concurrencyModifier59: fc.boolean(),
  drugsOnMedicalClaim: fc.boolean(),
  wasteModifiers: fc.constantFrom('JW', 'JW+JZ'),
  compoundKpKq: fc.boolean(),
  requiresPriorAuth: fc.boolean(),
});

const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constantFrom(1, 2, 3, 4, 6, 8, 12, 24).map((n) => ({ everyHours: n })),
  fc.integer({ min: 1, max: 10 }).map((n) => ({ everyDays: n })),
  fc.constant({ weekly: true as const }),
  fc.constant({ monthly: true as const }),
  fc.constant({ continuous: true as const }),
);

const therapyArb = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  route: fc.constantFrom('IV', 'IV', 'SC', 'IM'),
  litres: fc.constantFrom(null, 1, 2.5, 4),
  schedule: scheduleArb,
  start: fc.integer({ min: 0, max: 40 }),
  length: fc.option(fc.integer({ min: 0, max: 60 })),
  hold: fc.option(fc.record({ at: fc.integer({ min: 0, max: 30 }), days: fc.option(fc.integer({ min: 0, max: 5 })) })),
  doses: fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), given: fc.boolean() }), { maxLength: 3 }),
  diagnoses: fc.uniqueArray(fc.constantFrom(...ICD), { minLength: 1, maxLength: 6 }),
  prescriber: fc.constantFrom('dr1', 'dr2'),
  auth: fc.constantFrom('none', 'all', 'split', 'units'),
  drugs: fc.uniqueArray(fc.constantFrom(...DRUGS), { maxLength: 2 }),
  dispenses: fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), days: fc.integer({ min: 1, max: 30 }), qty: fc.integer({ min: 1, max: 60 }) }), { maxLength: 3 }),
  visits: fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), arrival: fc.integer({ min: 6, max: 20 }), minutes: fc.integer({ min: 10, max: 400 }), signed: fc.boolean(), rn: fc.boolean() }), { maxLength: 4 }),
  payerIndex: fc.nat(),
});

const officeArb: fc.Arbitrary<Dataset> = fc
  .record({
    payers: fc.array(settingsArb, { minLength: 1, maxLength: 3 }),
    patients: fc.array(fc.array(therapyArb, { maxLength: 5 }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ payers, patients }) => {
    const payerList = payers.map((s, i) => payer(`PY${i}`, s));
    const therapies: Therapy[] = [];
    const dispenses: Dispense[] = [];
    const visits: Visit[] = [];
    const patientList = patients.map((ts, pi) => {
      const pid = `P${pi}`;
      ts.forEach((t, ti) => {
        const id = `T${pi}x${ti}`;
        const start = ISO(t.start);
        const py = payerList[t.payerIndex % payerList.length]!.id;
        const drugs = t.drugs.map((ndc, k) => ({ ndc, dose: DOSES[ndc]![k % DOSES[ndc]!.length]! }));
        therapies.push({
          id, patient: pid, payer: py, category: t.category, route: t.route as Therapy['route'], selfAdministered: false, perDiemCode: null,
          qualifier: { litersPerDay: t.litres, mode: 'continuous', lumen: 'single' }, schedule: t.schedule, start, stop: t.length === null ? null : ISO(t.start + t.length),
          holds: t.hold ? [{ from: ISO(t.start + t.hold.at), to: t.hold.days === null ? null : ISO(t.start + t.hold.at + t.hold.days) }] : [],
          doses: t.doses.map((d) => ({ date: ISO(t.start + d.at), given: d.given })), diagnoses: t.diagnoses, prescriber: t.prescriber,
          priorAuths:
            t.auth === 'none' ? [] : t.auth === 'all' ? [{ number: `PA${id}`, from: '2026-01-01' }] : t.auth === 'units' ? [{ number: `PA${id}`, from: '2026-01-01', units: { J0696: 30, S9500: 10 } }]
            : [{ number: `PA${id}a`, from: '2026-01-01', to: '2026-10-10' }, { number: `PA${id}b`, from: '2026-10-12' }],
          drugs,
        });
        t.dispenses.forEach((d, k) => drugs.length > 0 && dispenses.push({ id: `D${id}-${k}`, therapy: id, date: ISO(t.start + d.at - 5), ndc: drugs[k % drugs.length]!.ndc, quantity: d.qty, daysSupply: d.days }));
        t.visits.forEach((v, k) => {
          const end = v.arrival * 60 + v.minutes;
          const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          visits.push({
            id: `V${id}-${k}`, patient: pid, therapy: id, nurse: v.rn ? 'rn1' : 'lpn1', date: ISO(t.start + v.at), arrival: hhmm(v.arrival * 60), departure: hhmm(end),
            departureDate: end >= 1440 ? ISO(t.start + v.at + 1) : null, signed: v.signed,
          });
        });
      });
      return patient(pid, payerList.map((p) => p.id));
    });
    return office({ payers: payerList, patients: patientList, therapies, dispenses, visits });
  });

const RANGE = { from: '2026-10-01', to: '2026-10-31' };
const runs = { numRuns: 100 };

describe('claims over random offices (properties)', () => {
  it('never puts a source key on two claims or twice on one', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const keys = build(ds, RANGE).claims.flatMap((c) => c.lines.flatMap((l) => l.sourceKeys));
        expect(new Set(keys).size).toBe(keys.length);
      }),
      runs,
    );
  });

  it('puts a therapy per diem and its drug lines of a date on one claim', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const r = build(ds, RANGE);
        const claimOfKey = new Map<string, string>();
        for (const c of r.claims) for (const l of c.lines) for (const k of l.sourceKeys) claimOfKey.set(k, c.id);
        for (const c of r.claims) {
          for (const l of c.lines) {
            if (l.kind !== 'drug' && l.kind !== 'waste') continue;
            const perDiem = claimOfKey.get(`perdiem:${l.therapy}:${l.from}`);
            if (perDiem !== undefined) expect(perDiem).toBe(c.id);
          }
        }
      }),
      runs,
    );
  });

  it('makes each total the sum of its lines and keeps lines in date order', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        for (const c of build(ds, RANGE).claims) {
          expect(c.totalCents).toBe(c.lines.reduce((s, l) => s + l.chargeCents, 0));
          const froms = c.lines.map((l) => l.from);
          expect([...froms].sort()).toEqual(froms);
          expect(c.diagnoses.length).toBeLessThanOrEqual(12);
          for (const l of c.lines) {
            expect(l.pointers.length).toBeLessThanOrEqual(4);
            for (const p of l.pointers) expect('ABCDEFGHIJKL'.indexOf(p)).toBeLessThan(c.diagnoses.length);
          }
        }
      }),
      runs,
    );
  });

  it('keeps claims at 50 lines or fewer unless one date block is larger (then an R-CL-1 error)', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const r = build(ds, RANGE);
        for (const c of r.claims) {
          if (c.lines.length > 50) expect(r.findings.some((f) => f.rule === 'R-CL-1' && f.claim === c.id)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('gives unique claim ids of at most 14 characters, the same on every build', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const a = build(ds, RANGE);
        const ids = a.claims.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id.length).toBeLessThanOrEqual(14);
        expect(JSON.stringify(build(ds, RANGE))).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  it('bills only dates inside the build range and finds every finding a rule id', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const r = build(ds, RANGE);
        for (const l of r.claims.flatMap((c) => c.lines)) {
          expect(l.from >= RANGE.from && l.to <= RANGE.to && l.from <= l.to).toBe(true);
          expect(l.units).toBeGreaterThan(0);
          expect(Number.isInteger(l.chargeCents)).toBe(true);
        }
        for (const f of r.findings) expect(f.rule).toMatch(/^R-(PD|DR|SU|NV|CL|MX)-\d+$/);
      }),
      runs,
    );
  });

  it('builds for one payer exactly the claims a full build gives that payer', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const all = build(ds, RANGE);
        for (const p of ds.payers) {
          const one = build(ds, { ...RANGE, payer: p.id });
          expect(one.claims).toEqual(all.claims.filter((c) => c.payer === p.id));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never splits one date of a group between two claims', () => {
    fc.assert(
      fc.property(officeArb, (ds) => {
        const groups = new Map<string, Array<{ from: string; to: string }>>();
        for (const c of build(ds, RANGE).claims) {
          const key = [c.patient, c.payer, c.periodFrom, c.priorAuth, c.prescriber].join('|');
          const span = { from: c.lines[0]!.from, to: c.lines.reduce((m, l) => (l.to > m ? l.to : m), c.lines[0]!.to) };
          const list = groups.get(key) ?? [];
          for (const other of list) expect(span.to < other.from || span.from > other.to).toBe(true);
          groups.set(key, [...list, span]);
        }
      }),
      runs,
    );
  });

  it('splits busy groups into claims of at most 50 lines (or one oversized block), whole dates each, losing no line', () => {
    // at most 8 visits (16 lines) a date, so no single date block passes 50 lines
    const busy = fc.uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 31 }), visits: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 31, selector: (d) => d.day });
    fc.assert(
      fc.property(busy, fc.constantFrom<'day' | 'week'>('day', 'week'), (days, lineSpan) => {
        const visits: Visit[] = days.flatMap((d, i) =>
          Array.from({ length: d.visits }, (_, k) => ({
            id: `V${i}-${k}`, patient: 'P0', therapy: 'T1', nurse: 'rn1', date: `2026-10-${String(d.day).padStart(2, '0')}`,
            arrival: `${String(6 + k).padStart(2, '0')}:00`, departure: `${String(9 + k).padStart(2, '0')}:00`, signed: true,
          })),
        );
        const ds = office({
          payers: [payer('bc', { lineSpan })], patients: [patient('P0', ['bc'])], visits,
          therapies: [{ ...office().therapies[0], id: 'T1', patient: 'P0', payer: 'bc', category: 'antiInfective', route: 'IV', selfAdministered: false, schedule: { continuous: true }, start: '2026-10-01', stop: '2026-10-31', holds: [], doses: [], diagnoses: ['A41.9'], prescriber: 'dr1', priorAuths: [{ number: 'PA', from: '2026-01-01' }], drugs: [] }],
        });
        const r = build(ds, RANGE);
        const keys = r.claims.flatMap((c) => c.lines.flatMap((l) => l.sourceKeys));
        expect(keys.length).toBe(31 + visits.length * 2);
        expect(new Set(keys).size).toBe(keys.length);
        const seen = new Map<string, string>();
        for (const c of r.claims) {
          // a week-long per diem line holds its week's lines in one block, which may pass 50 (R-CL-1 error)
          if (c.lines.length > 50) expect(r.findings.some((f) => f.rule === 'R-CL-1' && f.claim === c.id && lineSpan === 'week')).toBe(true);
          for (const l of c.lines) {
            for (const d of [l.from, l.to]) {
              expect(seen.get(d) ?? c.id).toBe(c.id);
              seen.set(d, c.id);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

