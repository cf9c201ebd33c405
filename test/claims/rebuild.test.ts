// R-CL-8 after an export: each way a service could go out twice, or half of one alone, when facts
// change after the export — with the exact claims before and after (docs/billing-engine.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { findClaims, markExported } from '../../db/repos/claims.ts';
import type { BuildResult, Finding } from '../../electron/domain/claims.ts';
import { buildPeriod } from '../../electron/services/buildService.ts';
import { createCorrection } from '../../electron/services/claimsLifecycle.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { brief } from './fixture.ts';
import { exampleRaw } from './helpers.ts';

type Raw = Record<string, unknown>;
const TODAY = { today: '2026-11-05' };
const OCT = { from: '2026-10-01', to: '2026-10-31' };
const CEFTRIAXONE = '0409-7332-01';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

/** One patient, one therapy of 2026-10-01 … stop, on a payer with `settings`; the example's office around it. */
function office(settings: Record<string, unknown>, therapy: Raw = {}, visits: Raw[] = [], dispenses: Raw[] = []): Raw {
  const raw = exampleRaw();
  raw.chargeMaster = { ...(raw.chargeMaster as Raw), T1030: 95, T1002: 12, G0068: 100, G0088: 150 };
  raw.payers = [{ id: 'py', name: 'Payer', payerId: '12345', filingIndicator: 'CI', settings }];
  const p = (raw.patients as Raw[])[0]!;
  raw.patients = [{ ...p, coverages: [{ payer: 'py', priority: 1, memberId: 'M1', relationship: 'self' }] }];
  raw.therapies = [{
    id: 'T1', patient: p.id, payer: 'py', category: 'antiInfective', route: 'IV', schedule: { everyHours: 24 }, start: '2026-10-01', stop: '2026-10-31',
    diagnoses: ['L03.115'], prescriber: 'dr-lee', priorAuths: [{ number: 'PA1', from: '2026-01-01', to: '2026-12-31' }], drugs: [], ...therapy,
  }];
  raw.dispenses = dispenses;
  raw.visits = visits.map((v) => ({ patient: p.id, therapy: 'T1', nurse: 'rn-ortiz', signed: true, ...v }));
  return raw;
}

const load = (raw: Raw) => importDataset(store.db, raw);
const claims = (status: 'draft' | 'exported') => findClaims(store.db, { status }).filter((c) => c.frequency === '1');
const show = (list: Array<{ lines: Parameters<typeof brief>[0] }>) => list.map((c) => brief(c.lines));
const rule = (r: BuildResult, id: string) => r.findings.filter((f) => f.rule === id).map((f: Finding) => `${f.severity} ${f.claim} ${f.date}${f.code ? ` ${f.code}` : ''}`);

/** Builds October and exports every draft, returning the exported claim ids. */
function buildAndExport(range = OCT): string[] {
  buildPeriod(store.db, range, TODAY);
  const ids = claims('draft').map((c) => c.id);
  markExported(store.db, ids, 'B1', '2026-11-05T12:00:00');
  return ids;
}

