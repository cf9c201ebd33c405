// The settings and rules of billing-rules.md §12 (new R-PD-11…13, R-SU-3/4, R-CL-12/13, R-MX-9,
// R-DR-11; amended R-PD-9, R-CL-5, R-DR-8, R-DR-9, R-SU-1, R-CL-6), each with the seed's words.
import { describe, expect, it } from 'vitest';
import { profileSettings } from '../../electron/domain/profiles.ts';
import type { PayerSettings, Product, ProfileId } from '../../electron/domain/types.ts';
import { $, allLines, brief, build, dispense, findings, NDC, office, patient, payer, PRODUCTS, therapy, visit } from './fixture.ts';

const FLUSH: Product = { ndc: '25021040205', name: 'Heparin lock flush 100 units/mL 5 mL', kind: 'supply', hcpcs: 'J1642' };
const FLUSH_DRUG: Product = { ...FLUSH, ndc: '25021040206', kind: 'drug', hcpcsUnit: { amount: 10, unit: 'units' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: 100, unit: 'units' }, containerSize: 5, singleDose: true };
const PORT: Product = { ndc: '12345000505', name: 'Implanted port', kind: 'supply', hcpcs: 'A4300' };
const GANCICLOVIR: Product = { ndc: '00004027801', name: 'Ganciclovir 500 mg vial', kind: 'drug', hcpcs: 'J1570', hcpcsUnit: { amount: 50, unit: 'mg' }, ndcUnit: 'ME', drugPerNdcUnit: { amount: 1, unit: 'mg' }, containerSize: 500, singleDose: true };
const PRODUCTS_12 = [...PRODUCTS, FLUSH, FLUSH_DRUG, PORT, GANCICLOVIR];

/** A payer added with a profile, `over` edited after. */
const profiled = (id: ProfileId, over: Partial<PayerSettings> = {}) => ({ ...payer('bc'), settings: profileSettings(id, over), profile: id });
const oct = (days: number) => ({ stop: `2026-10-0${days}` });

describe('R-CL-5 priorAuthRequiredFor (amended)', () => {
  it('BCBS VT asks only for the listed codes: "Prior approval is not required" [VT2], the VT TPN codes "require PA per the PA list" [VT4]', () => {
    const r = build(office({
      payers: [profiled('bcbs-vt')],
      therapies: [
        therapy({ id: 'T1', ...oct(2), priorAuths: [] }),
        therapy({ id: 'T2', category: 'tpn', ...oct(2), priorAuths: [], drugs: [{ ndc: NDC.intralipid, dose: { amount: 50, unit: 'g' } }] }),
      ],
      dispenses: [dispense('D1', 'T2', '2026-10-01', NDC.intralipid, 500, 2)],
    }));
    expect(findings(r, 'R-CL-5').map((f) => [f.therapy, f.code])).toEqual([['T2', 'B4185']]);
  });

  it('all: one error per therapy × code; none: never', () => {
    const ds = (priorAuthRequiredFor: PayerSettings['priorAuthRequiredFor']) =>
      office({ payers: [payer('bc', { priorAuthRequiredFor })], therapies: [therapy({ id: 'T1', ...oct(2), priorAuths: [], drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }] })], dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2)] });
    expect(findings(build(ds('all')), 'R-CL-5').map((f) => f.code)).toEqual(['S9500', 'J0696']);
    expect(findings(build(ds('none')), 'R-CL-5')).toEqual([]);
    expect(findings(build(ds(['antiInfective'])), 'R-CL-5').map((f) => f.code)).toEqual(['S9500', 'J0696']);
  });
});

