import { describe, expect, it } from 'vitest';
import { allLines, brief, build, dispense, findings, NDC, office, patient, payer, therapy, visit } from './fixture.ts';

const perDiems = (r: ReturnType<typeof build>) => brief(allLines(r).filter((l) => l.kind === 'perDiem'));

describe('per diem days and units (R-PD-1, R-PD-2)', () => {
  it('bills dose days only under administration: every 8 h for 7 days gives 7 units', () => {
    const r = build(office({ therapies: [therapy({ id: 'T1', schedule: { everyHours: 8 }, start: '2026-10-01', stop: '2026-10-07' })] }));
    const lines = allLines(r).filter((l) => l.code === 'S9502');
    expect(lines.map((l) => l.units)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('bills every 10 days over 30 days as 3 days, weekly as one a week, monthly as one a month', () => {
    const ds = office({
      patients: [patient('P1'), patient('P2'), patient('P3')],
      therapies: [
        therapy({ id: 'T1', category: 'immunotherapy', schedule: { everyDays: 10 }, start: '2026-10-01', stop: '2026-10-30' }),
        therapy({ id: 'T2', patient: 'P2', category: 'immunotherapy', schedule: { weekly: true }, start: '2026-10-01', stop: '2026-10-31' }),
        therapy({ id: 'T3', patient: 'P3', category: 'immunotherapy', schedule: { monthly: true }, start: '2026-08-15', stop: null }),
      ],
    });
    const r = build(ds);
    const count = (p: string) => r.claims.filter((c) => c.patient === p).flatMap((c) => c.lines).filter((l) => l.kind === 'perDiem').reduce((s, l) => s + l.units, 0);
    expect([count('P1'), count('P2'), count('P3')]).toEqual([3, 5, 1]);
  });

  it('bills every active day from start to stop under access, holds excluded', () => {
    const ds = office({
      payers: [payer('bc', { perDiemDays: 'access' })],
      therapies: [therapy({ id: 'T1', category: 'immunotherapy', schedule: { everyDays: 10 }, start: '2026-10-01', stop: '2026-10-05', holds: [{ from: '2026-10-03', to: '2026-10-03' }] })],
    });
    expect(perDiems(build(ds))).toEqual(['2026-10-01 S9338 ×1', '2026-10-02 S9338 ×1', '2026-10-04 S9338 ×1', '2026-10-05 S9338 ×1']);
  });
});

describe('per diem line spans (R-PD-3)', () => {
  const ds = (lineSpan: 'day' | 'week' | 'month', claimPeriod: 'month' | 'week' = 'month') =>
    office({
      payers: [payer('bc', { lineSpan, claimPeriod })],
      // Oct 2026: the 3rd is a Saturday, the 4th a Sunday
      therapies: [therapy({ id: 'T1', start: '2026-09-29', stop: '2026-10-06', holds: [{ from: '2026-10-02', to: '2026-10-02' }] })],
    });

  it('gives one line per day by default', () => {
    expect(perDiems(build(ds('day'), { from: '2026-09-29', to: '2026-10-06' }))).toHaveLength(7);
  });

  it('merges adjacent days within a calendar week, breaking at gaps, Sundays and months', () => {
    expect(perDiems(build(ds('week'), { from: '2026-09-29', to: '2026-10-06' }))).toEqual([
      '2026-09-29..2026-09-30 S9500 ×2',
      '2026-10-01 S9500 ×1',
      '2026-10-03 S9500 ×1',
      '2026-10-04..2026-10-06 S9500 ×3',
    ]);
  });

  it('merges adjacent days within a month, breaking at gaps and the month boundary', () => {
    expect(perDiems(build(ds('month'), { from: '2026-09-29', to: '2026-10-06' }))).toEqual([
      '2026-09-29..2026-09-30 S9500 ×2',
      '2026-10-01 S9500 ×1',
      '2026-10-03..2026-10-06 S9500 ×4',
    ]);
  });

  it('starts a new line at a weekly claim period and at the edge of the build range', () => {
    const weekly = build(ds('month', 'week'), { from: '2026-10-03', to: '2026-10-06' });
    expect(weekly.claims.map((c) => brief(c.lines))).toEqual([['2026-10-03 S9500 ×1'], ['2026-10-04..2026-10-06 S9500 ×3']]);
    expect(perDiems(build(ds('month'), { from: '2026-10-04', to: '2026-10-05' }))).toEqual(['2026-10-04..2026-10-05 S9500 ×2']);
  });

  it('charges a span as units × price and bills every day it covers', () => {
    const r = build(ds('month'), { from: '2026-10-03', to: '2026-10-06' });
    const line = allLines(r)[0]!;
    expect([line.units, line.chargeCents]).toEqual([4, 48000]);
    expect(line.sourceKeys).toEqual(['perdiem:T1:2026-10-03', 'perdiem:T1:2026-10-04', 'perdiem:T1:2026-10-05', 'perdiem:T1:2026-10-06']);
  });
});

describe('per diem code (R-PD-4)', () => {
  const code = (over: Parameters<typeof therapy>[0], settings = {}) =>
    perDiems(build(office({ payers: [payer('bc', settings)], therapies: [therapy({ stop: '2026-10-01', ...over })] })))[0]?.split(' ')[1];

  it('chooses anti-infective codes from everyHours only', () => {
    expect([3, 4, 6, 8, 12, 24, 2].map((h) => code({ id: 'T', schedule: { everyHours: h } }))).toEqual(['S9497', 'S9504', 'S9503', 'S9502', 'S9501', 'S9500', 'S9494']);
    expect(code({ id: 'T', schedule: { continuous: true } })).toBe('S9494');
  });

  it('chooses hydration and TPN codes by litres a day, with the unknown code otherwise', () => {
    expect([1, 1.5, 3, 3.5, null].map((l) => code({ id: 'T', category: 'hydration', qualifier: { litersPerDay: l } }))).toEqual(['S9374', 'S9375', 'S9376', 'S9377', 'S9373']);
    expect([0.9, 2, 2.5, 4, null].map((l) => code({ id: 'T', category: 'tpn', qualifier: { litersPerDay: l } }))).toEqual(['S9365', 'S9366', 'S9367', 'S9368', 'S9364']);
  });

  it('chooses pain, chemotherapy, enteral and catheter care codes by mode or lumen', () => {
    expect(['continuous', 'intermittent', 'implantedPump', 'weird'].map((m) => code({ id: 'T', category: 'pain', qualifier: { mode: m } }))).toEqual(['S9326', 'S9327', 'S9328', 'S9325']);
    expect(['continuous', 'intermittent', 'bolus'].map((m) => code({ id: 'T', category: 'chemotherapy', qualifier: { mode: m } }))).toEqual(['S9330', 'S9331', 'S9329']);
    expect(['gravity', 'pump', 'bolus', 'x'].map((m) => code({ id: 'T', category: 'enteral', qualifier: { mode: m } }))).toEqual(['S9341', 'S9342', 'S9343', 'S9340']);
    expect(['single', 'multi', 'implanted', 'other'].map((m) => code({ id: 'T', category: 'catheterCare', qualifier: { lumen: m } }))).toEqual(['S5498', 'S5501', 'S5502', 'S5497']);
  });

  it('uses single codes by category and lets a therapy override the code', () => {
    expect(code({ id: 'T', category: 'inotropic' })).toBe('S9348');
    expect(code({ id: 'T', category: 'inotropic', perDiemCode: 'S9379' })).toBe('S9379');
  });

  it('bills NC Medicaid only its three per diems, S9379 only by override, an error for the rest', () => {
    const nc = { codeSet: 'medicaid-nc' as const, selfAdministeredCovered: true };
    expect(code({ id: 'T', schedule: { everyHours: 8 } }, nc)).toBe('S9494');
    expect(code({ id: 'T', category: 'chemotherapy', qualifier: { mode: 'continuous' } }, nc)).toBe('S9329');
    expect(code({ id: 'T', category: 'pain' }, nc)).toBe('S9325');
    expect(code({ id: 'T', category: 'infusionNoc', perDiemCode: 'S9379' }, nc)).toBe('S9379');
    const r = build(office({ payers: [payer('bc', nc)], therapies: [therapy({ id: 'T', category: 'infusionNoc', stop: '2026-10-03', drugs: [{ ndc: NDC.vancomycin1g, dose: { amount: 1, unit: 'g' } }] })], dispenses: [dispense('D1', 'T', '2026-10-01', NDC.vancomycin1g, 3, 3)] }));
    expect(findings(r, 'R-PD-4')).toHaveLength(1);
    expect(findings(r, 'R-PD-4')[0]).toMatchObject({ severity: 'error', claim: r.claims[0]!.id });
    expect(perDiems(r)).toEqual([]);
    expect(allLines(r).filter((l) => l.code === 'J3370')).toHaveLength(3);
  });

  it('never bills an S-code per diem in the Medicare code set', () => {
    expect(code({ id: 'T' }, { codeSet: 'medicare-hit' })).toBeUndefined();
  });
});

describe('concurrent therapies (R-PD-5)', () => {
  const three = (settings = {}, fees = {}) =>
    office({
      payers: [payer('bc', settings, fees)],
      therapies: [
        therapy({ id: 'TA', category: 'hydration', qualifier: { litersPerDay: 1.5 }, start: '2026-09-01', stop: '2026-10-01' }), // S9375 $95
        therapy({ id: 'TB', schedule: { everyHours: 8 }, start: '2026-09-20', stop: '2026-10-01' }), // S9502 $165
        therapy({ id: 'TC', category: 'immunotherapy', start: '2026-09-25', stop: '2026-10-01' }), // S9338 $300
      ],
    });

  it('ranks by the higher per diem charge: primary bare, second SH, the rest SJ', () => {
    expect(perDiems(build(three(), { to: '2026-10-01' }))).toEqual(['2026-10-01 S9338 ×1', '2026-10-01 S9502-SH ×1', '2026-10-01 S9375-SJ ×1']);
  });

  it('uses the payer fee over the charge master when ranking', () => {
    expect(perDiems(build(three({}, { S9375: 400 }), { to: '2026-10-01' }))).toEqual(['2026-10-01 S9375 ×1', '2026-10-01 S9338-SH ×1', '2026-10-01 S9502-SJ ×1']);
  });

  it('breaks charge ties by earlier start, then by therapy id', () => {
    const ds = office({
      therapies: [
        therapy({ id: 'TZ', start: '2026-09-01', stop: '2026-10-01', diagnoses: ['A41.9'] }),
        therapy({ id: 'TY', start: '2026-09-02', stop: '2026-10-01' }),
        therapy({ id: 'TX', start: '2026-09-02', stop: '2026-10-01' }),
      ],
    });
    const r = build(ds, { to: '2026-10-01' });
    expect(allLines(r).filter((l) => l.kind === 'perDiem').map((l) => `${l.therapy} ${l.modifiers.join('')}`)).toEqual(['TZ ', 'TX SH', 'TY SJ']);
  });

  it('orders by first started when the payer says so, and adds 59 when asked', () => {
    expect(perDiems(build(three({ concurrencyOrder: 'firstStarted', concurrencyModifier59: true }), { to: '2026-10-01' }))).toEqual([
      '2026-10-01 S9375 ×1', '2026-10-01 S9502-SH-59 ×1', '2026-10-01 S9338-SJ-59 ×1',
    ]);
  });

  it('ranks only per diems actually billed: an incidental one does not take a rank', () => {
    const ds = office({
      therapies: [
        therapy({ id: 'TA', category: 'hematopoieticHormone', route: 'SC', start: '2026-09-01', stop: '2026-10-01' }),
        therapy({ id: 'TB', start: '2026-09-20', stop: '2026-10-01' }),
      ],
    });
    expect(perDiems(build(ds, { to: '2026-10-01' }))).toEqual(['2026-10-01 S9500 ×1']);
  });
});

describe('per diem and drug on one claim (R-PD-6)', () => {
  it('keeps a therapy per diem, drug and nursing of a date on the claim of that therapy (ranked across claims)', () => {
    const ds = office({
      therapies: [
        therapy({ id: 'T1', stop: '2026-10-02', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }] }),
        therapy({ id: 'T2', prescriber: 'dr2', category: 'immunotherapy', stop: '2026-10-02' }),
      ],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2)],
      visits: [visit('V1', 'T1', '2026-10-01', '09:00', '10:00')],
    });
    const r = build(ds);
    expect(r.claims).toHaveLength(2);
    const c1 = r.claims.find((c) => c.prescriber === 'dr1')!;
    expect(brief(c1.lines)).toEqual(['2026-10-01 S9500-SH ×1', '2026-10-01 J0696 ×8 UN 1', '2026-10-01 99601 ×1', '2026-10-02 S9500-SH ×1', '2026-10-02 J0696 ×8 UN 1']);
  });
});

