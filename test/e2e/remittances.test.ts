// After the export, in the browser: the test payer answers the example office's October 837P
// files; the biller receives them on Received files, sees claims paid and denied, works a denial
// (write off) and reads the aging chart with its numbers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOutcome } from '../../electron/contract/billing.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { respond } from '../support/testPayer.ts';
import { startApp, type E2eApp } from './harness.ts';

const BCBS = 'PDMG2TY2V6MDT1';
const ALLWAYS = 'PDT8SEDGXZGVKZ';
let app: E2eApp;
const files: string[] = [];

beforeAll(async () => {
  app = await startApp({ now: '2026-12-20T09:00:00' });
  await app.call('app.importFile', { fileName: 'example.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
  await app.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  const sent = async (payer: string) => {
    const out = await app.call<ExportOutcome>('billing.export837', { payer, acceptWarnings: true });
    return Buffer.from(out.file!.base64, 'base64').toString('latin1');
  };
  // bcbstx pays the first 14 lines (the rest comes later) and denies line 2; allways denies it all
  const bcbs = respond(await sent('bcbstx'), { payerId: '84980', default: { kind: 'pay' }, claims: { [BCBS]: { splitAfterLine: 14, lines: { 2: { kind: 'deny', group: 'CO', reason: '16', remarks: ['M119'] } } } } });
  const allways = respond(await sent('allways'), { payerId: '04293', control: 20, default: { kind: 'deny', group: 'CO', reason: '197', remarks: ['N54'] } });
  const write = (name: string, text: string) => {
    const f = path.join(app.dir, name);
    fs.writeFileSync(f, text, 'latin1');
    files.push(f);
  };
  write('bcbs-277ca.x12', bcbs.ack277!);
  write('bcbs-835.x12', bcbs.remits[0]!);
  write('allways-277ca.x12', allways.ack277!);
  write('allways-835.x12', allways.remits[0]!);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('remittances in the browser', () => {
  it('receives the files and shows claims paid and denied', async () => {
    const { page } = app;
    await app.open('received', 'Received files');
    await page.getByTestId('receive-input').setInputFiles(files);
    await page.getByText(`claim ${ALLWAYS} is denied`).waitFor();
    await page.getByText(`claim ${BCBS} is paid`).waitFor();
    const rows = page.getByRole('table', { name: 'Received files' }).locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await page.getByRole('table', { name: 'Received files' }).locator('tbody tr[data-status="applied"]').count()).toBe(4);
    await app.shot('remit-received');
  });

  it('works a denial: the queue by reason with the next step, then a write-off', async () => {
    const { page } = app;
    await app.open('denials', 'Denials');
    const group = page.locator('article[data-reason="CO-197"]');
    await group.waitFor();
    expect(await group.innerText()).toMatch(/Next step:/);
    await expect.poll(() => page.locator('article[data-reason="CO-16"]').count()).toBe(1);
    await group.getByRole('button', { name: new RegExp(ALLWAYS) }).click();
    await page.getByLabel('Assigned to').fill('bea');
    await page.getByLabel('Notes').fill('No authorization on file for October');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Saved the work on claim ${ALLWAYS}.`).waitFor();
    await app.shot('remit-denials');
    await page.getByLabel('Write-off reason').fill('authorization cannot be obtained after the fact');
    await page.getByRole('button', { name: 'Write off' }).click();
    await page.getByText(`Wrote off claim ${ALLWAYS}: $7,020.00.`).waitFor();
    await expect.poll(() => page.locator('article[data-reason="CO-197"]').count()).toBe(0);
    await app.shot('remit-denials-written-off');
  });

  it('reads the aging chart and the numbers under it', async () => {
    const { page } = app;
    await app.open('ar', 'Accounts receivable');
    await page.getByTestId('chart-aging').waitFor();
    expect(await page.getByTestId('ar-total').innerText()).toBe('$610.00');
    const aging = page.getByRole('figure', { name: 'Aging by payer' });
    await aging.getByText('Numbers').click();
    const table = page.getByRole('table', { name: 'Aging by payer: numbers' });
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/Blue Cross and Blue Shield of Texas\s+\$610\.00\s+\$0\.00\s+\$0\.00\s+\$0\.00\s+\$0\.00/i);
    await app.shot('remit-ar');
  });
});
