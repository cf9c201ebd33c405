import { afterEach, describe, expect, it } from 'vitest';
import type { DispenseDraft } from '../../electron/ipc/contract/dispenses.ts';
import { ndcDigitsPrefix } from '../../electron/ipc/handlers/dispenses.ts';
import { openOffice, type Office } from './fixture.ts';

const draft = (over: Partial<DispenseDraft> = {}): DispenseDraft => ({
  therapy: 'T1',
  date: '2026-10-11',
  ndc: '0409-7332-01',
  quantity: 10,
  daysSupply: 10,
  lot: 'CX3001',
  expiry: '2027-06-30',
  ...over,
});

let office: Office;
afterEach(() => office?.close());

describe('product lookup', () => {
  it('finds a product by its NDC in any hyphenated form, by digits, or by name', async () => {
    office = openOffice({ withPatients: true });
    const find = async (query: string, therapy?: string) =>
      (await office.get('dispenses.findProducts', therapy ? { query, therapy } : { query })).map((h) => `${h.ndcDisplay} ${h.product.name}${h.onTherapy ? ' *' : ''}`);
    expect(await find('0409-7332-01')).toEqual(['00409-7332-01 Ceftriaxone 2 g vial']);
    expect(await find('00409-7332-01')).toEqual(['00409-7332-01 Ceftriaxone 2 g vial']);
    expect(await find('00409733201')).toEqual(['00409-7332-01 Ceftriaxone 2 g vial']);
    expect(await find('0409-7332')).toEqual(['00409-7332-01 Ceftriaxone 2 g vial']);
    expect(await find('63323-284-20')).toEqual(['63323-0284-20 Vancomycin 1 g vial']);
    expect(await find('vanco')).toEqual(['63323-0284-20 Vancomycin 1 g vial']);
    expect(await find('0338')).toEqual(['00338-1133-04 Clinimix E 2.75/5 1000 mL', '00338-0519-13 Intralipid 20% 250 mL']);
    expect(await find('', 'T1')).toEqual(['00409-7332-01 Ceftriaxone 2 g vial *']);
  });

  it('turns a typed NDC start into the 11-digit start', () => {
    expect(ndcDigitsPrefix('0409-7332')).toBe('004097332');
    expect(ndcDigitsPrefix('63323-284-2')).toBe('63323028420'.slice(0, 10));
    expect(ndcDigitsPrefix('0409-')).toBe('00409');
    expect(ndcDigitsPrefix('ceftriaxone')).toBeNull();
  });
});

describe('recording dispenses', () => {
  it('records a dispense with the NDC stored as 11 digits and the next free id', async () => {
    office = openOffice({ withPatients: true });
    const d = await office.get('dispenses.save', draft());
    expect(d).toEqual({ id: 'D4', therapy: 'T1', date: '2026-10-11', ndc: '00409733201', quantity: 10, daysSupply: 10, lot: 'CX3001', expiry: '2027-06-30' });
    const rows = await office.get('dispenses.list', { patient: 'P1001' });
    expect(rows.map((r) => [r.id, r.date, r.productName, r.ndcUnit, r.patientName])).toEqual([
      ['D4', '2026-10-11', 'Ceftriaxone 2 g vial', 'UN', 'Garza, Helen'],
      ['D3', '2026-10-01', 'IV pole', null, 'Garza, Helen'],
      ['D1', '2026-10-01', 'Ceftriaxone 2 g vial', 'UN', 'Garza, Helen'],
    ]);
  });

  it('names the NDC, quantity and days supply when they are wrong, and writes nothing', async () => {
    office = openOffice({ withPatients: true });
    const r = await office.call('dispenses.save', draft({ ndc: '0409733201', quantity: 0, daysSupply: 2.5, expiry: '2027-13-01' }));
    expect(!r.ok && r.error.fields).toEqual({
      ndc: '10 digits without hyphens is ambiguous',
      quantity: 'must be more than 0',
      daysSupply: 'must be a whole number',
      expiry: "'2027-13-01' is not a real date (YYYY-MM-DD)",
    });
    const unknown = await office.call('dispenses.save', draft({ ndc: '11111-2222-33', therapy: 'T99' }));
    expect(!unknown.ok && unknown.error.fields).toEqual({ therapy: "unknown therapy 'T99'", ndc: "unknown product NDC '11111222233'" });
    expect(office.count('dispenses')).toBe(3);
  });

  it('filters the log by product, by therapy and by dates', async () => {
    office = openOffice({ withPatients: true });
    await office.get('dispenses.save', draft());
    const ids = async (f: Parameters<Office['get']>[1]) => (await office.get('dispenses.list', f as never)).map((r) => r.id);
    expect(await ids({ product: 'ceftri' })).toEqual(['D4', 'D1']);
    expect(await ids({ product: '0409-7332-01' })).toEqual(['D4', 'D1']);
    expect(await ids({ therapy: 'T3' })).toEqual(['D2']);
    expect(await ids({ from: '2026-10-02', to: '2026-10-31' })).toEqual(['D4']);
  });
});
