import { describe, expect, it } from 'vitest';
import type { Visit } from '../../electron/domain/types.ts';
import { allLines, brief, build, findings, NDC, office, patient, payer, therapy, visit } from './fixture.ts';

const nursingLines = (r: ReturnType<typeof build>) => brief(allLines(r).filter((l) => l.kind === 'nursing'));

function commercial(visits: Visit[], settings = {}) {
  return build(office({ payers: [payer('bc', settings)], therapies: [therapy({ id: 'T1', stop: '2026-10-10' })], visits }));
}

describe('commercial nursing (R-NV-1)', () => {
  const at = (departure: string) => nursingLines(commercial([visit('V1', 'T1', '2026-10-02', '09:00', departure)]));

  it('bills 99601 alone up to 2:30, and 99602 once more than 30 minutes of an extra hour pass', () => {
    expect(at('10:00')).toEqual(['2026-10-02 99601 ×1']);
    expect(at('11:30')).toEqual(['2026-10-02 99601 ×1']);
    expect(at('11:31')).toEqual(['2026-10-02 99601 ×1', '2026-10-02 99602 ×1']);
    expect(at('12:30')).toEqual(['2026-10-02 99601 ×1', '2026-10-02 99602 ×1']);
    expect(at('12:31')).toEqual(['2026-10-02 99601 ×1', '2026-10-02 99602 ×2']);
  });

  it('bills a visit crossing midnight on its arrival date', () => {
    expect(nursingLines(commercial([visit('V1', 'T1', '2026-10-02', '22:00', '01:00', { departureDate: '2026-10-03' })]))).toEqual([
      '2026-10-02 99601 ×1', '2026-10-02 99602 ×1',
    ]);
  });

  it('bills commercial visits on days without a dose, in arrival order after the other lines', () => {
    const r = commercial([visit('V2', 'T1', '2026-10-12', '15:00', '16:00'), visit('V1', 'T1', '2026-10-12', '08:00', '11:00')]);
    expect(nursingLines(r)).toEqual(['2026-10-12 99601 ×1', '2026-10-12 99602 ×1', '2026-10-12 99601 ×1']);
    expect(allLines(r).filter((l) => l.kind === 'nursing').map((l) => l.visit)).toEqual(['V1', 'V1', 'V2']);
    expect(allLines(r).find((l) => l.visit === 'V1')!.sourceKey).toBe('visit:V1:99601');
  });
});

describe('visit times (R-NV-2)', () => {
  it('refuses a departure before the arrival or more than 24 hours later, billing nothing', () => {
    const r = commercial([visit('V1', 'T1', '2026-10-02', '10:00', '09:00'), visit('V2', 'T1', '2026-10-03', '09:00', '09:30', { departureDate: '2026-10-04' })]);
    expect(nursingLines(r)).toEqual([]);
    expect(findings(r, 'R-NV-2').map((f) => [f.visit, f.severity])).toEqual([['V1', 'error'], ['V2', 'error']]);
  });

  it('bills a visit of exactly 24 hours, and refuses one that leaves at the minute it arrived', () => {
    const r = commercial([visit('V1', 'T1', '2026-10-03', '09:00', '09:00', { departureDate: '2026-10-04' }), visit('V2', 'T1', '2026-10-05', '09:00', '09:00')]);
    expect(nursingLines(r)).toEqual(['2026-10-03 99601 ×1', '2026-10-03 99602 ×22']);
    expect(findings(r, 'R-NV-2').map((f) => [f.visit, f.severity])).toEqual([['V2', 'error']]);
  });
});

describe('qualified nurse (R-NV-3)', () => {
  it('keeps the lines of an LPN visit with an error on its 99601 line', () => {
    const r = commercial([visit('V1', 'T1', '2026-10-02', '09:00', '10:00', { nurse: 'lpn1' })]);
    expect(nursingLines(r)).toEqual(['2026-10-02 99601 ×1']);
    expect(findings(r, 'R-NV-3')).toMatchObject([{ severity: 'error', line: 3, visit: 'V1', claim: r.claims[0]!.id }]);
  });

  it('accepts any nurse when the payer does not require an RN', () => {
    expect(findings(commercial([visit('V1', 'T1', '2026-10-02', '09:00', '10:00', { nurse: 'lpn1' })], { nursingRnOnly: false }), 'R-NV-3')).toEqual([]);
  });
});

