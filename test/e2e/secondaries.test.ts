// Secondary claims in the browser (issue 13): after BCBS TX's 835 posts, the workbench shows the
// drafted secondary beside its primary (a badge each way, the payer order in the claim panel),
// the denial queue's "Send to next payer" drafts it again, and Receivables prints the month's
// patient statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { ExportOutcome } from '../../electron/contract/billing.ts';
import { cobImport, P1002_PLAN, PRIMARY, PRIMARY_PLAN, SECONDARY } from '../support/cobOffice.ts';
import { upload } from '../support/remitOffice.ts';
import { respond, type PayerPlan } from '../support/testPayer.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp;

async function answer(payer: string, plan: PayerPlan): Promise<void> {
  const out = await app.call<ExportOutcome>('billing.export837', { payer, acceptWarnings: true });
  const r = respond(Buffer.from(out.file!.base64, 'base64').toString('latin1'), plan);
  await app.call('remit.receive', upload(`${payer}-277.x12`, r.ack277!));
  await app.call('remit.receive', upload(`${payer}-835.x12`, r.remits[0]!));
}

beforeAll(async () => {
  app = await startApp({ now: '2026-11-26T09:00:00' });
  await app.call('app.importFile', { fileName: 'cob.json', text: cobImport() });
  await app.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  await answer('allways', P1002_PLAN);
  await answer('bcbstx', PRIMARY_PLAN);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('secondary claims in the browser', () => {
  it('the workbench shows the secondary beside its primary, each way', async () => {
    const { page } = app;
    await app.open('billing?from=2026-10-01&to=2026-10-31', 'Billing');
    const secondaryRow = page.locator(`tr.claim[data-claim="${SECONDARY}"]`);
    await secondaryRow.waitFor();
    expect(await secondaryRow.getByTestId('cob-primary').innerText()).toBe(`secondary of ${PRIMARY}`);
    const primaryRow = page.locator(`tr.claim[data-claim="${PRIMARY}"]`);
    expect(await primaryRow.getByTestId('cob-follower').innerText()).toBe(`next payer: ${SECONDARY}`);
    // from the secondary's badge to the primary: its panel lists the payer order and what posting did
    await secondaryRow.getByTestId('cob-primary').click();
    const panel = page.getByRole('complementary', { name: `Claim ${PRIMARY}` });
    const order = panel.getByRole('region', { name: 'Payer order' });
    await order.waitFor();
    expect(await order.locator('ol li').allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`^This claim ${PRIMARY}\\s+priority 1 · Blue Cross and Blue Shield of Texas · paid$`)),
      expect.stringMatching(new RegExp(`^Claim ${SECONDARY}\\s+priority 2 · AllWays Health Partners · draft$`)),
    ]);
    expect(await order.locator('.followups li').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^DRAFTED\\s+secondary claim ${SECONDARY} drafted to AllWays Health Partners \\(priority 2\\)`))]);
    await app.shot('cob-workbench-primary');
    // and back: the secondary's panel names the primary and carries its adjudication
    await order.getByRole('button', { name: `Claim ${SECONDARY}` }).click();
    const second = page.getByRole('complementary', { name: `Claim ${SECONDARY}` }).getByRole('region', { name: 'Payer order' });
    await second.waitFor();
    expect(await second.locator('ol li').first().innerText()).toMatch(new RegExp(`^Claim ${PRIMARY}\\s+priority 1 · Blue Cross and Blue Shield of Texas · paid$`));
    expect(await second.locator('.prior li').allInnerTexts()).toEqual([expect.stringMatching(/^bcbstx paid \$1,498\.50 on 2026-11-10 \(claim number \S+\); patient responsibility left \$58\.00$/)]);
    await app.shot('cob-workbench-secondary');
  });

  it('prints the secondary on paper with its primary\'s remittance page, or without it when the box is cleared', async () => {
    const { page } = app;
    await app.open('billing?from=2026-10-01&to=2026-10-31', 'Billing');
    await page.locator('#bill-payer').selectOption('allways');
    await page.getByRole('button', { name: 'Show built claims' }).click();
    await page.getByRole('checkbox', { name: '837P for the clearinghouse' }).uncheck();
    await page.getByRole('checkbox', { name: 'CMS-1500 PDF' }).check();
    const pages = page.getByRole('checkbox', { name: "Earlier payers' remittance pages after each secondary claim" });
    expect(await pages.isChecked()).toBe(true);
    await app.shot('cob-export-remittance-pages');
    const count = async () => (await PDFDocument.load((await app.download(() => page.getByRole('button', { name: 'Preview', exact: true }).click())).bytes)).getPageCount();
    // the secondary's five form pages and its primary's remittance page; without the box, the five alone
    expect(await count()).toBe(6);
    await pages.uncheck();
    expect(await count()).toBe(5);
  });

  it('the denial queue sends a denied line on to the next payer', async () => {
    const { page } = app;
    await app.open('denials', 'Denials');
    const group = page.locator('article[data-reason="CO-96"]');
    await group.waitFor();
    await group.getByRole('button', { name: new RegExp(PRIMARY) }).click();
    await page.getByRole('button', { name: 'Send to next payer' }).click();
    await page.getByText(`Secondary claim ${SECONDARY} drafted to AllWays Health Partners (priority 2): a draft in Billing, ready to export.`).waitFor();
    await app.shot('cob-denials-next-payer');
  });

  it('Receivables prints the month’s patient statements', async () => {
    const { page } = app;
    await app.open('ar', 'Accounts receivable');
    const panel = page.getByRole('region', { name: 'Patient statements' });
    await panel.waitFor();
    expect(await panel.getByLabel('Services in').inputValue()).toBe('2026-10');
    const [dl] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Print all statements' }).click()]);
    expect(dl.suggestedFilename()).toBe('statements-2026-10.pdf');
    await panel.getByText('1 statement for 2026-10 ($20.00 owed): saved as statements-2026-10.pdf.').waitFor();
    expect(await panel.locator('.printed li').allInnerTexts()).toEqual([expect.stringMatching(/P1002 owes \$20\.00$/)]);
    await app.shot('cob-statements');
  });
});
