import { describe, expect, it } from 'vitest';
import { isDrugCode } from '../../electron/claims/rules/missingNdc.ts';
import type { Product } from '../../electron/domain/types.ts';
import { allLines, brief, build, dispense, findings, NDC, office, patient, payer, PRODUCTS, therapy } from './fixture.ts';

const PUMP: Product = { ndc: '12345000404', name: 'Enteral pump', kind: 'supply', hcpcs: 'B9004' };

describe('bundled supplies (R-SU-1)', () => {
  const ds = (dispenses: ReturnType<typeof dispense>[], category = 'antiInfective') =>
    office({
      products: [...PRODUCTS, PUMP],
      therapies: [therapy({ id: 'T1', category, qualifier: { litersPerDay: 2 }, stop: '2026-10-05', holds: [{ from: '2026-10-03', to: '2026-10-03' }] })],
      dispenses,
    });

  it('does not bill a bundled supply on a date with a per diem, recording an info finding', () => {
    const r = build(ds([dispense('DSP1', 'T1', '2026-10-01', NDC.ivPole, 1, 30), dispense('DSP2', 'T1', '2026-10-02', NDC.tubing, 4, 30)]));
    expect(allLines(r).filter((l) => l.kind === 'supply')).toEqual([]);
    expect(findings(r, 'R-SU-1').map((f) => [f.code, f.date, f.severity])).toEqual([['E0776', '2026-10-01', 'info'], ['A4222', '2026-10-02', 'info']]);
  });

  it('bills a bundled supply dispensed on a date without a per diem, units rounded up, no NDC', () => {
    const r = build(ds([dispense('DSP1', 'T1', '2026-10-03', NDC.tubing, 2.5, 30)]));
    const supply = allLines(r).filter((l) => l.kind === 'supply');
    expect(brief(supply)).toEqual(['2026-10-03 A4222 ×3']);
    expect(supply[0]).toMatchObject({ ndc: null, sourceKey: 'supply:DSP1', chargeCents: 1500 });
  });

  it('always bills a supply that is not bundled, after the drug lines of the date', () => {
    const r = build(ds([dispense('DSP1', 'T1', '2026-10-01', PUMP.ndc, 1, 30)]));
    expect(brief(allLines(r).filter((l) => l.from === '2026-10-01'))).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 B9004 ×1']);
  });

  it('bundles line-open saline except for hydration', () => {
    expect(findings(build(ds([dispense('DSP1', 'T1', '2026-10-01', NDC.saline, 2, 30)])), 'R-SU-1')).toHaveLength(1);
    const hydration = build(ds([dispense('DSP1', 'T1', '2026-10-01', NDC.saline, 2, 30)], 'hydration'));
    // two 500 mL bags of J7050 "per 250 cc": 4 HCPCS units, NDC quantity 2 UN
    expect(brief(allLines(hydration).filter((l) => l.kind === 'supply'))).toEqual(['2026-10-01 J7050 ×4 UN 2']);
  });

  it('judges bundling on any billed per diem of the patient, also when building one payer', () => {
    const both = office({
      payers: [payer('bc'), payer('aw')],
      patients: [patient('P1', ['bc', 'aw'])],
      therapies: [therapy({ id: 'T1', stop: '2026-10-01' }), therapy({ id: 'T2', payer: 'aw', category: 'catheterCare', stop: '2026-10-01', schedule: { everyDays: 7 }, start: '2026-09-28' })],
      dispenses: [dispense('DSP1', 'T2', '2026-10-01', NDC.tubing, 3, 30)],
    });
    for (const r of [build(both), build(both, { payer: 'aw' })]) {
      expect(allLines(r).filter((l) => l.kind === 'supply')).toEqual([]);
      expect(findings(r, 'R-SU-1')).toMatchObject([{ code: 'A4222', therapy: 'T2' }]);
    }
    expect(build(both, { payer: 'bc' }).findings).toEqual([]);
  });
});


