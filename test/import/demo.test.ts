import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate.ts';
import { loadDemo } from '../../electron/demo/loadDemo.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { addDays } from '../../electron/import/dates.ts';
import { openMemoryStore } from '../../db/open.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { UserError } from '../../electron/domain/errors.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import { buildClaims } from '../../electron/claims/index.ts';

const TODAY = '2026-11-15';

function demo(patients = 120, today = TODAY): Dataset {
  const r = parseDataset(generateDemo({ today, patients }));
  if (!r.ok) throw new Error(r.errors.slice(0, 20).join('\n'));
  return r.dataset;
}

describe('the demo office', () => {
  const ds = demo();

  it('is the same for the same day and size, and differs for another day', () => {
    expect(generateDemo({ today: TODAY, patients: 120 })).toEqual(generateDemo({ today: TODAY, patients: 120 }));
    expect(generateDemo({ today: '2026-11-16', patients: 120 })).not.toEqual(generateDemo({ today: TODAY, patients: 120 }));
  });

  it('has as many patients as asked, each with a coverage', () => {
    expect(ds.patients).toHaveLength(120);
    expect(ds.patients.every((p) => p.coverages.length >= 1)).toBe(true);
    expect(ds.patients.some((p) => p.coverages[0]!.relationship === 'child' && p.coverages[0]!.subscriber)).toBe(true);
  });

  it('has a payer for each seed, added with its profile (billing-rules §12), plus Medicare', () => {
    const s = Object.fromEntries(ds.payers.map((p) => [p.id, { ...p.settings, filingIndicator: p.filingIndicator, profile: p.profile }]));
    expect(ds.payers.map((p) => p.profile ?? null)).toEqual(['bcbs-tx', 'bcbs-nm', 'bcbs-vt', 'allways', null, 'wellcare-nc', null]);
    expect(s.bcbstx).toMatchObject({ codeSet: 'commercial', filingIndicator: 'BL', injectableWithoutIvOrRn: 'notBilled', timelyFilingDays: 180 });
    expect(s.allways).toMatchObject({ compoundKpKq: 'paper', drugLineNotes: true, concurrencyOrder: 'firstStarted' });
    expect(s.medicare).toMatchObject({ codeSet: 'medicare-hit', filingIndicator: 'MB' });
    expect(s.ncmedicaid).toMatchObject({ codeSet: 'medicaid-nc', drugsOnMedicalClaim: false, selfAdministeredCovered: true, chargeBasis: 'chargeMaster' });
  });

  it('runs therapies of many categories over the six months before today', () => {
    const categories = new Set(ds.therapies.map((t) => t.category));
    for (const c of ['antiInfective', 'hydration', 'tpn', 'pain', 'chemotherapy', 'immunotherapy', 'antiTnf', 'inotropic', 'catheterCare']) {
      expect(categories, c).toContain(c);
    }
    const from = addDays(TODAY, -182);
    expect(ds.therapies.every((t) => t.start >= from && t.start <= TODAY)).toBe(true);
    expect(ds.therapies.some((t) => t.stop === null)).toBe(true);
    expect(ds.therapies.some((t) => t.holds.length > 0)).toBe(true);
    expect(ds.therapies.some((t) => t.priorAuths.some((a) => a.units))).toBe(true);
    expect(ds.therapies.some((t) => t.drugs.length > 1)).toBe(true);
  });

  it('uses real HCPCS units, in single- and multi-dose containers', () => {
    const byCode = new Map(ds.products.map((p) => [p.hcpcs, p]));
    expect(byCode.get('J0696')!.hcpcsUnit).toEqual({ amount: 250, unit: 'mg' });
    expect(byCode.get('J3370')!.hcpcsUnit).toEqual({ amount: 500, unit: 'mg' });
    expect(byCode.get('J1569')!.hcpcsUnit).toEqual({ amount: 500, unit: 'mg' });
    expect(byCode.get('J2270')!.hcpcsUnit).toEqual({ amount: 10, unit: 'mg' });
    expect(byCode.get('J0285')!.hcpcsUnit).toEqual({ amount: 50, unit: 'mg' });
    expect(byCode.get('J1745')!.hcpcsUnit).toEqual({ amount: 10, unit: 'mg' });
    expect(byCode.get('B4185')!.hcpcsUnit).toEqual({ amount: 10, unit: 'g' });
    expect(byCode.get('J7050')!.hcpcsUnit).toEqual({ amount: 250, unit: 'mL' });
    expect(byCode.has('J1642')).toBe(true);
    const drugs = ds.products.filter((p) => p.kind === 'drug');
    expect(drugs.some((p) => p.singleDose) && drugs.some((p) => p.singleDose === false)).toBe(true);
  });

  it('dispenses cover nearly every scheduled day of every drug up to today', () => {
    let days = 0;
    let covered = 0;
    for (const t of ds.therapies) {
      const step = 'everyDays' in t.schedule ? t.schedule.everyDays : 'weekly' in t.schedule ? 7 : 1;
      const last = t.stop && t.stop < TODAY ? t.stop : TODAY;
      for (const drug of t.drugs) {
        const mine = ds.dispenses.filter((d) => d.therapy === t.id && d.ndc === drug.ndc);
        for (let k = 0, day = t.start; day <= last; k += step, day = addDays(t.start, k)) {
          days++;
          if (mine.some((d) => d.date <= day && day <= addDays(d.date, d.daysSupply - 1))) covered++;
        }
      }
    }
    expect(days).toBeGreaterThan(1000);
    expect(covered / days).toBeGreaterThan(0.9);
    expect(covered).toBeLessThan(days);
  });

  it('has signed and unsigned visits, no later than today', () => {
    expect(ds.visits.some((v) => v.signed) && ds.visits.some((v) => !v.signed)).toBe(true);
    expect(ds.visits.every((v) => v.date <= TODAY)).toBe(true);
    const therapyOf = new Map(ds.therapies.map((t) => [t.id, t]));
    expect(ds.visits.every((v) => therapyOf.get(v.therapy)!.patient === v.patient)).toBe(true);
  });

  it('bills every payer over the six months, exercising their settings, with errors on few claims', () => {
    const { claims, findings } = buildClaims(ds, { from: addDays(TODAY, -182), to: TODAY }, { today: TODAY });
    expect(new Set(claims.map((c) => c.payer))).toEqual(new Set(ds.payers.map((p) => p.id)));
    const withErrors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.claim));
    expect(withErrors.size / claims.length).toBeLessThan(0.2);
    const lines = claims.flatMap((c) => c.lines);
    const modifiers = new Set(lines.flatMap((l) => l.modifiers));
    for (const m of ['JW', 'JZ', 'SH']) expect(modifiers, m).toContain(m);
    // AllWays: KP/KQ on the paper form only (R-DR-8), notes on its drug lines (R-DR-12)
    const paper = new Set(lines.flatMap((l) => l.paperModifiers ?? []));
    for (const m of ['KP', 'KQ']) expect(paper, m).toContain(m);
    expect(lines.some((l) => l.note?.startsWith('DOSE '))).toBe(true);
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of ['R-SU-3', 'R-PD-9', 'R-PD-11', 'R-CL-5']) expect(rules, r).toContain(r);
    const codes = new Set(lines.map((l) => l.code));
    for (const c of ['99601', 'G0068', 'T1030', 'S9500', 'J0696', 'J1569']) expect(codes, c).toContain(c);
  });

  it('goes only into an empty database', () => {
    const store = openMemoryStore();
    const { counts } = loadDemo(store.db, { today: TODAY, patients: 30 });
    expect(counts.patients).toBe(30);
    expect(loadDataset(store.db)).toEqual(demo(30));
    expect(() => loadDemo(store.db, { today: TODAY, patients: 30 })).toThrow(UserError);
    expect(() => loadDemo(store.db, { today: TODAY, patients: 30 })).toThrow(/the database is not empty/);
    store.close();
  });
});
