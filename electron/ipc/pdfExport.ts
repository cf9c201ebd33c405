// CMS-1500 PDF for the workbench: the printable drafts of a period, or a reprint of an exported
// batch. Printing records nothing; the printer offset of this workstation is applied.
import { appendAudit } from '../../db/repos/audit.ts';
import { currentActor } from '../security/actor.ts';
import { exportPdf } from '../services/exportPdf.ts';
import type { HandlerContext } from './context.ts';
import type { ExportOutcome, Period } from './contract/billing.ts';
import { MIME } from './billingRows.ts';
import { getPrinterOffset } from './printerOffset.ts';

export async function exportPdfBatch(
  ctx: HandlerContext,
  a: Period & { form: 'full' | 'data'; batch?: string | null; acceptWarnings?: boolean },
): Promise<ExportOutcome> {
  const offset = getPrinterOffset(ctx.db);
  const selection = a.batch ? { batch: a.batch } : { from: a.from, to: a.to, ...(a.payer ? { payer: a.payer } : {}) };
  const r = await exportPdf(
    ctx.db,
    { ...selection, form: a.form, acceptWarnings: a.acceptWarnings ?? false, ...(offset.x || offset.y ? { offset } : {}) },
    { now: ctx.now() },
  );
  // printing PHI is audited (docs/security.md); the 837 export is audited by its trigger
  appendAudit(ctx.db, {
    actor: currentActor(ctx.db),
    action: 'export.pdf',
    entity: a.batch ? 'batches' : 'claims',
    entityId: a.batch ?? null,
    after: { form: a.form, claims: r.claims, pages: r.pages, ...(a.batch ? {} : { from: a.from, to: a.to, payer: a.payer ?? null }) },
  });
  const name = a.batch ? `${a.batch}-CMS1500-${a.form}.pdf` : `CMS1500-${a.from}-to-${a.to}${a.payer ? `-${a.payer}` : ''}-${a.form}.pdf`;
  return {
    batch: null,
    file: { fileName: name, mime: MIME.pdf, base64: Buffer.from(r.bytes).toString('base64') },
    leftOut: r.leftOut,
  };
}