describe('Medicare home infusion therapy services (R-NV-4)', () => {
  const medicare = (visits: Visit[], t: Partial<Parameters<typeof therapy>[0]> = {}) =>
    build(
      office({
        payers: [payer('mc', { codeSet: 'medicare-hit', wasteModifiers: 'JW+JZ' })],
        patients: [patient('P1', ['mc'])],
        therapies: [therapy({ id: 'T1', payer: 'mc', start: '2026-07-01', stop: '2026-10-31', schedule: { everyDays: 2 }, ...t })],
        visits,
      }),
    );

  it('bills the initial code for the first visit and the subsequent code after, in 15-minute units', () => {
    const r = medicare([visit('V1', 'T1', '2026-10-01', '09:00', '10:00'), visit('V2', 'T1', '2026-10-03', '09:00', '09:52'), visit('V3', 'T1', '2026-10-05', '09:00', '09:53')]);
    expect(nursingLines(r)).toEqual(['2026-10-01 G0088 ×4', '2026-10-03 G0068 ×3', '2026-10-05 G0068 ×4']);
    expect(allLines(r).filter((l) => l.code.startsWith('S'))).toEqual([]);
  });

  it('starts a new episode after 61 days without a signed visit, not after 60', () => {
    const after61 = medicare([visit('V0', 'T1', '2026-08-01', '09:00', '10:00'), visit('V1', 'T1', '2026-10-01', '09:00', '10:00')]);
    expect(nursingLines(after61)).toEqual(['2026-10-01 G0088 ×4']);
    const after60 = medicare([visit('V0', 'T1', '2026-08-02', '09:00', '10:00'), visit('V1', 'T1', '2026-10-01', '09:00', '10:00')]);
    expect(nursingLines(after60)).toEqual(['2026-10-01 G0068 ×4']);
    const unsignedBefore = medicare([visit('V0', 'T1', '2026-09-01', '09:00', '10:00', { signed: false }), visit('V1', 'T1', '2026-10-01', '09:00', '10:00')]);
    expect(nursingLines(unsignedBefore)).toEqual(['2026-10-01 G0088 ×4']);
  });

  it('uses category 2 for subcutaneous and 3 for chemotherapy', () => {
    expect(nursingLines(medicare([visit('V1', 'T1', '2026-10-01', '09:00', '10:00')], { route: 'SC', category: 'immunotherapy' }))).toEqual(['2026-10-01 G0089 ×4']);
    expect(nursingLines(medicare([visit('V1', 'T1', '2026-10-01', '09:00', '10:00')], { category: 'chemotherapy' }))).toEqual(['2026-10-01 G0090 ×4']);
  });

  it('does not bill a visit on a day without a dose, with a warning', () => {
    const r = medicare([visit('V1', 'T1', '2026-10-02', '09:00', '10:00')]);
    expect(nursingLines(r)).toEqual([]);
    expect(findings(r, 'R-NV-4')).toMatchObject([{ severity: 'warning', visit: 'V1', date: '2026-10-02' }]);
  });
});