describe('R-CL-5 lines that need no authorization (amended)', () => {
  it('never give R-CL-5 errors but still join the claim of the authorization covering their date ("Prior approval is not required" [VT2])', () => {
    const r = build(office({
      payers: [profiled('bcbs-vt')],
      therapies: [therapy({ id: 'T1', stop: '2026-10-03', priorAuths: [{ number: 'PA-A', from: '2026-09-01', to: '2026-10-01' }, { number: 'PA-B', from: '2026-10-02', to: '2026-10-02' }] })],
    }));
    expect(findings(r, 'R-CL-5')).toEqual([]);
    expect(r.claims.map((c) => [c.priorAuth, c.lines.map((l) => `${l.from} ${l.code}`)])).toEqual([
      ['PA-A', ['2026-10-01 S9500']],
      ['PA-B', ['2026-10-02 S9500']],
      [null, ['2026-10-03 S9500']],
    ]);
  });
});

describe('R-PD-9 injectableWithoutIvOrRn (amended)', () => {
  const sc = (settings: PayerSettings) => office({ payers: [{ ...payer('bc'), settings }], therapies: [therapy({ id: 'T1', category: 'immunotherapyInjection', route: 'SC', ...oct(2) })] });

  it('HCSC notBilled: "payable only when billed on the same day as an approved medical intravenous therapy" [HC7]', () => {
    const r = build(sc(profileSettings('bcbs-nm')));
    expect(brief(allLines(r))).toEqual([]);
    expect(findings(r, 'R-PD-9').map((f) => [f.severity, f.date])).toEqual([['warning', '2026-10-01'], ['warning', '2026-10-02']]);
  });

  it('BCBS VT off: "injectable (given either subcutaneous or intramuscular) medications may be considered medically necessary" [VT6]', () => {
    const r = build(sc(profileSettings('bcbs-vt')));
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9563 ×1', '2026-10-02 S9563 ×1']);
    expect(findings(r, 'R-PD-9')).toEqual([]);
  });

  it('an RN visit that day makes it billable under notBilled', () => {
    const ds = { ...sc(profileSettings('bcbs-nm')), visits: [visit('V1', 'T1', '2026-10-02', '09:00', '10:00')] };
    expect(brief(allLines(build(ds)))).toEqual(['2026-10-02 S9563 ×1', '2026-10-02 99601 ×1']);
  });
});

