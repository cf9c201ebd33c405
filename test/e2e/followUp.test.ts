// Follow-up and line rejections in the browser (acks.md §2, R-AK-1): the example office's October
// 837P went out on Dec 1; by Dec 20 the allways claim has had no 999 (overdue after 2 days) and the
// bcbstx claim was rejected by the payer over two of its lines. Received files lists the overdue
// claim with its next step and the limits; Denials shows the rejected lines in words.
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
let ack277 = '';

beforeAll(async () => {
  app = await startApp({ now: '2026-12-20T09:00:00' });
  await app.call('app.importFile', { fileName: 'example.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
  await app.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  const sent = async (payer: string) => {
    const out = await app.call<ExportOutcome>('billing.export837', { payer, acceptWarnings: true });
    return Buffer.from(out.file!.base64, 'base64').toString('latin1');
  };
  const bcbs = respond(await sent('bcbstx'), {
    payerId: '84980', default: { kind: 'pay' },
    claims: { [BCBS]: { reject: { category: 'A7', status: '21', lines: { 2: { category: 'A7', status: '453', entity: '85' }, 5: { category: 'A6', status: '212' } } } } },
  });
  await sent('allways');
  // the files went out on Dec 1 (the app's clock is Dec 20): set the send date the export stored
  app.store.db.prepare(`UPDATE claims SET exported_at = '2026-12-01T09:00:00' WHERE exported_at IS NOT NULL`).run();
  ack277 = path.join(app.dir, 'bcbs-277ca.x12');
  fs.writeFileSync(ack277, bcbs.ack277!, 'latin1');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('follow-up and line rejections in the browser', () => {
  it('lists the claim whose 999 is overdue with its next step, and changes the limits', async () => {
    const { page } = app;
    await app.open('received', 'Received files');
    await page.getByTestId('receive-input').setInputFiles([ack277]);
    await page.getByText(`claim ${BCBS} is rejected`).waitFor();
    const waiting = page.getByRole('table', { name: 'Claims waiting for an answer' }).locator('tbody tr');
    await waiting.first().waitFor();
    expect(await waiting.count()).toBe(1);
    expect(await waiting.first().getAttribute('data-waiting')).toBe('999');
    expect(await waiting.first().locator('td').first().textContent()).toBe(ALLWAYS);
    await app.shot('followup-waiting');
    const limits = page.getByRole('form', { name: 'Follow-up limits' });
    await limits.getByLabel('999 within').fill('30');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await page.getByText('No answer is overdue.').waitFor();
  });

  it('shows the lines the 277CA rejected on the denial, in words', async () => {
    const { page } = app;
    await app.open('denials', 'Denials');
    await page.getByRole('button', { name: new RegExp(BCBS) }).click();
    const lines = page.getByRole('list', { name: 'Rejected lines' }).locator('li');
    await lines.first().waitFor();
    expect(await lines.allTextContents()).toEqual([
      'line 2 (J0696) rejected: A7 rejected for invalid information: status 453: billing provider',
      expect.stringMatching(/^line 5 \(.+\) rejected: A6 rejected for missing information: status 212$/),
    ]);
    await app.shot('followup-line-rejections');
  });

  it('shows the rejection on the rejected lines in the workbench claim view', async () => {
    const { page } = app;
    await app.open('billing', 'Billing');
    await page.getByLabel('From', { exact: true }).fill('2026-10-01');
    await page.getByLabel('To', { exact: true }).fill('2026-10-31');
    await page.getByRole('button', { name: 'Show built claims' }).click();
    await page.locator(`tr.claim[data-claim="${BCBS}"] button.link`).click();
    const panel = page.getByRole('complementary', { name: `Claim ${BCBS}` });
    await panel.waitFor();
    const rejections = panel.getByTestId('line-rejection');
    await rejections.first().waitFor();
    expect(await rejections.allTextContents()).toEqual([
      'line 2 (J0696) rejected: A7 rejected for invalid information: status 453: billing provider',
      expect.stringMatching(/^line 5 \(.+\) rejected: A6 /),
    ]);
    await rejections.first().scrollIntoViewIfNeeded();
    await app.shot('followup-claim-panel');
  });
});

