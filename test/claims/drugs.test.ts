import { describe, expect, it } from 'vitest';
import type { Product, Therapy } from '../../electron/domain/types.ts';
import { allLines, brief, build, dispense, findings, NDC, office, payer, PRODUCTS, therapy } from './fixture.ts';

const CEFTRIAXONE_1G: Product = { ...PRODUCTS[0]!, ndc: '00409733101', name: 'Ceftriaxone 1 g vial', drugPerNdcUnit: { amount: 1000, unit: 'mg' } };
const VANCO_500: Product = { ...PRODUCTS[1]!, ndc: '63323028410', name: 'Vancomycin 500 mg vial', drugPerNdcUnit: { amount: 500, unit: 'mg' } };
const MICRO: Product = { ndc: '55555000101', name: 'Microdrug 1 mg/mL', kind: 'drug', hcpcs: 'J3490', hcpcsUnit: { amount: 10, unit: 'mcg' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 1, unit: 'mg' }, containerSize: 1, singleDose: false };
const THIRDS: Product = { ndc: '55555000202', name: 'Thirds 30 mg/mL', kind: 'drug', hcpcs: 'J3590', hcpcsUnit: { amount: 5, unit: 'mg' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 30, unit: 'mg' }, containerSize: 10, singleDose: false };
const BAD_NDC: Product = { ...PRODUCTS[1]!, ndc: '1234', name: 'Vancomycin with a broken NDC' };

function drugDay(drugs: Therapy['drugs'], opts: { schedule?: Therapy['schedule']; settings?: Parameters<typeof payer>[1]; dispenses?: ReturnType<typeof dispense>[]; products?: Product[] } = {}) {
  const ds = office({
    payers: [payer('bc', opts.settings ?? {})],
    products: [...PRODUCTS, CEFTRIAXONE_1G, VANCO_500, MICRO, THIRDS, BAD_NDC, ...(opts.products ?? [])],
    therapies: [therapy({ id: 'T1', schedule: opts.schedule ?? { everyHours: 24 }, stop: '2026-10-01', drugs })],
    dispenses: opts.dispenses ?? drugs.map((d, i) => dispense(`D${i + 1}`, 'T1', '2026-10-01', d.ndc, 100, 30)),
  });
  const r = build(ds, { to: '2026-10-01' });
  return { r, lines: brief(allLines(r).filter((l) => l.kind !== 'perDiem')) };
}