describe('NC Medicaid nursing (R-NV-5)', () => {
  const nc = { codeSet: 'medicaid-nc' as const, drugsOnMedicalClaim: false, selfAdministeredCovered: true };
  const ncOffice = (visits: Visit[], therapies = [therapy({ id: 'T1', payer: 'nc', stop: '2026-10-10', drugs: [{ ndc: NDC.amphoB, dose: { amount: 50, unit: 'mg' } }] })]) =>
    build(office({ payers: [payer('nc', nc)], patients: [patient('P1', ['nc'])], therapies, visits }));

  it('R-NV-8 (a), (c): one T1030 per date on the claim of the earliest visit, with T1002-SD for RN amphotericin B monitoring ("Nursing care, in the home, by registered nurse, per diem." [WC4])', () => {
    const r = ncOffice([visit('V2', 'T1', '2026-10-02', '13:00', '14:00'), visit('V1', 'T1', '2026-10-02', '08:00', '11:00')]);
    expect(linesOnDay(r, '2026-10-02')).toEqual(['2026-10-02 S9494 ×1', '2026-10-02 T1030 ×1', '2026-10-02 T1002-SD ×4']);
    expect(allLines(r).find((l) => l.code === 'T1030')!.sourceKey).toBe('t1030:P1:nc:2026-10-02');
  });

  it('R-NV-8 (b): an LPN visit keeps T1030 and T1002 with an error on each, whatever nursingRnOnly says ("Nursing care, in the home, by registered nurse, per diem." [WC4])', () => {
    const ds = (nursingRnOnly: boolean) =>
      build(office({ payers: [payer('nc', { ...nc, nursingRnOnly })], patients: [patient('P1', ['nc'])], visits: [visit('V1', 'T1', '2026-10-02', '08:00', '11:00', { nurse: 'lpn1' })],
        therapies: [therapy({ id: 'T1', payer: 'nc', stop: '2026-10-10', drugs: [{ ndc: NDC.amphoB, dose: { amount: 50, unit: 'mg' } }] })] }));
    for (const r of [ds(true), ds(false)]) {
      expect(nursingLines(r)).toEqual(['2026-10-02 T1030 ×1', '2026-10-02 T1002-SD ×4']);
      expect(findings(r, 'R-NV-8').map((f) => [f.severity, f.code, f.line])).toEqual([['error', 'T1030', 3], ['error', 'T1002', 4]]);
    }
  });

  it('R-NV-8 (c): T1002-SD a unit per 15 minutes or part beyond 2 hours ("RN Services, up to 15 minutes." [WC8])', () => {
    const units = (departure: string) => nursingLines(ncOffice([visit('V1', 'T1', '2026-10-02', '08:00', departure)]));
    expect(units('10:00')).toEqual(['2026-10-02 T1030 ×1']);
    expect(units('10:01')).toEqual(['2026-10-02 T1030 ×1', '2026-10-02 T1002-SD ×1']);
    expect(units('10:15')).toEqual(['2026-10-02 T1030 ×1', '2026-10-02 T1002-SD ×1']);
    expect(units('10:16')).toEqual(['2026-10-02 T1030 ×1', '2026-10-02 T1002-SD ×2']);
  });

  it('R-NV-8 (d): visits of tpn/enteral therapies are not billed, one warning each ("Nursing services for enteral and parenteral nutrition therapies are not covered." [WC9])', () => {
    const r = ncOffice([visit('V1', 'T1', '2026-10-02', '08:00', '09:00')], [therapy({ id: 'T1', payer: 'nc', category: 'tpn', stop: '2026-10-10' })]);
    expect(nursingLines(r)).toEqual([]);
    expect(findings(r, 'R-NV-8').map((f) => [f.severity, f.visit])).toEqual([['warning', 'V1']]);
  });

  it('gives no T1002 to a therapy without amphotericin B', () => {
    expect(nursingLines(ncOffice([visit('V1', 'T1', '2026-10-02', '08:00', '11:00')], [therapy({ id: 'T1', payer: 'nc', stop: '2026-10-10' })]))).toEqual(['2026-10-02 T1030 ×1']);
  });

  it('R-NV-8 (a): T1030 without a billed per diem of the therapy that date is an error ("This code must be billed with each therapy code billed" [WC7])', () => {
    const r = ncOffice([visit('V1', 'T1', '2026-10-02', '08:00', '09:00')], [therapy({ id: 'T1', payer: 'nc', category: 'hydration', stop: '2026-10-10' })]);
    expect(nursingLines(r)).toEqual(['2026-10-02 T1030 ×1']);
    expect(findings(r, 'R-NV-5')).toMatchObject([{ severity: 'error', line: 1, code: 'T1030' }]);
  });
});

function linesOnDay(r: ReturnType<typeof build>, date: string): string[] {
  return brief(allLines(r).filter((l) => l.from === date));
}

describe('nursing limit per day (R-NV-6)', () => {
  it('warns when signed visits of a patient and payer pass the payer maximum that day', () => {
    const visits = [visit('V1', 'T1', '2026-10-02', '08:00', '10:30'), visit('V2', 'T1', '2026-10-02', '12:00', '13:31')];
    expect(findings(commercial(visits, { nursingMaxHoursPerDay: 4 }), 'R-NV-6')).toMatchObject([{ severity: 'warning', date: '2026-10-02' }]);
    expect(findings(commercial(visits.slice(0, 1), { nursingMaxHoursPerDay: 4 }), 'R-NV-6')).toEqual([]);
    expect(findings(commercial(visits), 'R-NV-6')).toEqual([]);
  });
});

describe('unsigned visits (R-NV-7)', () => {
  it('does not bill an unsigned visit and warns about each one in the period', () => {
    const r = commercial([visit('V1', 'T1', '2026-10-02', '09:00', '12:00', { signed: false }), visit('V9', 'T1', '2026-11-02', '09:00', '12:00', { signed: false })]);
    expect(nursingLines(r)).toEqual([]);
    expect(findings(r, 'R-NV-7')).toMatchObject([{ severity: 'warning', visit: 'V1', date: '2026-10-02', claim: r.claims[0]!.id }]);
  });
});
