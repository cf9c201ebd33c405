import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../db/open.ts';
import type { Store } from '../../db/open.ts';
import { loadDataset, saveDataset } from '../../db/repos/dataset.ts';
import { getPatient, searchPatients, savePatient } from '../../db/repos/patients.ts';
import { getTherapy, listPatientTherapies, saveTherapy } from '../../db/repos/therapies.ts';
import { getProduct, searchProducts } from '../../db/repos/products.ts';
import { getPayer, savePayer } from '../../db/repos/payers.ts';
import { getChargeMaster, saveChargeMaster } from '../../db/repos/chargeMaster.ts';
import { getOrganization } from '../../db/repos/organization.ts';
import { listPatientDispenses } from '../../db/repos/dispenses.ts';
import { listPatientVisits } from '../../db/repos/visits.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import { example } from '../import/helpers.ts';

function parsedExample(): Dataset {
  const r = parseDataset(example());
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.dataset;
}

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

describe('the store', () => {
  it('gives back exactly the dataset it was given', () => {
    const ds = parsedExample();
    saveDataset(store.db, ds);
    expect(loadDataset(store.db)).toEqual(ds);
  });

  it('keeps prices as integer micro-dollars and NDCs as 11 digits', () => {
    saveDataset(store.db, parsedExample());
    expect(getChargeMaster(store.db).J0696).toBe(4_250_000);
    expect(getPayer(store.db, 'bcbstx')!.fees).toEqual({ S9500: 110_000_000, S9375: 90_000_000 });
    expect(getProduct(store.db, '00409733201')!.name).toBe('Ceftriaxone 2 g vial');
    const t1 = getTherapy(store.db, 'T1')!;
    expect(t1.drugs).toEqual([{ ndc: '00409733201', dose: { amount: 1.5, unit: 'g' } }]);
    expect(t1.holds).toEqual([{ from: '2026-10-05', to: '2026-10-06', reason: 'hospital admission' }]);
    expect(getTherapy(store.db, 'T3')!.priorAuths[0]!.units).toEqual({ S9338: 3 });
  });

  it('updates records by id and replaces their lists', () => {
    const ds = parsedExample();
    saveDataset(store.db, ds);
    const p = structuredClone(ds.patients[0]!);
    p.lastName = 'Garza-Lopez';
    p.coverages[0]!.memberId = 'XOB999';
    savePatient(store.db, p);
    const t = structuredClone(ds.therapies[0]!);
    t.holds = [];
    t.diagnoses = ['L03.116'];
    saveTherapy(store.db, t);
    expect(getPatient(store.db, 'P1001')).toEqual(p);
    expect(getTherapy(store.db, 'T1')).toEqual(t);
    expect(loadDataset(store.db).patients).toHaveLength(2);
  });

  it('refuses what the schema forbids even without the import in front', () => {
    saveDataset(store.db, parsedExample());
    const t = structuredClone(getTherapy(store.db, 'T1')!);
    expect(() => saveTherapy(store.db, { ...t, stop: '2026-09-01' })).toThrow(/CHECK constraint/);
    expect(() => saveTherapy(store.db, { ...t, prescriber: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(getTherapy(store.db, 'T1')).toEqual(t);
  });

  it('finds patients by name, account, member id and date of birth', () => {
    saveDataset(store.db, parsedExample());
    const ids = (q: string) => searchPatients(store.db, q).map((p) => p.id);
    expect(ids('garza')).toEqual(['P1001']);
    expect(ids('mateo sil')).toEqual(['P1002']);
    expect(ids('P100')).toEqual(['P1001', 'P1002']);
    expect(ids('AW555')).toEqual(['P1002']);
    expect(ids('1956-03-14')).toEqual(['P1001']);
    expect(ids('03/14/1956')).toEqual(['P1001']);
    expect(ids('nobody')).toEqual([]);
    expect(searchPatients(store.db, 'P1002')[0]!.coverages[0]!.subscriber!.firstName).toBe('Lucia');
  });

  it("lists a patient's therapies, dispenses and visits", () => {
    saveDataset(store.db, parsedExample());
    expect(listPatientTherapies(store.db, 'P1001').map((t) => t.id)).toEqual(['T1', 'T2']);
    expect(listPatientDispenses(store.db, 'P1001').map((d) => d.id)).toEqual(['D1', 'D3']);
    expect(listPatientVisits(store.db, 'P1002').map((v) => [v.id, v.signed])).toEqual([['V2', true], ['V3', false]]);
    expect(searchProducts(store.db, 'vanco').map((p) => p.ndc)).toEqual(['63323028420']);
    expect(searchProducts(store.db, 'J0696').map((p) => p.hcpcs)).toEqual(['J0696']);
  });

  it('saves payer settings and fee schedules, and charge master prices', () => {
    saveDataset(store.db, parsedExample());
    const payer = structuredClone(getPayer(store.db, 'allways')!);
    payer.settings.nursingMaxHoursPerDay = 4;
    payer.settings.ndcUnits = ['ML', 'UN'];
    payer.fees = { 'J1569:00944270004': 52_500_000 };
    savePayer(store.db, payer);
    expect(getPayer(store.db, 'allways')).toEqual(payer);
    saveChargeMaster(store.db, { S9500: 1 }, { replace: true });
    expect(getChargeMaster(store.db)).toEqual({ S9500: 1 });
    expect(getOrganization(store.db)!.npi).toBe('1234567893');
  });
});
