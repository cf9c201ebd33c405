import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../db/open.ts';
import type { Store } from '../../db/open.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { getPatient } from '../../db/repos/patients.ts';
import { getTherapy } from '../../db/repos/therapies.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { UserError } from '../../electron/domain/errors.ts';
import { example } from './helpers.ts';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

function rejection(raw: unknown): string[] {
  try {
    importDataset(store.db, raw);
  } catch (e) {
    if (e instanceof UserError) return e.details;
    throw e;
  }
  throw new Error('the import was accepted');
}

describe('importDataset', () => {
  it('stores the example, and the store gives back what parseDataset made of it', () => {
    const { counts } = importDataset(store.db, example());
    expect(counts).toEqual({
      organization: 1, clearinghouse: 1, chargeMaster: 13, payers: 2, prescribers: 2, nurses: 2,
      products: 6, patients: 2, therapies: 3, dispenses: 3, visits: 3,
    });
    const parsed = parseDataset(example());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(loadDataset(store.db)).toEqual(parsed.dataset);
  });

  it('normalizes as it parses: NDCs to 11 digits, dollars to micro-dollars, payer settings to full', () => {
    const r = parseDataset(example());
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const ds = r.dataset;
    expect(ds.products.map((p) => p.ndc)).toEqual(['00409733201', '63323028420', '00944270004', '00338051913', '00338113304', '12345000101']);
    expect(ds.therapies[2]!.drugs[0]!.ndc).toBe('00944270004');
    expect(ds.dispenses.map((d) => d.ndc)).toEqual(['00409733201', '00944270004', '12345000101']);
    expect(ds.chargeMaster).toMatchObject({ J0696: 4_250_000, S9500: 120_000_000, 99601: 180_000_000 });
    expect(ds.payers[1]!.settings).toMatchObject({ compoundKpKq: true, wasteModifiers: 'JW+JZ', lineSpan: 'day', priorAuthRequiredFor: 'all', timelyFilingDays: 365 });
    expect(ds.products[5]).toMatchObject({ kind: 'supply', hcpcsUnit: null, singleDose: null });
    expect(ds.patients[0]!.coverages[0]!.relationship).toBe('self');
    expect(ds.therapies[0]!.selfAdministered).toBe(false);
    expect(ds.therapies[1]!.holds).toEqual([]);
  });

  it('accepts an overnight visit ending on its departureDate and hyphenated ZIP+4', () => {
    const doc = example();
    Object.assign(doc.visits[0], { arrival: '22:30', departure: '01:15', departureDate: '2026-10-02' });
    doc.patients[0].address.zip = '78664-1234';
    const r = parseDataset(doc);
    expect(r.ok && r.dataset.visits[0]!.departureDate).toBe('2026-10-02');
    expect(r.ok && r.dataset.patients[0]!.address!.zip).toBe('786641234');
  });

  it('updates records by id when the same ids come again', () => {
    importDataset(store.db, example());
    const doc = example();
    doc.patients[0].lastName = 'Garza-Lopez';
    doc.patients[0].coverages[0].memberId = 'XOB000000001';
    doc.therapies[0].stop = '2026-10-08';
    doc.therapies[0].holds = [];
    doc.chargeMaster.J0696 = 4.5;
    const { counts } = importDataset(store.db, doc);
    expect(counts.patients).toBe(2);
    const ds = loadDataset(store.db);
    expect(ds.patients).toHaveLength(2);
    expect(ds.therapies).toHaveLength(3);
    expect(getPatient(store.db, 'P1001')!.lastName).toBe('Garza-Lopez');
    expect(getPatient(store.db, 'P1001')!.coverages).toEqual([
      { payer: 'bcbstx', priority: 1, memberId: 'XOB000000001', groupNumber: 'G100', relationship: 'self', subscriber: null },
    ]);
    expect(getTherapy(store.db, 'T1')).toMatchObject({ stop: '2026-10-08', holds: [] });
    expect(ds.chargeMaster.J0696).toBe(4_500_000);
  });

  it('takes a partial file whose records refer to records stored before', () => {
    importDataset(store.db, example());
    const { counts } = importDataset(store.db, {
      visits: [{ id: 'V9', patient: 'P1001', therapy: 'T1', nurse: 'rn-ortiz', date: '2026-10-08', arrival: '10:00', departure: '11:00', signed: true }],
      dispenses: [{ id: 'D9', therapy: 'T3', date: '2026-10-21', ndc: '00944270004', quantity: 200, daysSupply: 10 }],
    });
    expect(counts).toMatchObject({ visits: 1, dispenses: 1, patients: 0 });
    expect(loadDataset(store.db).visits.map((v) => v.id)).toEqual(['V1', 'V2', 'V3', 'V9']);
    expect(loadDataset(store.db).organization!.name).toBe('Summit Home Infusion Pharmacy');
  });

  it('rejects a partial file that refers to records neither in it nor stored', () => {
    expect(
      rejection({ visits: [{ id: 'V9', patient: 'P1001', therapy: 'T1', nurse: 'rn-ortiz', date: '2026-10-08', arrival: '10:00', departure: '11:00', signed: true }] }),
    ).toEqual(["visits[0].patient: unknown patient 'P1001'", "visits[0].therapy: unknown therapy 'T1'", "visits[0].nurse: unknown nurse 'rn-ortiz'"]);
    expect(loadDataset(store.db).visits).toEqual([]);
  });

  it('rejects a re-imported patient who loses the coverage a stored therapy is billed to', () => {
    importDataset(store.db, example());
    const doc = example();
    const patient = doc.patients[0];
    patient.coverages[0].payer = 'allways';
    expect(rejection({ patients: [patient] })).toEqual([
      "patients[0].coverages: stored therapy 'T1' is billed to payer 'bcbstx', which these coverages leave out",
      "patients[0].coverages: stored therapy 'T2' is billed to payer 'bcbstx', which these coverages leave out",
    ]);
    expect(getPatient(store.db, 'P1001')!.coverages[0]!.payer).toBe('bcbstx');
  });

  it('rejects a re-imported therapy or product that no longer fits the stored visits and therapies', () => {
    importDataset(store.db, example());
    const doc = example();
    const therapy = { ...doc.therapies[2], patient: 'P1001', payer: 'bcbstx' };
    expect(rejection({ therapies: [therapy] })).toEqual([
      "therapies[0].patient: stored visit 'V2' of this therapy is for patient 'P1002'",
      "therapies[0].patient: stored visit 'V3' of this therapy is for patient 'P1002'",
    ]);
    const product = { ...doc.products[0], hcpcsUnit: { amount: 1, unit: 'mL' }, drugPerNdcUnit: { amount: 1, unit: 'mL' } };
    expect(rejection({ products: [product] })).toEqual([
      "products[0].hcpcsUnit: stored therapy 'T1' doses 00409733201 in g, which cannot convert to mL",
    ]);
    expect(rejection({ products: [{ ndc: '0409-7332-01', name: 'Ceftriaxone', kind: 'supply', hcpcs: 'J0696' }] })).toEqual([
      "products[0].kind: stored therapy 'T1' gives 00409733201 as a drug",
    ]);
  });

  it('rejects what is not an object, and unknown sections', () => {
    expect(rejection([1, 2])).toEqual(['(file): expected a JSON object']);
    expect(rejection({ patient: [] })).toEqual([
      'patient: unknown section (expected organization, clearinghouse, chargeMaster, payers, prescribers, nurses, products, patients, therapies, dispenses, visits)',
    ]);
  });
});
