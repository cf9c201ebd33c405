import { describe, expect, it } from 'vitest';
import { exportGate } from '../../electron/claims/index.ts';
import { buildClaims, factHash } from '../../electron/claims/index.ts';
import { correctionClaimId } from '../../electron/claims/rules/claimId.ts';
import type { Finding } from '../../electron/domain/claims.ts';
import type { Product } from '../../electron/domain/types.ts';
import { $, allLines, brief, build, CHARGE_MASTER, claimOf, dispense, findings, NDC, office, patient, payer, PRODUCTS, therapy, visit } from './fixture.ts';

const cef = [{ ndc: NDC.ceftriaxone2g, dose: { amount: 1.5, unit: 'g' as const } }];

describe('grouping and the 50-line split (R-CL-1)', () => {
  it('makes one claim per patient, coverage, period, authorization and prescriber', () => {
    const ds = office({
      payers: [payer('bc'), payer('aw')],
      patients: [patient('P1', ['bc', 'aw']), patient('P2')],
      therapies: [
        therapy({ id: 'T1', start: '2026-09-30', stop: '2026-10-01' }),
        therapy({ id: 'T2', patient: 'P2', stop: '2026-10-01' }),
        therapy({ id: 'T3', payer: 'aw', category: 'immunotherapy', stop: '2026-10-01' }),
        therapy({ id: 'T4', prescriber: 'dr2', category: 'hydration', stop: '2026-10-01' }),
        therapy({ id: 'T5', category: 'inotropic', stop: '2026-10-01', priorAuths: [{ number: 'PA9', from: '2026-10-01', to: '2026-10-31' }] }),
      ],
    });
    const r = build(ds, { from: '2026-09-30', to: '2026-10-01' });
    const got = r.claims.map((c) => `${c.patient} ${c.payer} ${c.coveragePriority} ${c.periodFrom} ${c.priorAuth} ${c.prescriber} ${c.lines.map((l) => l.therapy).join(',')}`);
    expect([...got].sort()).toEqual([
      'P1 aw 2 2026-10-01 PA1 dr1 T3',
      'P1 bc 1 2026-09-01 PA1 dr1 T1',
      'P1 bc 1 2026-10-01 PA1 dr1 T1',
      'P1 bc 1 2026-10-01 PA1 dr2 T4',
      'P1 bc 1 2026-10-01 PA9 dr1 T5',
      'P2 bc 1 2026-10-01 PA1 dr1 T2',
    ]);
    // claims come by patient, then coverage priority, then date
    expect(got.map((g) => g.split(' ').slice(0, 4).join(' '))).toEqual([
      'P1 bc 1 2026-09-01', 'P1 bc 1 2026-10-01', 'P1 bc 1 2026-10-01', 'P1 bc 1 2026-10-01', 'P1 aw 2 2026-10-01', 'P2 bc 1 2026-10-01',
    ]);
  });

  it('groups by week when the payer claim period is a week', () => {
    const r = build(office({ payers: [payer('bc', { claimPeriod: 'week' })], therapies: [therapy({ id: 'T1', start: '2026-10-02', stop: '2026-10-05' })] }));
    expect(r.claims.map((c) => [c.periodFrom, c.periodTo, c.lines.length])).toEqual([['2026-09-27', '2026-10-03', 2], ['2026-10-04', '2026-10-10', 2]]);
  });

  it('splits a group of 51 lines between dates, never inside one', () => {
    const ds = office({ therapies: [therapy({ id: 'T1', stop: '2026-10-17', drugs: cef })], dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 30, 30)] });
    const r = build(ds);
    expect(allLines(r)).toHaveLength(51);
    expect(r.claims.map((c) => [c.lines.length, c.lines[0]!.from, c.lines.at(-1)!.from])).toEqual([[48, '2026-10-01', '2026-10-16'], [3, '2026-10-17', '2026-10-17']]);
    expect(findings(r, 'R-CL-1')).toEqual([]);
  });

  it('keeps a single date block over 50 lines whole, with an error', () => {
    const ds = office({
      payers: [payer('bc', { lineSpan: 'month' })],
      therapies: [therapy({ id: 'T1', stop: '2026-10-31', drugs: cef })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 31, 31)],
    });
    const r = build(ds);
    expect(r.claims.map((c) => c.lines.length)).toEqual([63]);
    expect(findings(r, 'R-CL-1')).toMatchObject([{ severity: 'error', claim: r.claims[0]!.id, line: 1 }]);
  });
});

