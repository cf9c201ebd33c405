import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
  await app.call('app.importFile', { fileName: 'x.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
});
afterAll(async () => {
  await app?.close();
});

describe('settings in the browser', () => {
  it('names the organization field that is wrong and saves once it is right', async () => {
    const { page } = app;
    await page.goto(`${app.url}/#/settings`);
    const form = page.getByRole('form', { name: 'organization' });
    await form.waitFor();
    const npi = form.getByLabel('Billing NPI');
    const good = await npi.inputValue();
    await npi.fill('1234567890');
    await form.getByRole('button', { name: 'Save' }).click();
    const error = form.getByRole('alert').filter({ hasText: 'NPI check digit' });
    await error.waitFor();
    expect(await npi.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').filter({ hasText: 'The organization was not saved' }).count()).toBe(1);
    await app.shot('settings-organization-error');
    await npi.fill(good);
    await form.getByLabel('Name', { exact: true }).fill('Lone Star Infusion');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Organization saved.' }).waitFor();
    expect((await app.call<{ organization: string }>('app.state')).organization).toBe('Lone Star Infusion');
  });

  it("edits a payer's rules and fee schedule", async () => {
    const { page } = app;
    await page.goto(`${app.url}/#/settings`);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Payers' }).click();
    const payers = await app.call<Array<{ id: string; name: string }>>('settings.listPayers');
    await page.getByRole('button', { name: new RegExp(payers[0]!.name) }).click();
    const form = page.getByRole('form', { name: 'payers' });
    await form.getByLabel('Line span').selectOption('week');
    await form.getByRole('button', { name: 'Add a fee' }).click();
    const codes = form.getByRole('table', { name: 'Fee schedule' }).locator('tbody tr');
    const last = codes.last();
    await last.locator('input').first().fill('A4221');
    await last.locator('input').nth(1).fill('101.25');
    await app.shot('settings-payer');
    await form.getByRole('button', { name: 'Save' }).click();
    // a code priced twice is named beside both rows
    await page.getByRole('status').filter({ hasText: `Payer ${payers[0]!.name} saved.` }).waitFor();
    await form.getByRole('button', { name: 'Add a fee' }).click();
    await codes.last().locator('input').first().fill('A4221');
    await codes.last().locator('input').nth(1).fill('5');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.getByRole('alert').filter({ hasText: 'A4221 is priced twice' }).count()).toBe(2);
    await codes.last().getByRole('button', { name: /Remove/ }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: `Payer ${payers[0]!.name} saved.` }).waitFor();
    const saved = (await app.call<Array<{ id: string; settings: { lineSpan: string }; fees: Record<string, number> }>>('settings.listPayers')).find(
      (p) => p.id === payers[0]!.id,
    )!;
    expect(saved.settings.lineSpan).toBe('week');
    expect(saved.fees.A4221).toBe(101_250_000);
  });

  it('keeps the printer offset and prints a test page', async () => {
    const { page } = app;
    await page.goto(`${app.url}/#/settings`);
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Printer' }).click();
    await page.getByLabel('Right (x, points)').fill('3');
    await page.getByLabel('Up (y, points)').fill('-1.5');
    await page.getByRole('button', { name: 'Save offset' }).click();
    await page.getByRole('status').filter({ hasText: 'Printer offset saved.' }).waitFor();
    expect((await app.call<{ printerOffset: { x: number; y: number } }>('settings.get')).printerOffset).toEqual({ x: 3, y: -1.5 });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Print a test page' }).click()]);
    const file = path.join(app.dir, 'test-page.pdf');
    await dl.saveAs(file);
    const doc = await PDFDocument.load(fs.readFileSync(file));
    expect(doc.getPageCount()).toBe(1);
    await app.shot('settings-printer');
  });
});