describe('WellCare NC (medicaid-nc) rules', () => {
  const wc = (t: Parameters<typeof therapy>[0], more: Partial<Parameters<typeof office>[0]> = {}) =>
    build(office({ payers: [profiled('wellcare-nc')], therapies: [therapy({ selfAdministered: true, ...oct(2), ...t })], ...more }));

  it('R-PD-11: a therapy not self-administered is an error, lines kept ("The treatment is self-administered." [WC2])', () => {
    const r = wc({ id: 'T1', selfAdministered: false });
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9494 ×1', '2026-10-02 S9494 ×1']);
    expect(findings(r, 'R-PD-11').map((f) => [f.severity, f.therapy])).toEqual([['error', 'T1']]);
  });

  it('R-PD-12: anti-infective by IM is not covered, no per diem ("Intravenous antibiotic therapy" [WC12])', () => {
    const r = wc({ id: 'T1', route: 'IM' });
    expect(brief(allLines(r))).toEqual([]);
    expect(findings(r, 'R-PD-12').map((f) => [f.severity, f.therapy])).toEqual([['error', 'T1']]);
  });

  it('R-PD-12: pain by epidural is covered ("including subcutaneous, epidural, intrathecal, and intravenous pain management therapy" [WC5])', () => {
    expect(brief(allLines(wc({ id: 'T1', category: 'pain', route: 'epidural' })))).toEqual(['2026-10-01 S9325 ×1', '2026-10-02 S9325 ×1']);
  });

  it('R-PD-13: TPN has no per diem and no R-PD-4, its formulae are billed although drugs go to the pharmacy ("Formulae/solutions ordered by the physician" [WC11])', () => {
    const r = wc({ id: 'T1', category: 'tpn', drugs: [{ ndc: NDC.intralipid, dose: { amount: 50, unit: 'g' } }] }, { dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.intralipid, 500, 2)] });
    expect(brief(allLines(r))).toEqual(['2026-10-01 B4185 ×5 ML 250', '2026-10-02 B4185 ×5 ML 250']);
    expect(r.findings.filter((f) => f.rule === 'R-PD-4' || f.rule === 'R-SU-2')).toEqual([]);
  });

  it('R-PD-13: a TPN therapy\'s pole and tubing are billed on a date with another therapy\'s per diem; the same under the anti-infective are bundled ("Nutrition therapy services include: … Formulae/solutions ordered by the physician" [WC11])', () => {
    const r = build(office({
      payers: [profiled('wellcare-nc')],
      therapies: [therapy({ id: 'T1', selfAdministered: true, ...oct(1) }), therapy({ id: 'T2', category: 'tpn', selfAdministered: true, ...oct(1), drugs: [] })],
      dispenses: [dispense('D1', 'T2', '2026-10-01', NDC.ivPole, 1, 1), dispense('D2', 'T2', '2026-10-01', NDC.tubing, 2, 1), dispense('D3', 'T1', '2026-10-01', NDC.tubing, 1, 1)],
    }));
    expect(brief(allLines(r)).sort()).toEqual(['2026-10-01 A4222 ×2', '2026-10-01 E0776 ×1', '2026-10-01 S9494 ×1']);
    expect(allLines(r).filter((l) => l.kind === 'supply').map((l) => l.sourceKey).sort()).toEqual(['supply:D1', 'supply:D2']);
  });

  it('R-CL-6 chargeMaster: usual and customary charges, not the fee ("Provider(s) shall bill their usual and customary charges." [WC6])', () => {
    const r = build(office({ payers: [{ ...profiled('wellcare-nc'), fees: { S9494: $(99) } }], therapies: [therapy({ id: 'T1', selfAdministered: true, ...oct(1) })] }));
    expect(allLines(r).map((l) => [l.code, l.chargeCents])).toEqual([['S9494', 15000]]);
  });

  it('R-CL-6 chargeMaster: a code the charge master does not price is an error, whatever the payer\'s fee', () => {
    const ds = office({ payers: [{ ...profiled('wellcare-nc'), fees: { S9494: $(99) } }], therapies: [therapy({ id: 'T1', selfAdministered: true, ...oct(1) })] });
    const { S9494: _priced, ...master } = ds.chargeMaster;
    const r = build({ ...ds, chargeMaster: master });
    expect(allLines(r).map((l) => [l.code, l.chargeCents])).toEqual([['S9494', 0]]);
    expect(findings(r, 'R-CL-6').map((f) => [f.severity, f.code, f.message])).toEqual([
      ['error', 'S9494', `No price for S9494: add a charge master price (payer ${ds.payers[0]!.name} is billed the office's usual and customary charges)`],
    ]);
  });
});