describe('a date already exported is closed (R-CL-8)', () => {
  it('NC Medicaid: a visit signed late on an exported date adds no second T1030', () => {
    const v1 = { id: 'V1', date: '2026-10-02', arrival: '10:00', departure: '11:00' };
    load(office({ codeSet: 'medicaid-nc' }, { stop: '2026-10-02' }, [v1]));
    const [exp] = buildAndExport();
    expect(show(claims('exported'))).toEqual([['2026-10-01 S9494 ×1', '2026-10-02 S9494 ×1', '2026-10-02 T1030 ×1']]);
    // signed late, and earlier that day: still one T1030 for the patient × payer × date
    load(office({ codeSet: 'medicaid-nc' }, { stop: '2026-10-02' }, [v1, { id: 'V0', date: '2026-10-02', arrival: '08:00', departure: '09:00' }]));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(show(r.claims)).toEqual([]);
    expect(rule(r, 'R-CL-8')).toEqual([]);
    expect(show(claims('exported'))).toEqual([['2026-10-01 S9494 ×1', '2026-10-02 S9494 ×1', '2026-10-02 T1030 ×1']]);
    expect(exp).toBeDefined();
  });

  it('Medicare: a visit signed late becomes the initial one, the exported initial is replaced by a subsequent, and the late draft waits for it', () => {
    const v2 = { id: 'V2', date: '2026-10-20', arrival: '10:00', departure: '11:00' };
    load(office({ codeSet: 'medicare-hit' }, {}, [v2]));
    const [exp] = buildAndExport();
    expect(show(claims('exported'))).toEqual([['2026-10-20 G0088 ×4']]);
    load(office({ codeSet: 'medicare-hit' }, {}, [{ id: 'V1', date: '2026-10-05', arrival: '10:00', departure: '10:30' }, v2]));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(show(r.claims)).toEqual([['2026-10-05 G0088 ×2']]);
    expect(rule(r, 'R-CL-8')).toEqual([`error ${r.claims[0]!.id} 2026-10-05`, `warning ${exp} 2026-10-20 G0068`]);
    const repl = createCorrection(store.db, exp!, '7', 'PCN-1', '2026-11-06');
    expect(brief(repl.lines)).toEqual(['2026-10-20 G0068 ×4']);
    const after = buildPeriod(store.db, OCT, TODAY);
    expect(show(after.claims)).toEqual([['2026-10-05 G0088 ×2']]);
    expect(rule(after, 'R-CL-8')).toEqual([]);
  });

  it('Medicare: a visit signed late in the month before is seen against the initial visit exported after it', () => {
    const v2 = { id: 'V2', date: '2026-10-20', arrival: '10:00', departure: '11:00' };
    load(office({ codeSet: 'medicare-hit' }, { start: '2026-09-01' }, [v2]));
    const [exp] = buildAndExport();
    load(office({ codeSet: 'medicare-hit' }, { start: '2026-09-01' }, [{ id: 'V1', date: '2026-09-25', arrival: '10:00', departure: '10:30' }, v2]));
    const r = buildPeriod(store.db, { from: '2026-09-01', to: '2026-09-30' }, TODAY);
    expect(show(r.claims)).toEqual([['2026-09-25 G0088 ×2']]);
    expect(rule(r, 'R-CL-8')).toEqual([`error ${r.claims[0]!.id} 2026-09-25`, `warning ${exp} 2026-10-20`]);
    expect(brief(createCorrection(store.db, exp!, '7', 'PCN-1', '2026-11-06').lines)).toEqual(['2026-10-20 G0068 ×4']);
    expect(rule(buildPeriod(store.db, { from: '2026-09-01', to: '2026-09-30' }, TODAY), 'R-CL-8')).toEqual([]);
  });

  it('a departure corrected after export puts the 99602 on the replacement with its 99601, never on a claim alone', () => {
    const visit = (departure: string) => [{ id: 'V1', date: '2026-10-01', arrival: '09:00', departure }];
    load(office({}, { stop: '2026-10-02' }, visit('11:00')));
    const [exp] = buildAndExport();
    expect(show(claims('exported'))).toEqual([['2026-10-01 S9500 ×1', '2026-10-01 99601 ×1', '2026-10-02 S9500 ×1']]);
    load(office({}, { stop: '2026-10-02' }, visit('12:00')));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(show(r.claims)).toEqual([]);
    expect(rule(r, 'R-CL-8')).toEqual([`warning ${exp} 2026-10-01 99602`]);
    expect(brief(createCorrection(store.db, exp!, '7', 'PCN-1', '2026-11-06').lines)).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 99601 ×1', '2026-10-01 99602 ×1', '2026-10-02 S9500 ×1']);
    const after = buildPeriod(store.db, OCT, TODAY);
    expect(show(after.claims)).toEqual([]);
    expect(rule(after, 'R-CL-8')).toEqual([]);
  });

  it('a drug added after its per diem went out goes on the replacement, not on a claim of its own', () => {
    load(office({}, { stop: '2026-10-02' }));
    const [exp] = buildAndExport();
    expect(show(claims('exported'))).toEqual([['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1']]);
    load(office({}, { stop: '2026-10-02', drugs: [{ ndc: CEFTRIAXONE, dose: { amount: 1.5, unit: 'g' } }] }, [], [{ id: 'D1', therapy: 'T1', date: '2026-10-01', ndc: CEFTRIAXONE, quantity: 2, daysSupply: 2 }]));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(show(r.claims)).toEqual([]);
    expect(rule(r, 'R-CL-8')).toEqual([
      `warning ${exp} 2026-10-01 J0696`, `warning ${exp} 2026-10-01 J0696`, `warning ${exp} 2026-10-02 J0696`, `warning ${exp} 2026-10-02 J0696`,
    ]);
    expect(brief(createCorrection(store.db, exp!, '7', 'PCN-1', '2026-11-06').lines)).toEqual([
      '2026-10-01 S9500 ×1', '2026-10-01 J0696 ×6 UN 0.75', '2026-10-01 J0696-JW ×2 UN 0.25',
      '2026-10-02 S9500 ×1', '2026-10-02 J0696 ×6 UN 0.75', '2026-10-02 J0696-JW ×2 UN 0.25',
    ]);
    expect(rule(buildPeriod(store.db, OCT, TODAY), 'R-CL-8')).toEqual([]);
  });

  it('units exported past an authorization still give the next claim its R-CL-5 error', () => {
    const auth = { priorAuths: [{ number: 'PA1', from: '2026-01-01', to: '2026-12-31', units: { S9500: 2 } }] };
    load(office({}, auth));
    buildAndExport({ from: '2026-10-01', to: '2026-10-03' });
    expect(show(claims('exported'))).toEqual([['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1', '2026-10-03 S9500 ×1']]);
    const r = buildPeriod(store.db, { from: '2026-10-04', to: '2026-10-05' }, TODAY);
    expect(show(r.claims)).toEqual([['2026-10-04 S9500 ×1', '2026-10-05 S9500 ×1']]);
    expect(r.findings.filter((f) => f.rule === 'R-CL-5').map((f) => `${f.severity} ${f.claim} line ${f.line}`)).toEqual([`error ${r.claims[0]!.id} line 1`]);
  });

  it('a change to an exported claim holds the new draft of the patient with an error, not only a warning on the exported claim', () => {
    load(office({}, { stop: '2026-10-02' }, [{ id: 'V1', date: '2026-10-01', arrival: '09:00', departure: '11:00' }]));
    const [exp] = buildAndExport();
    // the visit was on 2026-10-02, not 10-01; the therapy goes on to 10-04
    load(office({}, { stop: '2026-10-04' }, [{ id: 'V1', date: '2026-10-02', arrival: '09:00', departure: '11:00' }]));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(show(r.claims)).toEqual([['2026-10-03 S9500 ×1', '2026-10-04 S9500 ×1']]);
    expect(rule(r, 'R-CL-8')).toEqual([`warning ${exp} 2026-10-02 99601`, `error ${r.claims[0]!.id} 2026-10-03`]);
    expect(brief(createCorrection(store.db, exp!, '7', 'PCN-1', '2026-11-06').lines)).toEqual(['2026-10-01 S9500 ×1', '2026-10-02 S9500 ×1', '2026-10-02 99601 ×1']);
    const after = buildPeriod(store.db, OCT, TODAY);
    expect(show(after.claims)).toEqual([['2026-10-03 S9500 ×1', '2026-10-04 S9500 ×1']]);
    expect(rule(after, 'R-CL-8')).toEqual([]);
  });
});