describe('drug lines (R-DR-2 … R-DR-6)', () => {
  it('bills the worked example: ceftriaxone 1.5 g from a 2 g vial is ×6 UN 0.75 plus JW ×2 UN 0.25 (R-DR-3, R-DR-4, R-DR-5)', () => {
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }]).lines).toEqual(['2026-10-01 J0696 ×6 UN 0.75', '2026-10-01 J0696-JW ×2 UN 0.25']);
  });

  it('bills a full vial without waste, and JZ on it when the payer uses JW+JZ', () => {
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }]).lines).toEqual(['2026-10-01 J0696 ×8 UN 1']);
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }], { settings: { wasteModifiers: 'JW+JZ' } }).lines).toEqual(['2026-10-01 J0696-JZ ×8 UN 1']);
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }], { settings: { wasteModifiers: 'JW+JZ' } }).lines).toEqual(['2026-10-01 J0696 ×6 UN 0.75', '2026-10-01 J0696-JW ×2 UN 0.25']);
  });

  it('multiplies by the doses of the day: q8h cefazolin 1 g is ×6 UN 3, q8h ceftriaxone 1.5 g wastes 3 half vials', () => {
    expect(drugDay([{ ndc: NDC.cefazolin1g, dose: { amount: 1, unit: 'g' } }], { schedule: { everyHours: 8 } }).lines).toEqual(['2026-10-01 J0690 ×6 UN 3']);
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }], { schedule: { everyHours: 8 } }).lines).toEqual(['2026-10-01 J0696 ×18 UN 2.25', '2026-10-01 J0696-JW ×6 UN 0.75']);
  });

  it('computes waste with uneven units per dose (R-DR-5)', () => {
    // 1.25 g q12h from 1 g vials: 2.5 g → 5 units; 4 vials opened = 8 units, 3 wasted
    expect(drugDay([{ ndc: NDC.vancomycin1g, dose: { amount: 1250, unit: 'mg' } }], { schedule: { everyHours: 12 } }).lines).toEqual(['2026-10-01 J3370 ×5 UN 2.5', '2026-10-01 J3370-JW ×3 UN 1.5']);
    // 750 mg q12h: 1.5 g → 3 units; 2 vials = 4 units, 1 wasted
    expect(drugDay([{ ndc: NDC.vancomycin1g, dose: { amount: 750, unit: 'mg' } }], { schedule: { everyHours: 12 } }).lines).toEqual(['2026-10-01 J3370 ×3 UN 1.5', '2026-10-01 J3370-JW ×1 UN 0.5']);
  });

  it('writes no JW line for less than one unit of waste (already in the rounded-up line), JZ instead (R-DR-5, R-DR-6)', () => {
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.9, unit: 'g' } }]).lines).toEqual(['2026-10-01 J0696 ×8 UN 0.95']);
    expect(drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.9, unit: 'g' } }], { settings: { wasteModifiers: 'JW+JZ' } }).lines).toEqual(['2026-10-01 J0696-JZ ×8 UN 0.95']);
  });

  it('never writes JW or JZ for multi-dose containers (R-DR-5)', () => {
    expect(drugDay([{ ndc: NDC.heparin, dose: { amount: 500, unit: 'units' } }], { schedule: { everyHours: 12 }, settings: { wasteModifiers: 'JW+JZ' } }).lines).toEqual(['2026-10-01 J1644 ×1 ML 1']);
  });

  it('converts mcg, mg and g among themselves', () => {
    expect(drugDay([{ ndc: MICRO.ndc, dose: { amount: 0.025, unit: 'mg' } }]).lines).toEqual(['2026-10-01 J3490 ×3 ML 0.025']);
    expect(drugDay([{ ndc: MICRO.ndc, dose: { amount: 25, unit: 'mcg' } }]).lines).toEqual(['2026-10-01 J3490 ×3 ML 0.025']);
    expect(drugDay([{ ndc: NDC.intralipid, dose: { amount: 50, unit: 'g' } }]).lines).toEqual(['2026-10-01 B4185 ×5 ML 250']);
    expect(drugDay([{ ndc: NDC.intralipid, dose: { amount: 25000, unit: 'mg' } }]).lines).toEqual(['2026-10-01 B4185 ×3 ML 125', '2026-10-01 B4185-JW ×2 ML 125']);
  });

  it('treats units and IU as one measure', () => {
    expect(drugDay([{ ndc: NDC.factor, dose: { amount: 1000, unit: 'units' } }]).lines).toEqual(['2026-10-01 J7192 ×1000 F2 1000']);
  });

  it('keeps the line of a dose that does not convert, with an error on it that blocks the claim', () => {
    const { r, lines } = drugDay([{ ndc: NDC.vancomycin1g, dose: { amount: 10, unit: 'mL' } }]);
    expect(lines).toEqual(['2026-10-01 J3370 ×1']);
    expect(findings(r, 'R-DR-3')).toMatchObject([{ severity: 'error', patient: 'P1', date: '2026-10-01', claim: r.claims[0]!.id, line: 2 }]);
  });

  it('rounds the NDC quantity to 3 decimals (R-DR-4)', () => {
    expect(drugDay([{ ndc: THIRDS.ndc, dose: { amount: 10, unit: 'mg' } }]).lines).toEqual(['2026-10-01 J3590 ×2 ML 0.333']);
    expect(drugDay([{ ndc: THIRDS.ndc, dose: { amount: 20, unit: 'mg' } }]).lines).toEqual(['2026-10-01 J3590 ×4 ML 0.667']);
  });
});