describe('supplies (R-SU-1 amended, R-SU-3, R-SU-4, R-DR-11)', () => {
  const ds = (settings: PayerSettings, dispenses: ReturnType<typeof dispense>[]) =>
    office({ payers: [{ ...payer('bc'), settings }], products: PRODUCTS_12, therapies: [therapy({ id: 'T1', ...oct(2) })], dispenses });

  it('AllWays bills A4300 on a per diem date: "Services excluded from the per diem reimbursement include … Surgically implanted CVA" [AW10]', () => {
    const lines = (s: PayerSettings) => brief(allLines(build(ds(s, [dispense('D1', 'T1', '2026-10-01', PORT.ndc, 1, 30)]))));
    expect(lines(profileSettings('allways'))).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 A4300 ×1', '2026-10-02 S9500 ×1']);
    expect(lines(profileSettings('bcbs-vt'))).toEqual(['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1']);
  });

  it('R-SU-3 HCSC never bills J1642, even on a date without a per diem ("not eligible for separate reimbursement" [HC8])', () => {
    const r = build(ds(profileSettings('bcbs-tx'), [dispense('D1', 'T1', '2026-10-05', FLUSH.ndc, 2, 30)]));
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1']);
    expect(findings(r, 'R-SU-3').map((f) => [f.severity, f.dispense])).toEqual([['info', 'D1']]);
  });

  it('R-SU-3 also for a therapy drug with the code, without an R-DR-2 finding', () => {
    const r = build(office({ payers: [profiled('bcbs-nm')], products: PRODUCTS_12, therapies: [therapy({ id: 'T1', ...oct(2), drugs: [{ ndc: FLUSH_DRUG.ndc, dose: { amount: 300, unit: 'units' } }] })] }));
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1']);
    expect(findings(r, 'R-SU-3').map((f) => f.therapy)).toEqual(['T1']);
    expect(findings(r, 'R-DR-2')).toEqual([]);
  });

  it('R-SU-4: patient-owned equipment is never bundled ("(excluding patient owned equipment)" [HC11])', () => {
    const owned = { ...dispense('D1', 'T1', '2026-10-01', NDC.ivPole, 1, 30), patientOwned: true };
    expect(brief(allLines(build(ds(profileSettings('bcbs-nm'), [owned]))))).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 E0776 ×1', '2026-10-02 S9500 ×1']);
  });
});