describe('line order (R-CL-2)', () => {
  it('orders a date: per diems by rank, each therapy drug with its JW line, supplies, nursing by arrival', () => {
    const pump: Product = { ndc: '12345000404', name: 'Pump', kind: 'supply', hcpcs: 'B9004' };
    const ds = office({
      products: [...PRODUCTS, pump],
      therapies: [
        therapy({ id: 'TA', schedule: { everyHours: 12 }, stop: '2026-10-01', drugs: [{ ndc: NDC.vancomycin1g, dose: { amount: 750, unit: 'mg' } }] }),
        therapy({ id: 'TB', category: 'immunotherapy', stop: '2026-10-01', drugs: [{ ndc: NDC.ivig, dose: { amount: 10, unit: 'g' } }] }),
      ],
      dispenses: [dispense('D1', 'TA', '2026-10-01', NDC.vancomycin1g, 2, 1), dispense('D2', 'TB', '2026-10-01', NDC.ivig, 100, 1), dispense('D3', 'TA', '2026-10-01', pump.ndc, 1, 1)],
      visits: [visit('V2', 'TA', '2026-10-01', '14:00', '15:00'), visit('V1', 'TB', '2026-10-01', '08:00', '11:00')],
    });
    expect(brief(build(ds).claims[0]!.lines)).toEqual([
      '2026-10-01 S9338 ×1',
      '2026-10-01 S9501-SH ×1',
      '2026-10-01 J1569 ×20 ML 100',
      '2026-10-01 J3370 ×3 UN 1.5',
      '2026-10-01 J3370-JW ×1 UN 0.5',
      '2026-10-01 B9004 ×1',
      '2026-10-01 99601 ×1',
      '2026-10-01 99602 ×1',
      '2026-10-01 99601 ×1',
    ]);
  });
});

describe('diagnoses and pointers (R-CL-3)', () => {
  it('lists codes without the dot in first-seen order and points each line at its therapy codes (max 4)', () => {
    const ds = office({
      therapies: [
        therapy({ id: 'T1', stop: '2026-10-01', diagnoses: ['L03.115', 'E86.0', 'B95.61', 'Z45.2', 'Z79.2'] }),
        therapy({ id: 'T2', category: 'hydration', stop: '2026-10-01', diagnoses: ['E86.0', 'N17.9'] }),
      ],
    });
    const c = build(ds).claims[0]!;
    expect(c.diagnoses).toEqual(['L03115', 'E860', 'B9561', 'Z452', 'Z792', 'N179']);
    expect(c.lines.map((l) => l.pointers)).toEqual([['A', 'B', 'C', 'D'], ['B', 'F']]);
  });

  it('keeps the first 12 of 13 diagnoses and warns naming the rest', () => {
    const codes = ['A00.0', 'A01.0', 'A02.0', 'A03.0', 'A04.0', 'A05.0', 'A06.0', 'A07.0', 'A08.0', 'A09', 'A15.0', 'A17.0', 'A18.01'];
    const ds = office({
      therapies: [therapy({ id: 'T1', stop: '2026-10-01', diagnoses: codes.slice(0, 7) }), therapy({ id: 'T2', category: 'hydration', stop: '2026-10-01', diagnoses: codes.slice(7) })],
    });
    const r = build(ds);
    expect(r.claims[0]!.diagnoses).toHaveLength(12);
    expect(r.claims[0]!.diagnoses.at(-1)).toBe('A170');
    expect(r.claims[0]!.lines[1]!.pointers).toEqual(['H', 'I', 'J', 'K']);
    expect(findings(r, 'R-CL-3')).toMatchObject([{ severity: 'warning', claim: r.claims[0]!.id }]);
    expect(findings(r, 'R-CL-3')[0]!.message).toContain('A1801');
  });
});