describe('a replacement not yet sent (R-CL-8, R-CL-9)', () => {
  it('is rebuilt like a draft, so what its dates gain since goes on it', () => {
    load(office({}, { stop: '2026-10-02' }, [{ id: 'V1', date: '2026-10-01', arrival: '09:00', departure: '11:00' }]));
    const [exp] = buildAndExport();
    load(office({}, { stop: '2026-10-02' }, [{ id: 'V1', date: '2026-10-01', arrival: '09:00', departure: '12:00' }]));
    buildPeriod(store.db, OCT, TODAY);
    const repl = createCorrection(store.db, exp!, '7', 'PCN-1', '2026-11-06');
    expect(brief(repl.lines)).toEqual(['2026-10-01 S9500 ×1', '2026-10-01 99601 ×1', '2026-10-01 99602 ×1', '2026-10-02 S9500 ×1']);
    // before it is sent, a drug is added on its dates
    load(office({}, { stop: '2026-10-02', drugs: [{ ndc: CEFTRIAXONE, dose: { amount: 2, unit: 'g' } }] }, [{ id: 'V1', date: '2026-10-01', arrival: '09:00', departure: '12:00' }],
      [{ id: 'D1', therapy: 'T1', date: '2026-10-01', ndc: CEFTRIAXONE, quantity: 2, daysSupply: 2 }]));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(show(r.claims)).toEqual([]);
    expect(rule(r, 'R-CL-8')).toEqual([]);
    expect(show(findClaims(store.db, { ids: [repl.id] }))).toEqual([[
      '2026-10-01 S9500 ×1', '2026-10-01 J0696 ×8 UN 1', '2026-10-01 99601 ×1', '2026-10-01 99602 ×1', '2026-10-02 S9500 ×1', '2026-10-02 J0696 ×8 UN 1',
    ]]);
  });
});