describe('drug lines (R-DR-8 paper, R-DR-9 in grams)', () => {
  it('R-DR-8 paper: no KP/KQ on the claim lines ("Submitting a paper claim: … Enter modifier KP" [AW6])', () => {
    const ds = office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })],
      therapies: [therapy({ id: 'T1', ...oct(1), drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }, { ndc: NDC.vancomycin1g, dose: { amount: 1, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 1, 1), dispense('D2', 'T1', '2026-10-01', NDC.vancomycin1g, 1, 1)],
    });
    expect(brief(allLines(build(ds)))).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 J0696 ×8 UN 1', '2026-10-01 J3370 ×2 UN 1']);
  });

  it('R-DR-9: a milligram product is billed in grams where the payer takes GR but not ME ("50mg GR" [AW7])', () => {
    const ds = office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })], products: PRODUCTS_12,
      therapies: [therapy({ id: 'T1', ...oct(1), drugs: [{ ndc: GANCICLOVIR.ndc, dose: { amount: 200, unit: 'mg' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', GANCICLOVIR.ndc, 500, 1)],
    });
    const r = build(ds);
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 J1570 ×4 GR 0.2', '2026-10-01 J1570-JW ×6 GR 0.3']);
    expect(findings(r, 'R-DR-9')).toEqual([]);
    expect(findings(r, 'R-DR-10')).toEqual([]);
  });

  it('R-DR-10 counts grams on earlier exported claims in milligrams ("R-DR-10 compares in the product\'s unit", §12.3; "50mg GR" [AW7])', () => {
    // 200 mg a day from 500 mg vials: GR 0.2 + JW GR 0.3 a day = 500 ME opened; 1500 ME dispensed for four days
    const ds = office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })], products: PRODUCTS_12,
      therapies: [therapy({ id: 'T1', ...oct(4), drugs: [{ ndc: GANCICLOVIR.ndc, dose: { amount: 200, unit: 'mg' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', GANCICLOVIR.ndc, 1500, 4)],
    });
    expect(findings(build(ds), 'R-DR-10').map((f) => [f.date, f.dispense])).toEqual([['2026-10-04', 'D1']]);
    const first = build(ds, { to: '2026-10-02' });
    const exported = new Map(
      allLines(first).filter((l) => l.ndc).map((l) => [l.sourceKey, { claim: 'EXP1', hash: l.factHashes![0]!, date: l.from, patient: 'P1', payer: 'bc', ndcQty: l.ndcQty, ndcUnit: l.ndcUnit }] as const),
    );
    expect([...exported.values()].map((e) => `${e.ndcUnit} ${e.ndcQty}`)).toEqual(['GR 0.2', 'GR 0.3', 'GR 0.2', 'GR 0.3']);
    // the two exported days are 1000 ME, not 1.0: the fourth day's 200 mg administered passes the 1500 ME dispensed
    const r = build(ds, { from: '2026-10-03', exported: { keys: exported } });
    expect(findings(r, 'R-DR-10').map((f) => [f.date, f.dispense, f.message])).toEqual([
      ['2026-10-04', 'D1', 'Dispense D1 sent 1500 ME of NDC 00004027801, but 1700 is billed through 2026-10-04; check the dispensing log'],
    ]);
  });
});

describe('R-DR-10 with R-DR-9, another NDC dispensed', () => {
  it('converts what earlier claims billed by the dispensed product\'s unit, not the therapy drug\'s (R-DR-2: the dispense gives the NDC and its unit)', () => {
    // the order names a 1-vial ganciclovir NDC billed per vial (UN); the pharmacy dispensed the milligram one
    const PER_VIAL: Product = { ...GANCICLOVIR, ndc: '00004027899', name: 'Ganciclovir 500 mg vial (per vial)', ndcUnit: 'UN', drugPerNdcUnit: { amount: 500, unit: 'mg' }, containerSize: 1 };
    const ds = office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })], products: [...PRODUCTS_12, PER_VIAL],
      therapies: [therapy({ id: 'T1', ...oct(4), drugs: [{ ndc: PER_VIAL.ndc, dose: { amount: 200, unit: 'mg' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', GANCICLOVIR.ndc, 1500, 4)],
    });
    const first = build(ds, { to: '2026-10-02' });
    const exported = new Map(
      allLines(first).filter((l) => l.ndc).map((l) => [l.sourceKey, { claim: 'EXP1', hash: l.factHashes![0]!, date: l.from, patient: 'P1', payer: 'bc', ndcQty: l.ndcQty, ndcUnit: l.ndcUnit }] as const),
    );
    expect([...exported.values()].map((e) => `${e.ndcUnit} ${e.ndcQty}`)).toEqual(['GR 0.2', 'GR 0.3', 'GR 0.2', 'GR 0.3']);
    const r = build(ds, { from: '2026-10-03', exported: { keys: exported } });
    expect(findings(r, 'R-DR-10').map((f) => [f.date, f.dispense, f.message])).toEqual([
      ['2026-10-04', 'D1', 'Dispense D1 sent 1500 ME of NDC 00004027801, but 1700 is billed through 2026-10-04; check the dispensing log'],
    ]);
  });
});

describe('R-DR-11 with R-DR-9', () => {
  it('a J-code supply of a milligram product is billed in grams at AllWays ("HCPCS “J” codes for drugs submitted without an NDC number will deny" [AW12]; "50mg GR" [AW7])', () => {
    const ENOXAPARIN: Product = { ndc: '00075062040', name: 'Enoxaparin 40 mg syringe', kind: 'supply', hcpcs: 'J1650', hcpcsUnit: { amount: 10, unit: 'mg' }, ndcUnit: 'ME', drugPerNdcUnit: { amount: 1, unit: 'mg' } };
    const r = build(office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })], products: [...PRODUCTS, ENOXAPARIN],
      therapies: [therapy({ id: 'T1', ...oct(1) })],
      dispenses: [dispense('D1', 'T1', '2026-10-03', ENOXAPARIN.ndc, 40, 1)],
    }));
    expect(allLines(r).filter((l) => l.code === 'J1650').map((l) => [l.units, l.ndc, l.ndcUnit, l.ndcQty])).toEqual([[4, ENOXAPARIN.ndc, 'GR', 0.04]]);
    expect(findings(r, 'R-DR-9')).toEqual([]);
  });
});

