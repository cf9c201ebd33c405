import { describe, expect, it } from 'vitest';
import { priceRows, priceTableOf, SettingsState } from './settings.svelte.ts';
import type { Editing } from './settingsDrafts.ts';
import { eachTestExampleOffice } from '../../../test/support/rendererOffice.ts';

const office = eachTestExampleOffice();

describe('price rows', () => {
  it('turn micro-dollars into dollars and back into the import format', () => {
    expect(priceRows({ S9500: 125_500_000 })).toEqual([{ code: 'S9500', dollars: 125.5 }]);
    expect(priceTableOf([{ code: 's9500', dollars: 1.25 }, { code: '', dollars: null }])).toEqual({ table: { S9500: 1.25 }, errors: {} });
  });

  it('name a code priced twice and a price left blank', () => {
    expect(priceTableOf([{ code: 'S9500', dollars: 1 }, { code: 'S9500', dollars: 2 }, { code: 'A4221', dollars: null }]).errors).toEqual({
      S9500: 'S9500 is priced twice',
      A4221: 'enter a price in dollars',
    });
  });
});

type On<S extends Editing['section']> = Extract<Editing, { section: S }>;

function isOn<S extends Editing['section']>(e: Editing | null, section: S): e is On<S> {
  return e?.section === section;
}

/** the draft on the form, which must be of `section` */
function draftOn<S extends Editing['section']>(s: SettingsState, section: S): On<S>['draft'] {
  const e = s.editing;
  if (!isOn(e, section)) throw new Error(`the form holds ${e?.section ?? 'nothing'}, not ${section}`);
  return e.draft;
}

describe('the settings state', () => {
  it('shows the server’s message beside the organization field and keeps the record on a fix', async () => {
    const s = new SettingsState(office.api);
    await s.load();
    expect(s.section).toBe('organization');
    const org = draftOn(s, 'organization');
    const npi = org.npi;
    org.npi = '12';
    expect(await s.save()).toBe(false);
    expect(s.errors).toEqual({ npi: "'12' is not an NPI (10 digits)" });
    Object.assign(draftOn(s, 'organization'), { npi, phone: '   ' });
    expect(await s.save()).toBe(true);
    expect(s.message).toBe('Organization saved.');
    expect(s.office?.organization?.phone).toBeNull();
  });

  it('adds a nurse and lists it', async () => {
    const s = new SettingsState(office.api);
    await s.load();
    s.open('nurses');
    s.edit(null);
    Object.assign(draftOn(s, 'nurses'), { id: 'N9', firstName: 'Ana', lastName: 'Ruiz', credential: 'RN', npi: '' });
    expect(await s.save()).toBe(true);
    expect(s.nurses.map((n) => n.id)).toContain('N9');
    expect(s.existing).toBe(true);
  });

  it("saves a payer's rules with its fee rows, and keeps it on the form", async () => {
    const s = new SettingsState(office.api);
    await s.load();
    s.open('payers');
    const payer = s.payers[0]!;
    s.edit({ section: 'payers', record: payer });
    expect(s.editingKey).toBe(payer.id);
    draftOn(s, 'payers').settings!.lineSpan = 'week';
    s.feeRows = [...s.feeRows, { code: 'a4221', dollars: 101.25 }];
    expect(await s.save()).toBe(true);
    expect(s.message).toBe(`Payer ${payer.name} saved.`);
    const saved = s.payers.find((p) => p.id === payer.id)!;
    expect(saved.settings.lineSpan).toBe('week');
    expect(saved.fees.A4221).toBe(101_250_000);
    expect(s.feeRows).toContainEqual({ code: 'A4221', dollars: 101.25 });
  });

  it("saves a payer's prior authorization list, code dates and paper KP/KQ, and shows the server's message for a bad entry", async () => {
    const s = new SettingsState(office.api);
    await s.load();
    s.open('payers');
    const payer = s.payers[0]!;
    s.edit({ section: 'payers', record: payer });
    const settings = draftOn(s, 'payers').settings!;
    settings.priorAuthRequiredFor = ['G0088-G0090', 'g0089'];
    settings.compoundKpKq = 'paper';
    s.codeDateRows = [{ code: 's9563', from: '2023-04-01', to: '' }];
    expect(await s.save()).toBe(false);
    expect(s.errors).toEqual({ 'settings.priorAuthRequiredFor': "'g0089' (entry 2) is not a code, a range CODE-CODE or a therapy category" });
    draftOn(s, 'payers').settings!.priorAuthRequiredFor = ['G0088-G0090', 'tpn'];
    s.codeDateRows = [...s.codeDateRows, { code: 'Q9', from: '', to: '2024-01-01' }];
    expect(await s.save()).toBe(false);
    expect(s.errors).toEqual({ 'settings.codeDates.Q9': "'Q9' is not a code or a range CODE-CODE" });
    // R-CL-13: a range that ends before it starts is refused at its `to`, naming the code and both dates
    s.codeDateRows = [{ code: 'S9563', from: '2024-05-01', to: '2024-04-30' }];
    expect(await s.save()).toBe(false);
    expect(s.errors).toEqual({ 'settings.codeDates.S9563.to': 'ends 2024-04-30, before it starts 2024-05-01' });
    s.codeDateRows = [{ code: 'S9563', from: '2023-04-01', to: '' }];
    expect(await s.save()).toBe(true);
    const saved = s.payers.find((p) => p.id === payer.id)!;
    expect([saved.settings.priorAuthRequiredFor, saved.settings.codeDates, saved.settings.compoundKpKq]).toEqual([
      ['G0088-G0090', 'tpn'],
      { S9563: { from: '2023-04-01' } },
      'paper',
    ]);
    expect(s.codeDateRows).toEqual([{ code: 'S9563', from: '2023-04-01', to: '' }]);
  });

  it('replaces the charge master with the rows on screen', async () => {
    const s = new SettingsState(office.api);
    await s.load();
    s.open('chargeMaster');
    s.chargeRows = [{ code: 'S9500', dollars: 100 }];
    expect(await s.saveChargeMaster()).toBe(true);
    expect(s.office?.chargeMaster).toEqual({ S9500: 100_000_000 });
  });

  it("adds a supply with only its NDC, name and code, and names a drug's missing unit fields", async () => {
    const s = new SettingsState(office.api);
    await s.load();
    s.open('products');
    s.edit(null);
    Object.assign(draftOn(s, 'products'), { ndc: '12345-0002-01', name: 'Pump tubing', kind: 'supply', hcpcs: 'A4221' });
    expect(await s.save()).toBe(true);
    expect(s.products.find((p) => p.ndc === '12345000201')?.kind).toBe('supply');
    s.edit(null);
    Object.assign(draftOn(s, 'products'), { ndc: '12345-0003-01', name: 'Some drug', kind: 'drug', hcpcs: 'J0690' });
    expect(await s.save()).toBe(false);
    expect(Object.keys(s.errors ?? {}).length).toBeGreaterThan(0);
  });
});
