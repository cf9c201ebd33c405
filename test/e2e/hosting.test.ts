// "Host this office" on the settings screen, in Chromium: an administrator starts serving the
// office, the screen shows the address and the fingerprint a workstation joins with, a
// workstation (a pinned client) signs in and shows up as connected, and after "Stop hosting" the
// workstation is refused. A biller is not offered the section.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { OfficeClient } from '../../electron/hosting/officeClient.ts';
import { connectPinned } from '../../electron/hosting/pinnedHttps.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp;
beforeAll(async () => {
  app = await startApp({ hosting: { addresses: ['192.168.1.20', '127.0.0.1'] } });
  await app.call('app.importFile', { fileName: 'x.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
  app.addUser({ username: 'bill', displayName: 'Bill Biller', role: 'biller', password: 'biller password 1' });
});
afterAll(async () => {
  await app?.close();
});

describe('Host this office', () => {
  it('starts from the settings screen, shows the address, the fingerprint and who is connected, and stops', async () => {
    const { page } = app;
    await page.goto(`${app.url}/#/settings`);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Host this office' }).click();
    await page.getByRole('heading', { name: 'Host this office' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Not hosting.' }).waitFor();
    expect(await page.getByLabel('Address').inputValue()).toBe('0.0.0.0');
    expect(await page.getByLabel('Port').inputValue()).toBe('5443');
    await app.shot('hosting-off');

    // a wrong port is named beside the form and nothing is served
    await page.getByLabel('Port').fill('99999');
    await page.getByRole('button', { name: 'Start hosting' }).click();
    await page.getByText('Port: must be 0–65535', { exact: true }).waitFor();
    expect(app.hosting!.status().serving).toBe(false);

    await page.getByLabel('Address').fill('127.0.0.1');
    await page.getByLabel('Port').fill('0');
    await page.getByRole('button', { name: 'Start hosting' }).click();
    const on = page.getByRole('status').filter({ hasText: 'Hosting — workstations join at' });
    await on.waitFor();
    const status = app.hosting!.status();
    expect(status.serving).toBe(true);
    expect(await on.locator('code').allInnerTexts()).toEqual([status.url, status.fingerprint]);
    expect(await page.getByLabel('Port').inputValue()).toBe(String(status.port));
    expect(await page.getByLabel('Host whenever Perdiem starts on this computer').isChecked()).toBe(true);

    // a workstation joins with what the screen shows and signs in; the list shows it when refreshed
    const workstation = new OfficeClient<number>(await connectPinned(status.url!, status.fingerprint!));
    expect((await workstation.call(1, 'auth.signIn', { username: 'bill', password: 'biller password 1' })).ok).toBe(true);
    await page.getByText('Nobody is signed in from another computer yet.').waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.getByRole('row').filter({ hasText: 'bill' });
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(['bill', 'biller', 'workstation or browser']);
    const shot = await app.shot('hosting-on');
    expect(shot).toMatch(/hosting-on\.png$/);

    await page.getByRole('button', { name: 'Stop hosting' }).click();
    await page.getByRole('status').filter({ hasText: 'The office is no longer served' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Not hosting.' }).waitFor();
    const refused = await workstation.call(1, 'patients.search', { query: 'P1001' });
    expect(!refused.ok && refused.error.code).toBe('unreachable');
    workstation.close();
  });

  it('is not offered to a biller', async () => {
    const { page } = app;
    await app.signIn('bill', 'biller password 1');
    await page.goto(`${app.url}/#/settings`);
    await page.reload();
    await page.getByText('bill · biller').waitFor();
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    await nav.getByRole('button', { name: 'Printer' }).waitFor();
    expect(await nav.getByRole('button', { name: 'Host this office' }).count()).toBe(0);
  });
});
