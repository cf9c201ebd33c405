// Two people at two workstations on one office server (perdiem serve, real HTTPS on 127.0.0.1;
// Chromium trusts the self-signed certificate by ignoreHTTPSErrors, as a browser would after the
// person compared the fingerprint — the desktop app pins it instead, electron/shell/certificatePin.ts).
// A nurse logs a visit; the biller's visit log shows it without a reload; both edit it and the
// second save is refused naming the nurse; the biller's workbench says its build is out of date
// when the nurse saves another, and the build includes her visits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureRenderer, findChromium, SHOTS_DIR } from './harness.ts';
import path from 'node:path';
import fs from 'node:fs';
import type { ServedOffice } from '../../electron/hosting/servedOffice.ts';
import { openRemoteCaller } from '../../electron/cli/remoteCaller.ts';
import { ADMIN, BILLER, NURSE, makeOfficeFile, remoteEnv, serve, type OfficeFile } from '../server/fixture.ts';

const rendererDir = path.resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');

let file: OfficeFile;
let served: ServedOffice;
let browser: Browser;

beforeAll(async () => {
  await ensureRenderer();
  file = makeOfficeFile();
  served = await serve(file, { rendererDir });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  file?.remove();
});

async function workstation(who: { username: string; password: string }, screen: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${served.server.url}/#/${screen}`);
  await page.getByRole('heading', { name: 'Sign in to Perdiem' }).waitFor();
  await page.getByLabel('User name').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
};

async function logVisit(page: Page, date: string, arrival: string, departure: string): Promise<void> {
  await page.getByLabel('Patient').fill('Garza');
  await page.getByRole('option', { name: /Garza, Helen/ }).click();
  await page.getByLabel('Therapy').selectOption('T1');
  await page.getByLabel('Visit date').fill(date);
  await page.getByLabel('Arrival').fill(arrival);
  await page.getByLabel('Departure', { exact: true }).fill(departure);
  await page.getByLabel(/The visit note is signed/).check();
  await page.getByRole('button', { name: 'Save signed visit' }).click();
}

describe('two workstations on one office server', () => {
  it('a nurse logs a visit, the biller sees it, a conflicting edit is refused, and the workbench builds it', async () => {
    const nurse = await workstation(NURSE, 'visits');
    const biller = await workstation(BILLER, 'visits');
    await biller.getByRole('heading', { name: 'Nurse visits', level: 1 }).waitFor();
    const billerRows = biller.locator('section.recent tbody tr');
    await billerRows.nth(2).waitFor();
    expect(await billerRows.count()).toBe(3);

    await logVisit(nurse, '2026-10-20', '0900', '1030');
    await nurse.getByText('Visit V4 saved and signed.').waitFor();
    // no reload on the biller's side: the change event brings it
    const v4 = biller.locator('section.recent tbody tr', { hasText: '10:30' });
    await v4.waitFor();
    expect(await billerRows.count()).toBe(4);
    expect(await v4.innerText()).toContain('Garza, Helen');
    await shot(biller, 'office-01-biller-sees-visit');

    // both open V4; the nurse saves first, the biller's save from the same version is refused
    await v4.getByRole('button', { name: 'Edit' }).click();
    await biller.getByRole('heading', { name: 'Edit visit V4' }).waitFor();
    await nurse.locator('section.recent tbody tr', { hasText: '10:30' }).getByRole('button', { name: 'Edit' }).click();
    await nurse.getByRole('heading', { name: 'Edit visit V4' }).waitFor();
    await nurse.getByLabel('Departure', { exact: true }).fill('1045');
    await nurse.getByRole('button', { name: 'Save signed visit' }).click();
    await nurse.getByText('Visit V4 saved and signed.').waitFor();
    await biller.getByLabel('Departure', { exact: true }).fill('1100');
    await biller.getByRole('button', { name: 'Save signed visit' }).click();
    const refusal = biller.getByRole('alert').filter({ hasText: 'Visit V4 was not saved' });
    await refusal.waitFor();
    const [message, ...what] = (await refusal.innerText()).split('\n').filter(Boolean);
    expect(message).toMatch(/^Visit V4 was not saved: nora changed it at 20\d\d-\d\d-\d\d \d\d:\d\d UTC, after you opened it\. Reload it to see their change, then make yours again\.$/);
    // and what she changed
    expect(what).toEqual(['departure: 10:30 → 10:45']);
    await shot(biller, 'office-02-conflict-refused');

    // the workbench: built, then told of the nurse's next visit, then built again
    await biller.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Billing/ }).click();
    await biller.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    await biller.getByRole('button', { name: 'Build claims' }).click();
    await biller.getByRole('region', { name: 'Summary' }).waitFor();
    await logVisit(nurse, '2026-10-22', '0900', '1000');
    await nurse.getByText('Visit V5 saved and signed.').waitFor();
    const stale = biller.getByTestId('stale-build');
    await stale.waitFor();
    expect(await stale.innerText()).toContain('nora saved visit V5 after this build: build again to include it.');
    await shot(biller, 'office-03-workbench-out-of-date');
    await stale.getByRole('button', { name: 'Build again' }).click();
    await stale.waitFor({ state: 'detached' });

    const admin = openRemoteCaller({ server: served.server.url, env: remoteEnv(served, { PERDIEM_USER: ADMIN.username, PERDIEM_PASSWORD: ADMIN.password }) });
    try {
      const listed = await admin.call('billing.listClaims', { from: '2026-10-01', to: '2026-10-31' });
      const lines = [];
      for (const c of listed.claims.filter((c) => c.patient === 'P1001')) lines.push(...(await admin.call('billing.getClaim', { id: c.id })).lines);
      const nursing = lines.filter((l) => l.code === '99601').map((l) => l.from);
      expect(nursing).toEqual(expect.arrayContaining(['2026-10-20', '2026-10-22']));
      const v = (await admin.call('visits.recent', { patient: 'P1001' })).find((r) => r.id === 'V4')!;
      expect([v.departure, v.version]).toEqual(['10:45', 2]);
    } finally {
      admin.close();
    }
  });

  it('says the server cannot be reached while it is down, and asks to sign in again once it is back', async () => {
    const page = await workstation(BILLER, 'visits');
    await page.getByRole('heading', { name: 'Nurse visits', level: 1 }).waitFor();
    // the change stream is open once the screen has loaded
    await page.locator('section.recent tbody tr').first().waitFor();
    await page.waitForTimeout(500);
    const port = served.server.port;
    await served.close();
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toBe('The office server cannot be reached. Retrying… This screen stays as it is meanwhile; if the server was restarted, you will be asked to sign in again.');
    await shot(page, 'office-04-unreachable');
    // the same office on the same port again: the sessions were the old process's, so the window signs in again
    served = await serve(file, { rendererDir, port });
    await page.getByRole('heading', { name: 'Sign in to Perdiem' }).waitFor({ timeout: 20_000 });
    expect(await banner.count()).toBe(0);
  });
});
