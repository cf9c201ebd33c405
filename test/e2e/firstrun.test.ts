import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('first run in the browser', () => {
  it('offers demo data to an empty office and opens the app frame once it is loaded', async () => {
    app = await startApp();
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to Perdiem' }).waitFor();
    await app.shot('firstrun-empty');
    await page.getByRole('button', { name: /Load demo data/ }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    // the harness signs in as an administrator: the office's screens, then the administration
    expect(nav.map((t) => t.split('\n')[0])).toEqual(['Patients', 'Nurse visits', 'Dispensing', 'Billing', 'Received files', 'Denials', 'Receivables', 'Settings', 'Users', 'API tokens', 'Audit trail', 'Backups']);
    const state = await app.call<{ counts: { patients: number }; empty: boolean }>('app.state');
    expect(state.empty).toBe(false);
    expect(state.counts.patients).toBeGreaterThan(100);
    await app.shot('firstrun-demo-loaded');
  });

  it('imports a file chosen in the browser, and lists every problem of a bad one', async () => {
    app = await startApp();
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Welcome to Perdiem' }).waitFor();
    await page.getByTestId('import-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ prescribers: [{ id: 'DR1', firstName: 'A', lastName: 'B', npi: '123' }] })),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain("prescribers[0].npi: '123' is not an NPI (10 digits)");
    await app.shot('firstrun-import-rejected');
    await page.getByTestId('import-input').setInputFiles(EXAMPLE_IMPORT);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const state = await app.call<{ counts: { patients: number } }>('app.state');
    expect(state.counts.patients).toBe(2);
  });

  it('moves between screens with Alt+number and puts focus on the heading', async () => {
    app = await startApp();
    await app.call('app.importFile', { fileName: 'x.json', text: readFileSync(EXAMPLE_IMPORT, 'utf8') });
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Settings');
    expect(new URL(page.url()).hash).toBe('#/settings');
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: /Billing/ }).getAttribute('aria-current')).toBe('page');
  });
});