describe('supply lines of drug codes carry the NDC (R-DR-7)', () => {
  const FLUSH: Product = { ndc: '25021040205', name: 'Heparin lock flush 100 units/mL 5 mL', kind: 'supply', hcpcs: 'J1642' };
  const FLUSH_ML: Product = { ...FLUSH, ndc: '25021040206', name: 'Heparin lock flush 10 mL', ndcUnit: 'ML' };
  const ds = (products: Product[], dispenses: ReturnType<typeof dispense>[]) =>
    office({
      products: [...PRODUCTS, ...products],
      chargeMaster: { ...office().chargeMaster, J1642: 400_000 },
      therapies: [therapy({ id: 'T1', category: 'hydration', qualifier: { litersPerDay: 2 }, stop: '2026-10-05', holds: [{ from: '2026-10-03', to: '2026-10-03' }] })],
      dispenses,
    });

  it('counts every J-code and the Q51xx biosimilars as drug codes, and nothing else', () => {
    expect(['J0120', 'J0696', 'J1642', 'J7030', 'J7050', 'J7060', 'J9999', 'Q5103'].filter(isDrugCode)).toHaveLength(8);
    expect(['A4222', 'E0776', 'S9500', 'B4185', 'Q4100', 'Q5200', '99601', 'K0552'].filter(isDrugCode)).toEqual([]);
  });

  it('puts the dispensed product NDC, unit and quantity on a saline line billed for hydration', () => {
    const r = build(ds([], [dispense('DSP1', 'T1', '2026-10-01', NDC.saline, 3, 30)]));
    const [line] = allLines(r).filter((l) => l.kind === 'supply');
    expect(line).toMatchObject({ code: 'J7050', units: 6, ndc: NDC.saline, ndcQty: 3, ndcUnit: 'UN', chargeCents: 2400, sourceKey: 'supply:DSP1' });
    expect(findings(r, 'R-DR-7')).toEqual([]);
  });

  it('bills a heparin flush on a day without a per diem with its NDC, ML and the dispensed quantity', () => {
    const r = build(ds([FLUSH_ML], [dispense('DSP1', 'T1', '2026-10-03', FLUSH_ML.ndc, 12.5, 30)]));
    expect(brief(allLines(r).filter((l) => l.kind === 'supply'))).toEqual(['2026-10-03 J1642 ×13 ML 12.5']);
    expect(allLines(r).find((l) => l.kind === 'supply')!.ndc).toBe('25021040206');
    expect(findings(r, 'R-DR-7')).toEqual([]);
    // without the product's HCPCS unit, 13 is a count of mL, not of J1642's 10 units: a warning on the line
    expect(findings(r, 'R-DR-3').map((f) => [f.severity, f.line, f.dispense])).toEqual([['warning', 3, 'DSP1']]);
  });

  it('bills the HCPCS units of the dispensed drug when the product states them (J1642 per 10 units)', () => {
    const stated: Product = { ...FLUSH_ML, hcpcsUnit: { amount: 10, unit: 'units' }, drugPerNdcUnit: { amount: 100, unit: 'units' } };
    const r = build(ds([stated], [dispense('DSP1', 'T1', '2026-10-03', stated.ndc, 12.5, 30)]));
    expect(brief(allLines(r).filter((l) => l.kind === 'supply'))).toEqual(['2026-10-03 J1642 ×125 ML 12.5']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('R-DR-11: a J-code supply whose product has no NDC unit bills the dispensed quantity in UN, no finding ("HCPCS “J” codes for drugs submitted without an NDC number will deny" [AW12])', () => {
    const r = build(ds([FLUSH], [dispense('DSP1', 'T1', '2026-10-03', FLUSH.ndc, 2, 30)]));
    const claim = r.claims[0]!;
    const at = claim.lines.findIndex((l) => l.code === 'J1642');
    expect(claim.lines[at]).toMatchObject({ ndc: '25021040205', ndcUnit: 'UN', ndcQty: 2, units: 2 });
    expect(findings(r, 'R-DR-7')).toEqual([]);
  });

  it('leaves supplies of other codes without an NDC', () => {
    const r = build(ds([], [dispense('DSP1', 'T1', '2026-10-03', NDC.tubing, 2, 30)]));
    expect(allLines(r).find((l) => l.kind === 'supply')).toMatchObject({ code: 'A4222', ndc: null, ndcQty: null, ndcUnit: null });
  });

  it('is an R-DR-3 error, not a guessed unit, when the product units do not convert', () => {
    const odd: Product = { ...FLUSH, ndcUnit: 'ML', hcpcsUnit: { amount: 10, unit: 'units' }, drugPerNdcUnit: { amount: 5, unit: 'mL' } };
    const r = build(ds([odd], [dispense('DSP1', 'T1', '2026-10-03', odd.ndc, 2, 30)]));
    expect(allLines(r).filter((l) => l.kind === 'supply')).toEqual([]);
    expect(findings(r, 'R-DR-3').map((f) => [f.severity, f.date, f.dispense])).toEqual([['error', '2026-10-03', 'DSP1']]);
  });
});
