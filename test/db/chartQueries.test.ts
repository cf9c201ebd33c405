// The repository queries the chart screens use instead of reading whole tables.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../db/open.ts';
import type { Store } from '../../db/open.ts';
import { saveDataset } from '../../db/repos/dataset.ts';
import { getDispense, listDispenseLog, saveDispense } from '../../db/repos/dispenses.ts';
import { nextId } from '../../db/repos/ids.ts';
import { isoFromUsDate, listPatientsByIds, searchPatients } from '../../db/repos/patients.ts';
import { getVisit, listRecentVisits, saveVisit } from '../../db/repos/visits.ts';
import type { Dataset, Dispense, Visit } from '../../electron/domain/types.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { example } from '../import/helpers.ts';

let store: Store;
beforeEach(() => {
  const r = parseDataset(example());
  if (!r.ok) throw new Error(r.errors.join('\n'));
  store = openMemoryStore();
  saveDataset(store.db, r.dataset as Dataset);
});
afterEach(() => store.close());

const visit = (id: string, over: Partial<Visit> = {}): Visit => ({
  id, patient: 'P1001', therapy: 'T1', nurse: 'rn-ortiz', date: '2026-10-02', arrival: '09:00', departure: '10:00',
  departureDate: null, signed: true, notes: null, ...over,
});
const dispense = (id: string, over: Partial<Dispense> = {}): Dispense => ({
  id, therapy: 'T1', date: '2026-10-02', ndc: '00409733201', quantity: 5, daysSupply: 5, lot: null, expiry: null, ...over,
});

describe('new ids', () => {
  it('take the numeric maximum, so V10 follows V9 (not the string maximum V9)', () => {
    for (const id of ['V9', 'V10', 'V007']) saveVisit(store.db, visit(id));
    expect(nextId(store.db, 'visits', 'V')).toBe('V11');
  });

  it('ignore ids of another form and start at 1 when none has the prefix', () => {
    saveVisit(store.db, visit('V99x'));
    saveVisit(store.db, visit('visit-500'));
    expect(nextId(store.db, 'visits', 'V')).toBe('V4');
    expect(nextId(store.db, 'dispenses', 'D')).toBe('D4');
    expect(nextId(store.db, 'therapies', 'T')).toBe('T4');
    expect(nextId(store.db, 'therapies', 'TH')).toBe('TH1');
  });
});

describe('recent visits', () => {
  it('come newest first (date, arrival, then the id as a number), limited', () => {
    saveVisit(store.db, visit('V9', { date: '2026-10-21', arrival: '13:00' }));
    saveVisit(store.db, visit('V10', { date: '2026-10-21', arrival: '13:00' }));
    saveVisit(store.db, visit('V4', { date: '2026-10-21', arrival: '15:00' }));
    expect(listRecentVisits(store.db, { limit: 4 }).map((v) => v.id)).toEqual(['V4', 'V10', 'V9', 'V3']);
    expect(listRecentVisits(store.db, { limit: 2 }).map((v) => v.id)).toEqual(['V4', 'V10']);
  });

  it('filter by patient, nurse, signature and dates', () => {
    const ids = (f: Omit<Parameters<typeof listRecentVisits>[1], 'limit'>) => listRecentVisits(store.db, { limit: 100, ...f }).map((v) => v.id);
    expect(ids({})).toEqual(['V3', 'V2', 'V1']);
    expect(ids({ patient: 'P1002' })).toEqual(['V3', 'V2']);
    expect(ids({ nurse: 'lpn-kim' })).toEqual(['V3']);
    expect(ids({ unsignedOnly: true })).toEqual(['V3']);
    expect(ids({ from: '2026-10-02', to: '2026-10-20' })).toEqual(['V2']);
    expect(ids({ patient: 'P1001', unsignedOnly: true })).toEqual([]);
  });

  it('read one visit by id', () => {
    expect(getVisit(store.db, 'V3')).toMatchObject({ id: 'V3', nurse: 'lpn-kim', signed: false });
    expect(getVisit(store.db, 'V99')).toBeNull();
  });
});

describe('the dispensing log', () => {
  it('comes newest first with the patient of each dispense, limited', () => {
    saveDispense(store.db, dispense('D10', { date: '2026-10-01' }));
    const rows = listDispenseLog(store.db, { limit: 3 });
    expect(rows.map((d) => `${d.id} ${d.date} ${d.patient}`)).toEqual(['D10 2026-10-01 P1001', 'D3 2026-10-01 P1001', 'D2 2026-10-01 P1002']);
    expect(rows[0]).toEqual({ ...dispense('D10', { date: '2026-10-01' }), patient: 'P1001' });
  });

  it('filters by patient, therapy, dates, exact NDC, NDC start and product name', () => {
    saveDispense(store.db, dispense('D4', { date: '2026-10-11' }));
    const ids = (f: Omit<Parameters<typeof listDispenseLog>[1], 'limit'>) => listDispenseLog(store.db, { limit: 100, ...f }).map((d) => d.id);
    expect(ids({ patient: 'P1002' })).toEqual(['D2']);
    expect(ids({ therapy: 'T1' })).toEqual(['D4', 'D3', 'D1']);
    expect(ids({ from: '2026-10-02' })).toEqual(['D4']);
    expect(ids({ to: '2026-10-01' })).toEqual(['D3', 'D2', 'D1']);
    expect(ids({ ndc: '00409733201' })).toEqual(['D4', 'D1']);
    expect(ids({ ndcPrefix: '00944' })).toEqual(['D2']);
    expect(ids({ productText: 'CEFTRI' })).toEqual(['D4', 'D1']);
    expect(ids({ productText: 'no such product' })).toEqual([]);
  });

  it('reads one dispense by id', () => {
    expect(getDispense(store.db, 'D2')).toMatchObject({ therapy: 'T3', ndc: '00944270004', quantity: 600 });
    expect(getDispense(store.db, 'D9')).toBeNull();
  });
});

describe('patients', () => {
  it('turn a typed MM/DD/YYYY birth date into the stored ISO date', () => {
    expect(isoFromUsDate('03/14/1956')).toBe('1956-03-14');
    expect(isoFromUsDate('3/4/1956')).toBe('1956-03-04');
    expect(isoFromUsDate('1956-03-14')).toBeNull();
    expect(isoFromUsDate('garza')).toBeNull();
    expect(searchPatients(store.db, '3/14/1956').map((p) => p.id)).toEqual(['P1001']);
  });

  it('are read by a list of ids, unknown ones left out', () => {
    expect(listPatientsByIds(store.db, ['P1002', 'P9', 'P1001']).map((p) => [p.id, p.coverages.length])).toEqual([['P1001', 1], ['P1002', 1]]);
    expect(listPatientsByIds(store.db, [])).toEqual([]);
  });
});