describe('place of service (R-CL-4)', () => {
  it('puts place of service 12 (home) on every line', () => {
    const ds = office({ therapies: [therapy({ id: 'T1', stop: '2026-10-02', drugs: cef })], dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 2, 2)], visits: [visit('V1', 'T1', '2026-10-01', '09:00', '12:00')] });
    const lines = allLines(build(ds));
    expect(lines.length).toBeGreaterThan(5);
    expect(new Set(lines.map((l) => l.placeOfService))).toEqual(new Set(['12']));
  });
});

describe('prior authorization (R-CL-5)', () => {
  it('puts the date authorization number on the claim, and a date outside every range is an error', () => {
    const ds = office({ therapies: [therapy({ id: 'T1', stop: '2026-10-04', priorAuths: [{ number: 'PA-A', from: '2026-09-01', to: '2026-10-02' }, { number: 'PA-B', from: '2026-10-04' }] })] });
    const r = build(ds);
    expect(r.claims.map((c) => [c.priorAuth, c.lines.map((l) => l.from)])).toEqual([
      ['PA-A', ['2026-10-01', '2026-10-02']],
      [null, ['2026-10-03']],
      ['PA-B', ['2026-10-04']],
    ]);
    expect(findings(r, 'R-CL-5')).toMatchObject([{ severity: 'error', date: '2026-10-03', claim: r.claims[1]!.id }]);
  });

  it('is an error once per therapy × code with no authorization when the payer requires one (priorAuthRequiredFor all/none)', () => {
    const ds = (priorAuthRequiredFor: 'all' | 'none') => office({ payers: [payer('bc', { priorAuthRequiredFor })], therapies: [therapy({ id: 'T1', stop: '2026-10-03', priorAuths: [] })] });
    expect(findings(build(ds('all')), 'R-CL-5')).toMatchObject([{ severity: 'error', therapy: 'T1', code: 'S9500' }]);
    expect(findings(build(ds('none')), 'R-CL-5')).toEqual([]);
  });

  it('is an error on the day the billed units pass the authorized units, JW lines included', () => {
    const ds = office({
      therapies: [therapy({ id: 'T1', stop: '2026-10-04', drugs: cef, priorAuths: [{ number: 'PA1', from: '2026-10-01', units: { S9500: 3, J0696: 23 } }] })],
      dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 4, 4)],
    });
    const r = build(ds);
    expect(findings(r, 'R-CL-5').map((f) => [f.code, f.date, f.line])).toEqual([['J0696', '2026-10-03', 9], ['S9500', '2026-10-04', 10]]);
  });
});

describe('authorized units already billed (R-CL-5 with R-CL-8)', () => {
  it('counts the units of exported claims toward the authorization', () => {
    const ds = office({ therapies: [therapy({ id: 'T1', stop: '2026-10-04', priorAuths: [{ number: 'PA1', from: '2026-10-01', units: { S9500: 3 } }] })] });
    const exported = new Map(
      ['2026-10-01', '2026-10-02'].map((d) => [`perdiem:T1:${d}`, { claim: 'EXP1', hash: 'h', date: d, patient: 'P1', payer: 'bc', therapy: 'T1', priorAuth: 'PA1', code: 'S9500', units: 1 }] as const),
    );
    const r = build(ds, { from: '2026-10-03', exported: { keys: exported } });
    expect(findings(r, 'R-CL-5').map((f) => [f.date, f.code])).toEqual([['2026-10-04', 'S9500']]);
    expect(findings(build(ds, { from: '2026-10-03' }), 'R-CL-5')).toEqual([]);
  });
});