describe('R-CL-13 code dates', () => {
  it('a line outside the code\'s dates is an error once per claim × code ("Effective 04/01/2023: … added code S9563" [VT7])', () => {
    const r = build(office({ payers: [profiled('bcbs-vt', { codeDates: { S9500: { to: '2026-10-01' } } })], therapies: [therapy({ id: 'T1', ...oct(3) })] }));
    expect(findings(r, 'R-CL-13').map((f) => [f.severity, f.code, f.date, f.line])).toEqual([['error', 'S9500', '2026-10-02', 2]]);
  });
});

describe('R-CL-13 product table', () => {
  const medicare = (codeDates: PayerSettings['codeDates']) =>
    build(office({
      payers: [payer('mc', { codeSet: 'medicare-hit', wasteModifiers: 'JW+JZ', codeDates })], patients: [patient('P1', ['mc'])],
      therapies: [therapy({ id: 'T1', payer: 'mc', start: '2020-12-29', stop: '2020-12-31' })],
      visits: [visit('V1', 'T1', '2020-12-30', '09:00', '10:00')],
    }), { from: '2020-12-01', to: '2020-12-31', today: '2021-01-05' });

  it('checks the product\'s own dates the same way ("Codes G0088, G0089, G0090 new codes effective 01/01/2021 require prior approval." [VT3])', () => {
    const r = medicare({});
    expect(brief(allLines(r)).filter((l) => l.includes('G00'))).toEqual(['2020-12-30 G0088 ×4']);
    expect(findings(r, 'R-CL-13').map((f) => [f.severity, f.code, f.message])).toEqual([
      ['error', 'G0088', 'G0088 is valid from 2021-01-01; this claim bills it on a date outside that'],
    ]);
  });

  it('a payer entry wins over the product\'s', () => {
    expect(findings(medicare({ 'G0088-G0090': { from: '2020-12-01' } }), 'R-CL-13')).toEqual([]);
  });
});

