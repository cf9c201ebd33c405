import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { read837 } from '../../electron/export/x12/read837.ts';
import { LAYOUT } from '../../electron/export/cms1500/index.ts';
import type { BuildOutcome, ClaimDetail, ClaimRow } from '../../electron/contract/billing.ts';
import { plural } from '../../renderer/lib/format.ts';
import { markText } from '../cms1500/mark.ts';
import { boxes, readGlyphs, stray } from '../cms1500/readback.ts';
import { startApp, type E2eApp } from './harness.ts';

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

let app: E2eApp;
beforeAll(async () => {
  app = await startApp({ now: '2026-11-05T09:00:00' });
  await app.call('app.loadDemo');
});
afterAll(async () => {
  await app?.close();
});

/** waits for the build's result message */
async function built(page: E2eApp['page']): Promise<string> {
  const notice = page.getByRole('status').filter({ hasText: /Built \d+ claims?:/ });
  await notice.waitFor({ timeout: 60_000 });
  return notice.innerText();
}

/**
 * a claim whose only errors are one therapy's missing prior authorization (R-CL-5, one per code
 * billed since billing-rules §12.3): adding the authorization clears them
 */
function onlyMissingAuth(claims: ClaimRow[]): { claim: ClaimRow; therapy: string } {
  const claimsOf = (therapy: string) => claims.filter((c) => c.findings.some((f) => f.therapy === therapy && f.severity === 'error'));
  for (const c of claims) {
    const errors = c.findings.filter((f) => f.severity === 'error');
    const therapy = errors[0]?.therapy;
    if (errors.length > 0 && errors.every((e) => e.rule === 'R-CL-5' && e.therapy === therapy) && therapy && claimsOf(therapy).length === 1) return { claim: c, therapy };
  }
  throw new Error('the demo office has no claim blocked only by a missing prior authorization');
}