describe('charges (R-CL-6)', () => {
  const price = (fees: Record<string, number>, master: Record<string, number> = CHARGE_MASTER) => {
    const ds = office({ chargeMaster: master, payers: [payer('bc', {}, fees)], therapies: [therapy({ id: 'T1', stop: '2026-10-01', drugs: cef })], dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 1, 1)] });
    const r = build(ds);
    return { r, cents: allLines(r).map((l) => l.chargeCents) };
  };

  it('uses the payer fee, else the charge master, and an NDC price over the code price', () => {
    expect(price({}).cents).toEqual([12000, 2550, 850]);
    expect(price({ S9500: 110 }).cents).toEqual([11000, 2550, 850]);
    expect(price({ [`J0696:${NDC.ceftriaxone2g}`]: 5 }).cents).toEqual([12000, 3000, 1000]);
    expect(price({}, { ...CHARGE_MASTER, [`J0696:${NDC.ceftriaxone2g}`]: $(6) }).cents).toEqual([12000, 3600, 1200]);
  });

  it('rounds half up in exact integer arithmetic, and sums the lines into the total', () => {
    const { r, cents } = price({ S9500: 4.125, J0696: 0.005 });
    expect(cents).toEqual([413, 3, 1]);
    expect(r.claims[0]!.totalCents).toBe(417);
  });

  it('is an error when neither the payer nor the charge master prices a code', () => {
    const { r, cents } = price({}, { S9500: $(120) });
    expect(cents).toEqual([12000, 0, 0]);
    expect(findings(r, 'R-CL-6').map((f) => [f.line, f.code, f.severity])).toEqual([[2, 'J0696', 'error'], [3, 'J0696', 'error']]);
  });
});

describe('claim identity (R-CL-7)', () => {
  it('gives unique ids of PD and 12 base-32 characters, which fit CMS-1500 item 26, and a rebuild of the same facts repeats them', () => {
    const ds = office({ patients: [patient('P1'), patient('P2')], therapies: [therapy({ id: 'T1', stop: '2026-10-31' }), therapy({ id: 'T2', patient: 'P2', prescriber: 'dr2' }), therapy({ id: 'T3', category: 'hydration', prescriber: 'dr2' })] });
    const a = build(ds);
    const ids = a.claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^PD[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(build(ds).claims.map((c) => c.id)).toEqual(ids);
    const more = build({ ...ds, patients: [...ds.patients, patient('P3')], therapies: [...ds.therapies, therapy({ id: 'T9', patient: 'P3' })] });
    expect(more.claims.filter((c) => c.patient !== 'P3').map((c) => c.id)).toEqual(ids);
  });

  it('never gives an id in use, and the id it gives instead is as short and as stable', () => {
    const ds = office({ therapies: [therapy({ id: 'T1', stop: '2026-10-03' })] });
    const [first] = build(ds).claims.map((c) => c.id);
    const again = buildClaims(ds, { from: '2026-10-01', to: '2026-10-31' }, { today: '2026-11-05', reservedIds: new Set([first!]) }).claims[0]!.id;
    expect(again).not.toBe(first);
    expect(again).toMatch(/^PD[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(buildClaims(ds, { from: '2026-10-01', to: '2026-10-31' }, { today: '2026-11-05', reservedIds: new Set([first!]) }).claims[0]!.id).toBe(again);
  });

  it('names a replacement or void after its original, within 14 characters, skipping ids in use', () => {
    expect(correctionClaimId('PD0123456789ab', '7', new Set())).toBe('PD0123456789R1');
    expect(correctionClaimId('PD0123456789ab', '8', new Set(['PD0123456789V1']))).toBe('PD0123456789V2');
    expect(correctionClaimId('PD0123456789R1', '7', new Set(['PD0123456789R1']))).toBe('PD0123456789R2');
    const many = new Set(Array.from({ length: 35 }, (_, i) => `PD0123456789R${(i + 1).toString(36)}`));
    expect(correctionClaimId('PD0123456789ab', '7', many)).toBe('PD012345678R10');
  });
});

describe('rebuilding over exported claims (R-CL-8)', () => {
  const ds = office({ therapies: [therapy({ id: 'T1', stop: '2026-10-03', drugs: cef })], dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 3, 3)] });
  const first = build(ds);
  const exportedClaim = first.claims[0]!;
  const keysOf = (lines = exportedClaim.lines.filter((l) => l.from === '2026-10-01')) =>
    new Map(lines.flatMap((l) => l.sourceKeys.map((k, i) => [k, { claim: 'EXP1', hash: l.factHashes![i]!, date: l.from, patient: 'P1', payer: 'bc' }] as const)));

  it('never bills a source key already on an exported claim', () => {
    const r = build(ds, { exported: { keys: keysOf() } });
    expect(allLines(r).map((l) => l.from)).not.toContain('2026-10-01');
    expect(allLines(r)).toHaveLength(6);
    expect(findings(r, 'R-CL-8')).toEqual([]);
  });

  it('reports an exported claim whose facts changed, and one whose facts are gone', () => {
    const changed = { ...ds, therapies: [therapy({ id: 'T1', stop: '2026-10-03', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }] })] };
    const r = build(changed, { exported: { keys: keysOf() } });
    // 2 g a dose: the drug line changed and the JW line is no longer billable
    // the draft of the later dates waits for EXP1's replacement (an error on it)
    expect(findings(r, 'R-CL-8').map((f) => [f.claim, f.severity, f.code ?? null])).toEqual([['EXP1', 'warning', 'J0696'], ['EXP1', 'warning', null], [r.claims[0]!.id, 'error', null]]);
    expect(findings(r, 'R-CL-8')[1]!.message).toContain('waste:T1:');
    const gone = build({ ...ds, therapies: [therapy({ id: 'T1', start: '2026-10-02', stop: '2026-10-03', drugs: cef })] }, { exported: { keys: keysOf() } });
    expect(findings(gone, 'R-CL-8').filter((f) => f.claim === 'EXP1')).toHaveLength(3);
  });

  it('hashes the billed facts of a key, not its price', () => {
    const line = first.claims[0]!.lines[1]!;
    const repriced = build({ ...ds, chargeMaster: { ...ds.chargeMaster, J0696: $(9) } }).claims[0]!.lines[1]!;
    expect(repriced.factHashes).toEqual(line.factHashes);
    expect(typeof factHash).toBe('function');
  });
});

