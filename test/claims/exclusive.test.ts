import { describe, expect, it } from 'vitest';
import type { Product, Therapy } from '../../electron/domain/types.ts';
import type { ExportedFact } from '../../electron/claims/types.ts';
import { build, dispense, office, patient, payer, PRODUCTS, therapy } from './fixture.ts';

const S9810: Product = { ndc: '12345000505', name: 'Pharmacy services', kind: 'supply', hcpcs: 'S9810' };
const S1015: Product = { ndc: '12345000606', name: 'IV tubing set', kind: 'supply', hcpcs: 'S1015' };

function mx(therapies: Therapy[], opts: { dispenses?: ReturnType<typeof dispense>[]; settings?: Parameters<typeof payer>[1] } = {}) {
  const r = build(
    office({ payers: [payer('bc', opts.settings ?? {})], patients: [patient('P1')], products: [...PRODUCTS, S9810, S1015], therapies, dispenses: opts.dispenses ?? [] }),
    { to: '2026-10-02' },
  );
  return r.findings.filter((f) => f.rule.startsWith('R-MX')).map((f) => `${f.rule} ${f.date} ${f.code} line ${f.line}`);
}

const on = (id: string, over: Partial<Therapy>, start = '2026-10-01', stop = '2026-10-01') => therapy({ id, start, stop, ...over });

describe('mutually exclusive codes (R-MX-1 … R-MX-8)', () => {
  it('R-MX-1: S9494 with S9497–S9504 on one date', () => {
    expect(mx([on('T1', { schedule: { everyDays: 2 } }), on('T2', { schedule: { everyHours: 8 } })])).toEqual(['R-MX-1 2026-10-01 S9502 line 1']);
  });

  it('R-MX-2: S9364 with S9365–S9368', () => {
    expect(mx([on('T1', { category: 'tpn' }), on('T2', { category: 'tpn', qualifier: { litersPerDay: 1 } })])).toEqual(['R-MX-2 2026-10-01 S9365 line 1']);
  });

  it('R-MX-3: S9373 with S9374–S9377', () => {
    expect(mx([on('T1', { category: 'hydration' }), on('T2', { category: 'hydration', qualifier: { litersPerDay: 4 } })])).toEqual(['R-MX-3 2026-10-01 S9377 line 1']);
  });

  it('R-MX-4: S9325 with S9326–S9328', () => {
    expect(mx([on('T1', { category: 'pain' }), on('T2', { category: 'pain', qualifier: { mode: 'implantedPump' } })])).toEqual(['R-MX-4 2026-10-01 S9328 line 2']);
  });

  it('R-MX-5: S9329 with S9330–S9331', () => {
    expect(mx([on('T1', { category: 'chemotherapy' }), on('T2', { category: 'chemotherapy', qualifier: { mode: 'intermittent' } })])).toEqual(['R-MX-5 2026-10-01 S9331 line 2']);
  });

  it('R-MX-6: S9810 with any per diem', () => {
    expect(mx([on('T1', {})], { dispenses: [dispense('DSP1', 'T1', '2026-10-01', S9810.ndc, 1, 1)] })).toEqual(['R-MX-6 2026-10-01 S9500 line 1']);
  });

  it('R-MX-7: S9208–S9214 with a home infusion per diem', () => {
    expect(mx([on('T1', { category: 'tocolytic', perDiemCode: 'S9208' }), on('T2', {})])).toEqual(['R-MX-7 2026-10-01 S9500 line 1']);
  });

  it('R-MX-8: an S-code on a Medicare home infusion claim', () => {
    const t = on('T1', { payer: 'bc' });
    expect(mx([t], { settings: { codeSet: 'medicare-hit' }, dispenses: [dispense('DSP1', 'T1', '2026-10-01', S1015.ndc, 1, 1)] })).toEqual(['R-MX-8 2026-10-01 S1015 line 1']);
    expect(mx([t], { dispenses: [dispense('DSP1', 'T1', '2026-10-01', S1015.ndc, 1, 1)] })).toEqual([]);
  });

  it('reports one error per rule, patient and date, and none across dates', () => {
    expect(mx([on('T1', { schedule: { everyDays: 2 } }), on('T2', { schedule: { everyHours: 8 } }), on('T3', { schedule: { everyHours: 12 } })])).toEqual(['R-MX-1 2026-10-01 S9502 line 1']);
    expect(mx([on('T1', { schedule: { everyDays: 2 } }), on('T2', { schedule: { everyHours: 8 } }, '2026-10-02', '2026-10-02')])).toEqual([]);
  });
});