describe('incidental per diems (R-PD-7)', () => {
  it('does not bill an incidental per diem and records an info finding', () => {
    const r = build(office({ therapies: [therapy({ id: 'T1', category: 'interferon', route: 'SC', stop: '2026-10-03' })] }));
    expect(perDiems(r)).toEqual([]);
    expect(findings(r, 'R-PD-7')).toMatchObject([{ severity: 'info', code: 'S9559', patient: 'P1' }]);
  });

  it('bills it for a payer whose incidental list leaves it out', () => {
    const r = build(office({ payers: [payer('bc', { incidentalPerDiems: [] })], therapies: [therapy({ id: 'T1', category: 'interferon', stop: '2026-10-01' })] }));
    expect(perDiems(r)).toEqual(['2026-10-01 S9559 ×1']);
  });
});

describe('self-administered therapies (R-PD-8)', () => {
  it('is an error for a payer that does not cover them, except clotting factor', () => {
    const ds = (category: string, covered = false) =>
      office({ payers: [payer('bc', { selfAdministeredCovered: covered })], therapies: [therapy({ id: 'T1', category, selfAdministered: true, stop: '2026-10-01' })] });
    const r = build(ds('anticoagulant'));
    expect(findings(r, 'R-PD-8')).toMatchObject([{ severity: 'error', claim: r.claims[0]!.id }]);
    expect(perDiems(r)).toEqual(['2026-10-01 S9336 ×1']);
    expect(findings(build(ds('antihemophilic')), 'R-PD-8')).toEqual([]);
    expect(findings(build(ds('anticoagulant', true)), 'R-PD-8')).toEqual([]);
  });
});