describe('frequency of built claims (R-CL-9)', () => {
  it('builds originals (frequency 1) without an original claim number', () => {
    const r = build(office({ therapies: [therapy({ id: 'T1', stop: '2026-10-01' })] }));
    expect(r.claims.map((c) => [c.frequency, c.originalClaimNumber ?? null])).toEqual([['1', null]]);
  });
});

describe('timely filing (R-CL-10)', () => {
  it('warns on a line older than the payer filing limit on the build date, not on one at the limit', () => {
    const ds = office({ payers: [payer('bc', { timelyFilingDays: 90 })], therapies: [therapy({ id: 'T1', start: '2026-10-01', stop: '2026-10-03' })] });
    const r = build(ds, { today: '2026-12-31' }); // Oct 1 is 91 days before, Oct 2 is 90
    expect(findings(r, 'R-CL-10').map((f) => [f.date, f.line, f.severity])).toEqual([['2026-10-01', 1, 'warning']]);
  });
});

describe('export gate (R-CL-11)', () => {
  const f = (severity: Finding['severity']): Finding => ({ severity, rule: 'R-X', message: `${severity} here` });
  it('holds back claims with errors and claims with unacknowledged warnings', () => {
    expect(exportGate([f('error'), f('warning')], true).ok).toBe(false);
    expect(exportGate([f('warning')], false)).toEqual({ ok: false, reason: '1 unacknowledged warning: warning here' });
    expect(exportGate([f('warning'), f('info')], true)).toEqual({ ok: true });
    expect(exportGate([f('info')], false)).toEqual({ ok: true });
  });

  it('blocks the claim that an error finding concerns', () => {
    const r = build(office({ therapies: [therapy({ id: 'T1', stop: '2026-10-01', priorAuths: [] })] }));
    const c = r.claims[0]!;
    expect(exportGate(r.findings.filter((x) => x.claim === c.id), true).ok).toBe(false);
    expect(claimOf(r, 'perdiem:T1:2026-10-01')).toBe(c);
  });
});