describe('R-DR-9 limits of the grams rule (amended)', () => {
  it('a result of 0.000 GR stays ME and an error ("The unit of measurement (UOM) codes follow:" F2, GR, ML, UN [AW7])', () => {
    const r = build(office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })], products: PRODUCTS_12,
      therapies: [therapy({ id: 'T1', ...oct(1), drugs: [{ ndc: GANCICLOVIR.ndc, dose: { amount: 0.4, unit: 'mg' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', GANCICLOVIR.ndc, 500, 1)],
    }));
    expect(allLines(r).filter((l) => l.code === 'J1570').map((l) => `${l.ndcUnit} ${l.ndcQty}`)).toEqual(['ME 0.4', 'ME 499.6']);
    expect(findings(r, 'R-DR-9').map((f) => [f.severity, f.code])).toEqual([['error', 'J1570'], ['error', 'J1570']]);
  });

  it('ML is never converted: a payer without ML gets an error, not grams', () => {
    const r = build(office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none', ndcUnits: ['F2', 'GR', 'UN'] })],
      therapies: [therapy({ id: 'T1', category: 'tpn', qualifier: { litersPerDay: 1 }, ...oct(1), drugs: [{ ndc: NDC.intralipid, dose: { amount: 50, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.intralipid, 1, 1)],
    }));
    expect(allLines(r).filter((l) => l.code === 'B4185').map((l) => `${l.ndcUnit} ${l.ndcQty}`)).toEqual(['ML 250']);
    expect(findings(r, 'R-DR-9').map((f) => [f.severity, f.code])).toEqual([['error', 'B4185']]);
  });
});

describe('R-MX-9 descriptor limits', () => {
  it('S5502 with another per diem that day is a warning ("for interim maintenance of vascular access not currently in use" [VT8])', () => {
    const r = build(office({ therapies: [therapy({ id: 'T1', ...oct(1) }), therapy({ id: 'T2', category: 'catheterCare', qualifier: { lumen: 'implanted' }, ...oct(1) })] }));
    expect(findings(r, 'R-MX-9').map((f) => [f.severity, f.code, f.date])).toEqual([['warning', 'S5502', '2026-10-01']]);
  });

  it('S9372 for a heparin flush only is an error ("do not use this code for flushing of infusion devices with Heparin" [HC12])', () => {
    const r = build(office({
      payers: [payer('bc')], products: PRODUCTS_12, patients: [patient('P1')],
      therapies: [therapy({ id: 'T1', category: 'anticoagulantInjection', ...oct(2), drugs: [{ ndc: FLUSH_DRUG.ndc, dose: { amount: 300, unit: 'units' } }] })],
    }));
    expect(findings(r, 'R-MX-9').map((f) => [f.severity, f.therapy])).toEqual([['error', 'T1']]);
  });
});

describe('line texts (R-CL-12, R-DR-12)', () => {
  it('R-CL-12: a NOC code carries its product name, cleaned ("Unlisted/Not Otherwise Classified (NOC) Coding Policy" [HC13])', () => {
    const CEFTAROLINE: Product = { ndc: '00456040001', name: 'Ceftaroline 600 mg vial (Teflaro®)', kind: 'drug', hcpcs: 'J3490', hcpcsUnit: { amount: 600, unit: 'mg' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 600, unit: 'mg' }, containerSize: 1, singleDose: true };
    const r = build(office({
      products: [...PRODUCTS, CEFTAROLINE],
      therapies: [therapy({ id: 'T1', ...oct(1), perDiemCode: 'S9379', drugs: [{ ndc: CEFTAROLINE.ndc, dose: { amount: 600, unit: 'mg' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', CEFTAROLINE.ndc, 1, 1)],
    }));
    expect(allLines(r).map((l) => [l.code, l.description])).toEqual([['S9379', 'PER DIEM CEFTAROLINE 600 MG VIAL TEFLARO'], ['J3490', 'CEFTAROLINE 600 MG VIAL TEFLARO']]);
  });

  it('R-DR-12: AllWays drug lines carry DOSE and FREQ, never the JW line ("Dosage administered to the member that day … Frequency of administration" [AW11])', () => {
    const r = build(office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })],
      therapies: [therapy({ id: 'T1', ...oct(1), schedule: { everyHours: 8 }, drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 3, 1)],
    }));
    expect(allLines(r).map((l) => [`${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}`, l.note])).toEqual([
      ['S9502', undefined], ['J0696', 'DOSE 4.5 G FREQ Q8H'], ['J0696-JW', undefined],
    ]);
  });

  it('R-DR-12: a note the CMS-1500 shaded line cannot hold whole is a warning ("If the 61-character shaded line cannot hold it whole, the form leaves it off and the build warns")', () => {
    const NOC: Product = { ndc: '00456040001', name: 'Ceftaroline fosamil 600 mg single-dose vial', kind: 'drug', hcpcs: 'J3490', hcpcsUnit: { amount: 600, unit: 'mg' }, ndcUnit: 'UN', drugPerNdcUnit: { amount: 600, unit: 'mg' }, containerSize: 1, singleDose: true };
    const r = build(office({
      payers: [profiled('allways', { priorAuthRequiredFor: 'none' })], products: [...PRODUCTS, NOC],
      therapies: [therapy({ id: 'T1', ...oct(1), drugs: [{ ndc: NOC.ndc, dose: { amount: 600, unit: 'mg' } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NOC.ndc, 1, 1)],
    }));
    expect(allLines(r).map((l) => [l.code, l.description, l.note])).toEqual([['S9500', undefined, undefined], ['J3490', 'CEFTAROLINE FOSAMIL 600 MG SINGLE-DOSE VIAL', 'DOSE 600 MG FREQ Q24H']]);
    expect(findings(r, 'R-DR-12').map((f) => [f.severity, f.line])).toEqual([['warning', 2]]);
  });
});
