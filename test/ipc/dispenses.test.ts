import { afterEach, describe, expect, it } from 'vitest';
import type { DispenseDraft } from '../../electron/contract/dispenses.ts';
import { ndcDigitsPrefix } from '../../electron/app/handlers/dispenses.ts';
import { getDispense } from '../../db/repos/dispenses.ts';
import { findClaims, markExported } from '../../db/repos/claims.ts';
import { buildPeriod } from '../../electron/services/buildService.ts';
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
    expect(d).toEqual({ id: 'D4', therapy: 'T1', date: '2026-10-11', ndc: '00409733201', quantity: 10, daysSupply: 10, lot: 'CX3001', expiry: '2027-06-30', version: 1 });
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

/** builds the dates and marks every draft claim of them exported, as an 837 export would */
function billAndExport(o: Office, from: string, to: string): string[] {
  const ids = buildPeriod(o.ctx.db, { from, to }, { today: '2026-10-15' }).claims.map((c) => c.id);
  markExported(o.ctx.db, ids, 'B000001', '2026-10-15T09:00:00');
  return ids;
}

describe('editing a dispense', () => {
  it('changes quantity, days supply, lot, expiry, date and NDC of a dispense no sent claim billed, keeping its id', async () => {
    office = openOffice({ withPatients: true });
    // a draft claim is not sent: it is rebuilt from the new facts
    buildPeriod(office.ctx.db, { from: '2026-10-01', to: '2026-10-31' }, { today: '2026-10-15' });
    const d = await office.get('dispenses.update', { id: 'D1', therapy: 'T1', date: '2026-10-02', ndc: '00409-7332-01', quantity: 12, daysSupply: 9, lot: ' CX9 ', expiry: '2027-01-31' });
    expect(d).toEqual({ id: 'D1', therapy: 'T1', date: '2026-10-02', ndc: '00409733201', quantity: 12, daysSupply: 9, lot: 'CX9', expiry: '2027-01-31', version: 2 });
    expect({ ...getDispense(office.ctx.db, 'D1'), version: 2 }).toEqual(d);
    expect(office.count('dispenses')).toBe(3);
    const detail = await office.get('dispenses.get', { id: 'D1' });
    expect([detail.row.patientName, detail.product?.name, detail.coversFrom, detail.coversTo, detail.billed]).toEqual(['Garza, Helen', 'Ceftriaxone 2 g vial', '2026-10-02', '2026-10-10', []]);
  });

  it('names each wrong field and an unknown dispense, and writes nothing', async () => {
    office = openOffice({ withPatients: true });
    const bad = await office.call('dispenses.update', { ...draft({ quantity: -1 }), id: 'D1' });
    expect(!bad.ok && bad.error.fields).toEqual({ quantity: 'must be more than 0' });
    const unknown = await office.call('dispenses.update', { ...draft(), id: 'D99' });
    expect(!unknown.ok && unknown.error.message).toBe("There is no dispense 'D99'");
    expect(getDispense(office.ctx.db, 'D1')).toMatchObject({ quantity: 10, lot: 'CX2291' });
  });

  it('is refused while an exported claim bills the dates it covers, naming the claim and pointing to a replacement; lot and expiry still change', async () => {
    office = openOffice({ withPatients: true });
    const [claim] = billAndExport(office, '2026-10-01', '2026-10-05').filter((id) => findClaims(office.ctx.db, { patient: 'P1001' }).some((c) => c.id === id));
    const before = getDispense(office.ctx.db, 'D1')!;
    const edit = { id: 'D1', therapy: 'T1', date: before.date, ndc: before.ndc, quantity: before.quantity, daysSupply: before.daysSupply, lot: before.lot, expiry: before.expiry };

    const r = await office.call('dispenses.update', { ...edit, quantity: 8 });
    expect(!r.ok && r.error.message).toBe(
      `Dispense D1 was not changed: it covers 2026-10-01 to 2026-10-10, and claim ${claim} (exported, 2026-10-01 to 2026-10-04) already billed therapy T1 on those dates. ` +
        `An exported claim's facts must not change silently (R-CL-8). To correct what was billed, record the correct dispense as a new one and create a replacement claim for ${claim} in Billing ` +
        `(or void ${claim} first, then edit this dispense). Lot and expiry can still be corrected here.`,
    );
    // the same through save with the id: no way around the check
    const viaSave = await office.call('dispenses.save', { ...edit, ndc: '63323-284-20' });
    expect(!viaSave.ok && viaSave.error.message).toMatch(/^Dispense D1 was not changed/);
    expect(getDispense(office.ctx.db, 'D1')).toEqual(before);

    const detail = await office.get('dispenses.get', { id: 'D1' });
    expect(detail.billed).toEqual([{ claim, status: 'exported', first: '2026-10-01', last: '2026-10-04' }]);
    expect(await office.get('dispenses.update', { ...edit, lot: 'CX2291-B', expiry: '2027-03-31' })).toMatchObject({ quantity: 10, lot: 'CX2291-B', expiry: '2027-03-31' });
  });

  it('is refused when a new date or days supply would reach dates an exported claim billed', async () => {
    office = openOffice({ withPatients: true });
    billAndExport(office, '2026-10-01', '2026-10-05');
    const d4 = await office.get('dispenses.save', draft({ date: '2026-10-08', quantity: 3, daysSupply: 3 }));
    // 10/08–10/10 is not billed on a sent claim yet: free to change
    expect(await office.get('dispenses.update', { ...draft({ date: '2026-10-08', quantity: 4, daysSupply: 3 }), id: d4.id })).toMatchObject({ quantity: 4 });
    const moved = await office.call('dispenses.update', { ...draft({ date: '2026-10-04', quantity: 4, daysSupply: 3 }), id: d4.id });
    expect(!moved.ok && moved.error.message).toMatch(/^Dispense D4 was not changed: it covers 2026-10-08 to 2026-10-10, and claim \S+ \(exported, 2026-10-04\) already billed therapy T1/);
    expect(getDispense(office.ctx.db, d4.id)).toMatchObject({ date: '2026-10-08', quantity: 4 });
  });
});
