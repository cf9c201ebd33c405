import { describe, expect, it } from 'vitest';
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
    expect(brief(allLines(hydration).filter((l) => l.kind === 'supply'))).toEqual(['2026-10-01 J7050 ×2']);
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

