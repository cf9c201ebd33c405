// The §12.2 settings that are not plain fields: R-CL-5's prior authorization list, R-CL-13's code
// dates and R-DR-8's three-way KP/KQ, edited on the settings screen of a payer added from the
// BCBS VT profile, saved, read back after a reload, each bad entry named by the server.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payer } from '../../electron/domain/types.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
  await app.call('app.importFile', { fileName: 'x.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
  await app.call('settings.savePayer', { id: 'VT', name: 'BCBS Vermont', profile: 'bcbs-vt' });
});
afterAll(async () => {
  await app?.close();
});

async function openVermont() {
  const { page } = app;
  await page.goto(`${app.url}/#/settings`);
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Payers' }).click();
  await page.getByRole('button', { name: /BCBS Vermont/ }).click();
  const form = page.getByRole('form', { name: 'payers' });
  await form.getByLabel('Prior authorization needed for').waitFor();
  return form;
}

const saved = async () => (await app.call<Payer[]>('settings.listPayers')).find((p) => p.id === 'VT')!;

describe('a payer’s prior authorization, code dates and KP/KQ on the settings screen', () => {
  it('edits each, names a bad entry, saves, and shows the values after a reload', async () => {
    const { page } = app;
    let form = await openVermont();
    const save = () => form.getByRole('button', { name: 'Save', exact: true }).click();

    // the profile's list, shown as typed text; the profile table says it is the profile's
    expect(await form.getByLabel('Prior authorization needed for').inputValue()).toBe('list');
    const list = form.getByLabel('Codes, ranges and categories needing prior authorization');
    expect(await list.inputValue()).toMatch(/^G0088-G0090, B4164, /);
    const authRow = form.getByRole('row').filter({ has: page.getByRole('cell', { name: 'priorAuthRequiredFor', exact: true }) });
    expect(await authRow.getByRole('cell').nth(2).textContent()).toBe('same');

    // a bad entry: the server's message under the field, naming the entry
    await list.fill('G0088-G0090, g0089');
    await save();
    await form.getByRole('alert').filter({ hasText: "'g0089' (entry 2) is not a code, a range CODE-CODE or a therapy category" }).waitFor();
    expect(await list.getAttribute('aria-invalid')).toBe('true');
    await list.fill('G0088-G0090, tpn');

    // a bad code date: named beside its row
    await form.getByRole('button', { name: 'Add code dates' }).click();
    const dates = form.getByRole('table', { name: 'Code dates' }).locator('tbody tr');
    expect(await dates.count()).toBe(3);
    await dates.last().getByLabel('Code or range 3').fill('Q9');
    await dates.last().getByLabel('To date of Q9').fill('2024-01-01');
    await form.getByLabel('KP/KQ on compounds').selectOption({ label: 'on paper only (CMS-1500)' });
    await save();
    await form.getByRole('alert').filter({ hasText: "Code dates Q9: 'Q9' is not a code or a range CODE-CODE" }).waitFor();
    expect((await saved()).settings.compoundKpKq).toBe(false); // all or nothing: nothing saved yet
    await form.getByLabel('Prior authorization needed for').scrollIntoViewIfNeeded();
    await app.shot('settings-payer-profile-editors-error');
    await form.getByLabel('Code or range 3').fill('S9500');
    await save();
    await page.getByRole('status').filter({ hasText: 'Payer BCBS Vermont saved.' }).waitFor();

    const s = (await saved()).settings;
    expect(s.priorAuthRequiredFor).toEqual(['G0088-G0090', 'tpn']);
    expect(s.codeDates).toEqual({ S9563: { from: '2023-04-01' }, 'G0088-G0090': { from: '2021-01-01' }, S9500: { to: '2024-01-01' } });
    expect(s.compoundKpKq).toBe('paper');

    // after a reload the screen shows what was saved, and which values now differ from the profile
    await page.reload();
    form = await openVermont();
    expect(await form.getByLabel('Codes, ranges and categories needing prior authorization').inputValue()).toBe('G0088-G0090, tpn');
    expect(await form.getByLabel('To date of S9500').inputValue()).toBe('2024-01-01');
    expect(await form.getByLabel('From date of S9563').inputValue()).toBe('2023-04-01');
    expect(await form.getByLabel('KP/KQ on compounds').inputValue()).toBe('paper');
    const row = (key: string) => form.getByRole('row').filter({ has: page.getByRole('cell', { name: key, exact: true }) });
    expect(await row('priorAuthRequiredFor').getByRole('cell').nth(2).textContent()).toBe('G0088-G0090 tpn');
    expect(await row('priorAuthRequiredFor').getByRole('cell').nth(3).textContent()).toContain('Codes G0088, G0089, G0090 new codes effective 01/01/2021 require prior approval.');
    expect(await row('codeDates').getByRole('cell').nth(2).textContent()).toBe('S9563 from 2023-04-01; G0088-G0090 from 2021-01-01; S9500 to 2024-01-01');
    expect(await row('compoundKpKq').getByRole('cell').nth(2).textContent()).toBe('paper');
    await form.getByRole('table', { name: 'Code dates' }).scrollIntoViewIfNeeded();
    await app.shot('settings-payer-profile-editors');

    // back to every line and no KP/KQ: the three-way control and the mode select both save
    await form.getByLabel('Prior authorization needed for').selectOption('all');
    await form.getByLabel('KP/KQ on compounds').selectOption({ label: 'no' });
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Payer BCBS Vermont saved.' }).waitFor();
    expect([(await saved()).settings.priorAuthRequiredFor, (await saved()).settings.compoundKpKq]).toEqual(['all', false]);
  });

  it('a new payer started from a profile shows that profile’s list, code dates and KP/KQ, and keeps them when saved', async () => {
    const { page } = app;
    await page.goto(`${app.url}/#/settings`);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Payers' }).click();
    await page.getByRole('button', { name: 'Add a payer' }).click();
    const form = page.getByRole('form', { name: 'payers' });
    await form.getByLabel('Start from').selectOption({ label: 'BCBS Vermont 8.03.VT201' });
    const dates = form.getByRole('table', { name: 'Code dates' }).locator('tbody tr');
    expect(await dates.count()).toBe(2);
    expect(await form.getByLabel('From date of S9563').inputValue()).toBe('2023-04-01');
    // another profile replaces them all: AllWays has no code dates, every line needs an authorization, KP/KQ on paper
    await form.getByLabel('Start from').selectOption({ label: 'AllWays Health Partners home infusion' });
    await form.getByText('No code dates.').waitFor();
    expect(await form.getByLabel('Prior authorization needed for').inputValue()).toBe('all');
    expect(await form.getByLabel('KP/KQ on compounds').inputValue()).toBe('paper');
    await form.getByLabel('Id', { exact: true }).fill('AW2');
    await form.getByLabel('Name', { exact: true }).fill('AllWays (second plan)');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Payer AllWays (second plan) saved.' }).waitFor();
    const p = (await app.call<Payer[]>('settings.listPayers')).find((x) => x.id === 'AW2')!;
    expect([p.profile, p.settings.priorAuthRequiredFor, p.settings.codeDates, p.settings.compoundKpKq]).toEqual(['allways', 'all', {}, 'paper']);
    await form.getByText('Every value is the profile’s.').waitFor();
  });
});