describe('billing October 2026 in the browser', () => {
  let target: { claim: ClaimRow; therapy: string };

  it('builds the period and shows each claim with its findings inline', async () => {
    const { page } = app;
    await app.open('billing', 'Billing');
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(OCTOBER.from);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(OCTOBER.to);
    await app.shot('billing-empty');
    await page.getByRole('button', { name: 'Build claims' }).click();
    await built(page);

    const listed = await app.call<BuildOutcome>('billing.listClaims', OCTOBER);
    expect(listed.claims.length).toBeGreaterThan(50);
    const rows = page.locator('table[aria-label="Claims"] tr.claim');
    expect(await rows.count()).toBe(listed.claims.length);
    // errors come first, and each error shows its rule and message on the list
    target = onlyMissingAuth(listed.claims);
    const first = listed.claims[0]!;
    expect(first.errors).toBeGreaterThan(0);
    // one line per code the therapy bills without its authorization
    const errorLines = page.locator(`tr.claim[data-claim="${target.claim.id}"] + tr.findings li.error`);
    await errorLines.first().waitFor();
    expect(await errorLines.allInnerTexts()).toEqual(target.claim.findings.filter((f) => f.severity === 'error').map(() => expect.stringContaining('R-CL-5')));
    await app.shot('billing-built');
  });

  it('opens a claim with its lines and where each came from, then fixes the cause in the chart', async () => {
    const { page } = app;
    await page.locator(`tr.claim[data-claim="${target.claim.id}"] button.link`).click();
    const panel = page.getByRole('complementary', { name: `Claim ${target.claim.id}` });
    await panel.waitFor();
    const lines = panel.locator('table.lines tbody tr');
    expect(await lines.count()).toBe(target.claim.lineCount);
    expect(await panel.locator('.sources').first().innerText()).toMatch(/From:\s+(Therapy|Nurse visit|Dispense) /);
    await app.shot('billing-claim-open');

    // every one of its R-CL-5 findings leads to the same therapy: open it from the first
    await panel.getByRole('button', { name: `Open patient chart (therapy ${target.therapy})` }).first().click();
    expect(new URL(page.url()).hash).toContain(`patient=${target.claim.patient}`);
    const card = page.locator('.therapy', { hasText: `${target.therapy} ·` });
    await card.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: `Edit therapy ${target.therapy}` }).waitFor();
    await page.getByRole('button', { name: 'Add authorization' }).click();
    await page.locator('#tf-auth-0').fill('PA-E2E-1');
    await page.locator('#tf-auth-from-0').fill('2026-09-01');
    await page.locator('#tf-auth-to-0').fill('2026-12-31');
    await app.shot('chart-add-authorization');
    await page.getByRole('button', { name: 'Save therapy' }).click();
    // the chart shows the saved authorization on the therapy's card
    await page.locator('.therapy', { hasText: `${target.therapy} ·` }).filter({ hasText: 'PA-E2E-1' }).waitFor();
  });

  it('rebuilds without the error, acknowledges warnings, previews and prints one payer on CMS-1500, and exports the rest in an 837P the reader accepts', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Rebuild claims' }).click();
    await built(page);
    const rebuilt = await app.call<BuildOutcome>('billing.listClaims', OCTOBER);
    // the rebuilt claim of that therapy (its id may change with its prior authorization)
    let fixed: ClaimRow | undefined;
    for (const c of rebuilt.claims.filter((r) => r.patient === target.claim.patient && r.periodFrom === target.claim.periodFrom)) {
      const detail = await app.call<ClaimDetail>('billing.getClaim', { id: c.id });
      if (detail.lines.some((l) => l.therapy === target.therapy)) fixed = c;
    }
    if (!fixed) throw new Error(`no rebuilt claim bills therapy ${target.therapy}`);
    expect(fixed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(await page.locator(`tr.claim[data-claim="${fixed.id}"] + tr.findings li.error`).count()).toBe(0);
    expect(await page.locator('tr.findings li.error', { hasText: `Therapy ${target.therapy} has no prior authorization` }).count()).toBe(0);

    const ack = page.getByRole('button', { name: 'acknowledge all' });
    if (await ack.count()) await ack.click();
    await expect.poll(() => page.getByRole('button', { name: 'Acknowledge warnings' }).count(), { timeout: 30_000 }).toBe(0);
    const acknowledged = (await app.call<BuildOutcome>('billing.listClaims', OCTOBER)).claims.filter((c) => c.exportable);
    expect(acknowledged.map((c) => c.id)).toContain(fixed.id);

    // one payer takes paper: preview its forms (nothing recorded), then print them as a batch
    const payers = [...new Set(acknowledged.map((c) => c.payer))].filter((p) => p !== fixed!.payer);
    const paper = payers.sort((a, b) => acknowledged.filter((c) => c.payer === a).length - acknowledged.filter((c) => c.payer === b).length)[0]!;
    const paperClaims = acknowledged.filter((c) => c.payer === paper);
    await page.locator('#bill-payer').selectOption(paper);
    await page.getByRole('button', { name: 'Show built claims' }).click();
    await page.getByRole('checkbox', { name: '837P for the clearinghouse' }).uncheck();
    await page.getByRole('checkbox', { name: 'CMS-1500 PDF' }).check();
    const preview = await app.download(() => page.getByRole('button', { name: 'Preview', exact: true }).click());
    await page.getByRole('status').filter({ hasText: 'Preview printed: not a claim, nothing recorded' }).waitFor();
    expect(preview.name).toBe(`PREVIEW-CMS1500-${OCTOBER.from}-to-${OCTOBER.to}-${paper}-full.pdf`);
    const previewPages = await readGlyphs(new Uint8Array(preview.bytes));
    for (const p of previewPages) expect(markText(stray(p, Object.keys(LAYOUT.fields)))[0]).toBe('PREVIEW - NOT A CLAIM');
    expect(await app.call<unknown[]>('billing.batches')).toEqual([]);

    const printed = await app.download(() => page.getByRole('button', { name: `Print ${plural(paperClaims.length, 'claim')}` }).click());
    await page.getByRole('status').filter({ hasText: 'Batch exported' }).waitFor();
    expect(printed.name).toBe('B000001-CMS1500-full.pdf');
    const printedPages = await readGlyphs(new Uint8Array(printed.bytes));
    expect(printedPages.map((p) => stray(p, Object.keys(LAYOUT.fields)))).toEqual(printedPages.map(() => []));
    // claims the form cannot hold are listed with the reason and stay drafts
    const pdfLeftOutNotice = page.getByRole('status').filter({ hasText: /claims? left out/ });
    const pdfLeftOut = (await pdfLeftOutNotice.count()) ? (await pdfLeftOutNotice.locator('li').allInnerTexts()).map((t) => t.split(':')[0]!) : [];
    const printedIds = paperClaims.map((c) => c.id).filter((id) => !pdfLeftOut.includes(id));
    expect(printedIds.length).toBeGreaterThan(0);
    expect(new Set(printedPages.map((p) => boxes(p, ['26'])['26']))).toEqual(new Set(printedIds.map((id) => id.slice(0, 14).toUpperCase())));
    const history = page.getByRole('table', { name: 'Batches' });
    const pdfRow = history.locator('tbody tr', { hasText: 'CMS-1500 PDF' });
    await pdfRow.waitFor();
    const printedAgain = await app.download(() => pdfRow.getByRole('button', { name: 'Download again' }).click());
    expect(printedAgain.name).toBe(printed.name);
    expect(printedAgain.bytes.equals(printed.bytes)).toBe(true);

    // the rest go to the clearinghouse; the printed claims are locked and stay out of the 837P
    await page.locator('#bill-payer').selectOption('');
    await page.getByRole('button', { name: 'Show built claims' }).click();
    await page.getByRole('checkbox', { name: 'CMS-1500 PDF' }).uncheck();
    await page.getByRole('checkbox', { name: '837P for the clearinghouse' }).check();
    const ready = (await app.call<BuildOutcome>('billing.listClaims', OCTOBER)).claims.filter((c) => c.exportable);
    expect(ready.map((c) => c.id).sort()).toEqual(acknowledged.filter((c) => !printedIds.includes(c.id)).map((c) => c.id).sort());

    const file = await app.download(() => page.getByRole('button', { name: `Export ${ready.length} claims` }).click());
    await page.getByRole('status').filter({ hasText: 'Batch exported' }).waitFor();
    // claims the 837P writer refuses (missing data for the file) are listed with the reason
    const leftOutNotice = page.getByRole('status').filter({ hasText: /claims? left out/ });
    const leftOut = (await leftOutNotice.count()) ? (await leftOutNotice.locator('li').allInnerTexts()).map((t) => t.split(':')[0]!) : [];
    const read = read837(file.bytes.toString('latin1'));
    expect(read.errors).toEqual([]);
    expect(read.claims.map((c) => c.id).sort()).toEqual(ready.map((c) => c.id).filter((id) => !leftOut.includes(id)).sort());
    expect(read.claims.map((c) => c.id)).toContain(fixed.id);
    await app.shot('billing-exported');

    expect(await history.locator('tbody tr').count()).toBe(2);
    const x12Row = history.locator('tbody tr', { hasText: '837P' });
    const again = await app.download(() => x12Row.getByRole('button', { name: 'Download again' }).click());
    expect(again.name).toBe(file.name);
    expect(again.bytes.equals(file.bytes)).toBe(true);
  });

  it('prints the exported batch on CMS-1500 forms', async () => {
    const { page } = app;
    const history = page.getByRole('table', { name: 'Batches' });
    const x12Row = history.locator('tbody tr', { hasText: '837P' });
    const pdf = await app.download(() => x12Row.getByRole('button', { name: 'Print CMS-1500' }).click());
    expect(pdf.name).toBe('B000002-CMS1500-full.pdf');
    const doc = await PDFDocument.load(pdf.bytes);
    const batches = await app.call<Array<{ id: string; kind: string; claimCount: number }>>('billing.batches');
    // the reprint recorded nothing: the history still holds the print and the 837P
    expect(batches.map((b) => [b.id, b.kind])).toEqual([['B000002', '837'], ['B000001', 'pdf']]);
    const batch = batches[0]!;
    // at least one page per claim (six lines a page)
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(batch.claimCount);
    await app.shot('billing-batch-history');
  });
});