describe('covering dispense (R-DR-2)', () => {
  const dose = [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' as const } }];

  it('bills the NDC of the latest covering dispense of the same HCPCS code', () => {
    const { lines } = drugDay(dose, { dispenses: [dispense('D1', 'T1', '2026-09-25', NDC.ceftriaxone2g, 10, 10), dispense('D2', 'T1', '2026-09-30', CEFTRIAXONE_1G.ndc, 10, 5)] });
    expect(lines).toEqual(['2026-10-01 J0696 ×6 UN 1.5', '2026-10-01 J0696-JW ×2 UN 0.5']);
  });

  it('breaks a tie on the dispense date by the greater dispense id', () => {
    const a = drugDay(dose, { dispenses: [dispense('D2', 'T1', '2026-09-30', CEFTRIAXONE_1G.ndc, 10, 5), dispense('D1', 'T1', '2026-09-30', NDC.ceftriaxone2g, 10, 5)] });
    expect(allLines(a.r).find((l) => l.kind === 'drug')!.ndc).toBe(CEFTRIAXONE_1G.ndc);
  });

  it('ignores a dispense whose days supply ended before the date', () => {
    const { r, lines } = drugDay(dose, { dispenses: [dispense('D1', 'T1', '2026-09-21', NDC.ceftriaxone2g, 10, 10)] });
    expect(lines).toEqual([]);
    expect(findings(r, 'R-DR-2')).toMatchObject([{ severity: 'error', date: '2026-10-01', claim: r.claims[0]!.id }]);
    expect(findings(r, 'R-DR-2')[0]!.message).toMatch(/not dispensed/);
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1']);
  });

  it('takes the exact NDC when two of the therapy drugs share a HCPCS code', () => {
    const { lines } = drugDay(
      [{ ndc: NDC.vancomycin1g, dose: { amount: 1, unit: 'g' } }, { ndc: VANCO_500.ndc, dose: { amount: 500, unit: 'mg' } }],
      { dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.vancomycin1g, 5, 5), dispense('D2', 'T1', '2026-10-01', VANCO_500.ndc, 5, 5)] },
    );
    expect(lines).toEqual(['2026-10-01 J3370 ×2 UN 1', '2026-10-01 J3370 ×1 UN 1']);
  });
});

describe('missing NDC (R-DR-7)', () => {
  it('carries an 11-digit NDC on every drug line', () => {
    const { r } = drugDay([{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }]);
    expect(allLines(r).filter((l) => l.kind === 'drug' || l.kind === 'waste').map((l) => l.ndc)).toEqual([NDC.ceftriaxone2g, NDC.ceftriaxone2g]);
    expect(findings(r, 'R-DR-7')).toEqual([]);
  });

  it('is an error on a drug line whose product NDC is not 11 digits', () => {
    const { r } = drugDay([{ ndc: BAD_NDC.ndc, dose: { amount: 1, unit: 'g' } }]);
    expect(findings(r, 'R-DR-7')).toMatchObject([{ severity: 'error', line: 2, claim: r.claims[0]!.id }]);
  });
});