describe('mutually exclusive codes against exported claims (R-MX)', () => {
  // exported to the patient's other payer: a date exported to the same payer is closed (R-CL-8),
  // and what it gains goes on that claim's replacement instead of a new claim
  const exported = (key: string, code: string, date: string, claim = 'EXP1'): [string, ExportedFact] => [key, { claim, hash: 'old', date, patient: 'P1', payer: 'aw', code, units: 1 }];
  const run = (therapies: Therapy[], dispenses: ReturnType<typeof dispense>[], keys: Array<[string, ExportedFact]>) => {
    const r = build(office({ payers: [payer('bc'), payer('aw')], patients: [patient('P1', ['bc', 'aw'])], products: [...PRODUCTS, S9810, S1015], therapies, dispenses }), { to: '2026-10-02', exported: { keys: new Map(keys) } });
    return { r, mx: r.findings.filter((f) => f.rule.startsWith('R-MX')).map((f) => `${f.rule} ${f.date} ${f.code} ${f.claim === r.claims[0]?.id ? 'this claim' : f.claim} line ${f.line}: ${f.message}`) };
  };

  it('finds S9810 built now against a per diem exported before, on the S9810 line', () => {
    const { r, mx } = run([on('T1', {})], [dispense('DSP1', 'T1', '2026-10-01', S9810.ndc, 1, 1)], [exported('perdiem:T1:2026-10-01', 'S9500', '2026-10-01')]);
    expect(r.claims.flatMap((c) => c.lines.map((l) => l.code))).toEqual(['S9810']);
    expect(mx).toEqual(['R-MX-6 2026-10-01 S9810 this claim line 1: S9810 may not be billed for the same patient on 2026-10-01: S9500 is already on exported claim EXP1']);
  });

  it('finds a per diem built now against an S9810 exported before, on the per diem line', () => {
    const { mx } = run([on('T1', {})], [dispense('DSP1', 'T1', '2026-10-01', S9810.ndc, 1, 1)], [exported('supply:DSP1', 'S9810', '2026-10-01')]);
    expect(mx).toEqual(['R-MX-6 2026-10-01 S9500 this claim line 1: S9500 may not be billed for the same patient on 2026-10-01: S9810 is already on exported claim EXP1']);
  });

  it('ignores exported codes of another date, and pairs where both lines were already exported', () => {
    const apart = run([on('T1', {})], [dispense('DSP1', 'T1', '2026-10-02', S9810.ndc, 1, 1)], [exported('perdiem:T0:2026-10-01', 'S9500', '2026-10-01')]);
    expect(apart.r.claims.flatMap((c) => c.lines.map((l) => `${l.from} ${l.code}`))).toEqual(['2026-10-01 S9500', '2026-10-02 S9810']);
    expect(apart.mx).toEqual([]);
    const both = run([on('T1', {}, '2026-10-01', '2026-10-02')], [dispense('DSP1', 'T1', '2026-10-01', S9810.ndc, 1, 1)], [
      exported('perdiem:T1:2026-10-01', 'S9500', '2026-10-01'), exported('supply:DSP1', 'S9810', '2026-10-01'),
    ]);
    expect(both.r.claims.flatMap((c) => c.lines.map((l) => `${l.from} ${l.code}`))).toEqual(['2026-10-02 S9500']);
    expect(both.mx).toEqual([]);
  });

  it('never reports an S-code already exported on a Medicare claim again (R-MX-8 is one-sided)', () => {
    const medicare = office({ payers: [payer('bc', { codeSet: 'medicare-hit' }), payer('aw')], patients: [patient('P1', ['bc', 'aw'])], products: [...PRODUCTS, S9810, S1015],
      therapies: [on('T1', { payer: 'aw' })], dispenses: [] });
    const keys = new Map([exported('supply:X', 'S1015', '2026-10-01')]);
    expect(build(medicare, { to: '2026-10-02', exported: { keys } }).findings.filter((f) => f.rule.startsWith('R-MX'))).toEqual([]);
  });
});