describe('injectables (R-PD-9)', () => {
  const ds = (visits = [] as ReturnType<typeof visit>[], withIv = false) =>
    office({
      therapies: [
        therapy({ id: 'T1', category: 'anticoagulantInjection', route: 'SC', stop: '2026-10-02' }),
        ...(withIv ? [therapy({ id: 'T2', start: '2026-10-02', stop: '2026-10-02' })] : []),
      ],
      visits,
    });

  it('warns on each SC/IM per diem day without an IV per diem or an RN visit', () => {
    const r = build(ds());
    expect(findings(r, 'R-PD-9').map((f) => [f.date, f.severity, f.line])).toEqual([['2026-10-01', 'warning', 1], ['2026-10-02', 'warning', 2]]);
  });

  it('accepts a day with a signed RN visit for the therapy or an IV per diem', () => {
    expect(findings(build(ds([visit('V1', 'T1', '2026-10-01', '09:00', '10:00')], true)), 'R-PD-9')).toEqual([]);
    expect(findings(build(ds([visit('V1', 'T1', '2026-10-01', '09:00', '10:00', { nurse: 'lpn1' })])), 'R-PD-9').map((f) => f.date)).toEqual(['2026-10-01', '2026-10-02']);
  });
});

describe('drugs outside the medical claim (R-PD-10)', () => {
  it('leaves drug lines off when the payer pays drugs through pharmacy, and does not ask for dispenses', () => {
    const ds = office({
      payers: [payer('bc', { drugsOnMedicalClaim: false })],
      therapies: [therapy({ id: 'T1', stop: '2026-10-02', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1, unit: 'g' } }] })],
    });
    const r = build(ds);
    expect(brief(allLines(r))).toEqual(['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1']);
    expect(findings(r, 'R-DR-2')).toEqual([]);
  });
});