describe('multi-ingredient drugs (R-DR-8)', () => {
  const two = [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' as const } }, { ndc: NDC.vancomycin1g, dose: { amount: 1, unit: 'g' as const } }];

  it('puts KP on the first ingredient and KQ on the others, also on JW lines, before JW/JZ', () => {
    expect(drugDay(two, { settings: { compoundKpKq: true, wasteModifiers: 'JW+JZ' } }).lines).toEqual([
      '2026-10-01 J0696-KP ×6 UN 0.75', '2026-10-01 J0696-KP-JW ×2 UN 0.25', '2026-10-01 J3370-KQ-JZ ×2 UN 1',
    ]);
  });

  it('adds no KP/KQ without the payer setting or for a single drug', () => {
    expect(drugDay(two).lines).toEqual(['2026-10-01 J0696 ×6 UN 0.75', '2026-10-01 J0696-JW ×2 UN 0.25', '2026-10-01 J3370 ×2 UN 1']);
    expect(drugDay([two[0]!], { settings: { compoundKpKq: true } }).lines).toEqual(['2026-10-01 J0696 ×6 UN 0.75', '2026-10-01 J0696-JW ×2 UN 0.25']);
  });
});

describe('allowed NDC units (R-DR-9)', () => {
  it('is an error on a line whose unit the payer does not accept', () => {
    const { r } = drugDay([{ ndc: NDC.ivig, dose: { amount: 10, unit: 'g' } }], { settings: { ndcUnits: ['F2', 'GR', 'ME', 'UN'] } });
    expect(findings(r, 'R-DR-9')).toMatchObject([{ severity: 'error', line: 2, code: 'J1569' }]);
    expect(findings(drugDay([{ ndc: NDC.ivig, dose: { amount: 10, unit: 'g' } }]).r, 'R-DR-9')).toEqual([]);
  });
});

describe('dispensed vs billed (R-DR-10)', () => {
  it('warns once, on the first day the billed quantity passes the dispensed', () => {
    const ds = office({
      therapies: [therapy({ id: 'T1', stop: '2026-10-10', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 5, 10)],
    });
    const r = build(ds);
    expect(findings(r, 'R-DR-10')).toMatchObject([{ severity: 'warning', date: '2026-10-06', dispense: 'D1', line: 17 }]);
  });

  it('counts what exported claims already billed from the dispense', () => {
    const ds = office({
      therapies: [therapy({ id: 'T1', stop: '2026-10-10', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 5, 10)],
    });
    const first = build(ds, { to: '2026-10-04' });
    const exported = new Map(
      allLines(first).filter((l) => l.ndc).map((l) => [l.sourceKey, { claim: 'EXP1', hash: l.factHashes![0]!, date: l.from, patient: 'P1', payer: 'bc', ndcQty: l.ndcQty }] as const),
    );
    const r = build(ds, { from: '2026-10-05', exported: { keys: exported } });
    expect(findings(r, 'R-DR-10')).toMatchObject([{ date: '2026-10-06', dispense: 'D1', line: 5 }]);
    // counted alone, the six days of this build pass 5 UN only on the last
    expect(findings(build(ds, { from: '2026-10-05' }), 'R-DR-10').map((f) => f.date)).toEqual(['2026-10-10']);
  });

  it('says nothing while the billed quantity stays within the dispense', () => {
    const ds = office({
      therapies: [therapy({ id: 'T1', stop: '2026-10-10', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 10, 10)],
    });
    expect(findings(build(ds), 'R-DR-10')).toEqual([]);
  });
});

describe('TPN components (R-SU-2)', () => {
  it('does not bill standard TPN components and bills lipids separately', () => {
    const ds = office({
      therapies: [therapy({ id: 'T1', category: 'tpn', qualifier: { litersPerDay: 1 }, stop: '2026-10-01', drugs: [{ ndc: NDC.clinimix, dose: { amount: 1000, unit: 'mL' } }, { ndc: NDC.intralipid, dose: { amount: 50, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.clinimix, 7, 7), dispense('D2', 'T1', '2026-10-01', NDC.intralipid, 7, 7)],
    });
    const r = build(ds, { to: '2026-10-01' });
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9365 ×1', '2026-10-01 B4185 ×5 ML 250']);
    expect(findings(r, 'R-SU-2')).toMatchObject([{ severity: 'info', code: 'B4189' }]);
  });
});

describe('TPN components only with a TPN per diem (R-SU-2, §10)', () => {
  const tpnOn = (category: string, settings: Parameters<typeof payer>[1] = {}) =>
    build(office({
      payers: [payer('bc', settings)],
      therapies: [therapy({ id: 'T1', category, qualifier: { litersPerDay: 1 }, stop: '2026-10-01', drugs: [{ ndc: NDC.clinimix, dose: { amount: 1000, unit: 'mL' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.clinimix, 7, 7)],
    }), { to: '2026-10-01' });

  it('bills a tpnIncluded product as a drug on a hydration therapy', () => {
    const r = tpnOn('hydration');
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9374 ×1', '2026-10-01 B4189 ×1000 ML 1000']);
    expect(findings(r, 'R-SU-2')).toEqual([]);
  });

  it('bills it on a Medicare HIT claim, which has no TPN per diem', () => {
    expect(brief(allLines(tpnOn('tpn', { codeSet: 'medicare-hit' })))).toEqual(['2026-10-01 B4189 ×1000 ML 1000']);
  });

  it('bills it for an NC Medicaid TPN therapy, whose per diem is not covered', () => {
    const r = tpnOn('tpn', { codeSet: 'medicaid-nc' });
    expect(brief(allLines(r))).toEqual(['2026-10-01 B4189 ×1000 ML 1000']);
    expect(findings(r, 'R-SU-2')).toEqual([]);
  });
});

describe('bundled codes given as therapy drugs (R-SU-1 goes by the code, §10)', () => {
  const FLUSH: Product = { ndc: '63323054710', name: 'Heparin lock flush 100 units/mL 5 mL', kind: 'drug', hcpcs: 'J1642', hcpcsUnit: { amount: 10, unit: 'units' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 100, unit: 'units' }, containerSize: 5, singleDose: false };
  const SALINE: Product = { ndc: '12345000404', name: 'Sodium chloride 0.9% 1000 mL', kind: 'drug', hcpcs: 'J7030', hcpcsUnit: { amount: 1000, unit: 'mL' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 1, unit: 'mL' }, containerSize: 1000, singleDose: false };
  const flushOffice = (category: string, drugNdc: string, amount: number, unit: 'units' | 'mL', perDiemDays: 'administration' | 'access' = 'administration') =>
    office({
      payers: [payer('bc', { perDiemDays })],
      products: [...PRODUCTS, FLUSH, SALINE],
      therapies: [
        therapy({ id: 'T1', category, qualifier: { litersPerDay: 1 }, start: '2026-10-01', stop: '2026-10-02', drugs: [{ ndc: drugNdc, dose: { amount, unit } }] }),
      ],
      dispenses: [dispense('D1', 'T1', '2026-10-01', drugNdc, 10, 10)],
    });

  it('leaves a heparin lock flush off a date with a billed per diem, with an info finding and no R-DR-2', () => {
    const r = build(flushOffice('antiInfective', '63323054710', 300, 'units'), { to: '2026-10-02' });
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1']);
    expect(findings(r, 'R-SU-1').map((f) => [f.severity, f.date, f.code])).toEqual([['info', '2026-10-01', 'J1642'], ['info', '2026-10-02', 'J1642']]);
    expect(findings(r, 'R-DR-2')).toEqual([]);
  });

  it('bills it as a drug line on a date without a billed per diem', () => {
    // catheter care for an NC Medicaid payer: no per diem is billed, so the flush is a drug line
    const ds = flushOffice('catheterCare', '63323054710', 300, 'units');
    ds.payers = [payer('bc', { codeSet: 'medicaid-nc' })];
    const r = build(ds, { to: '2026-10-02' });
    expect(brief(allLines(r))).toEqual(['2026-10-01 J1642 ×30 ML 3', '2026-10-02 J1642 ×30 ML 3']);
    expect(findings(r, 'R-SU-1')).toEqual([]);
  });

  it('bills saline (J7030) as a drug on a hydration therapy, and bundles it on any other', () => {
    expect(brief(allLines(build(flushOffice('hydration', '12345000404', 1000, 'mL'), { to: '2026-10-01' })))).toEqual(['2026-10-01 S9374 ×1', '2026-10-01 J7030 ×1 ML 1000']);
    const r = build(flushOffice('antiInfective', '12345000404', 1000, 'mL'), { to: '2026-10-01' });
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1']);
    expect(findings(r, 'R-SU-1').map((f) => f.code)).toEqual(['J7030']);
  });
});
