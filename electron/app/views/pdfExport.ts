// CMS-1500 PDF for the workbench, with this workstation's printer offset. A print of the period's
// drafts is a submission: recorded as a pdf batch (in the batch history, downloadable again byte
// for byte) and its claims locked. A reprint of any batch and a marked preview record nothing; the
// service notes them in the audit trail (a recorded batch is audited by its trigger).
import { getBatch } from '../../../db/repos/batches.ts';
import { exportPdf } from '../../services/exportPdf.ts';
import type { HandlerContext } from '../context.ts';
import type { ExportOutcome, PdfExportArgs } from '../../contract/billing.ts';
import { MIME, batchRow } from './billingRows.ts';
import { getPrinterOffset } from './printerOffset.ts';

export async function exportPdfBatch(
  ctx: HandlerContext,
  a: PdfExportArgs,
): Promise<ExportOutcome> {
  // an offset given with the request (the command line's --offset-x/-y) wins over this workstation's
  const offset = a.offset ?? getPrinterOffset(ctx.db);
  const selection = a.batch ? { batch: a.batch } : { ...(a.from ? { from: a.from } : {}), ...(a.to ? { to: a.to } : {}), ...(a.payer ? { payer: a.payer } : {}) };
  const r = await exportPdf(
    ctx.db,
    {
      ...selection,
      form: a.form,
      acceptWarnings: a.acceptWarnings ?? false,
      ...(a.preview ? { preview: true } : {}),
      ...(offset.x || offset.y ? { offset } : {}),
      ...(a.remittancePages === false ? { remittances: false } : {}),
    },
    { now: ctx.now(), ...(ctx.deliver ? { deliver: ctx.deliver } : {}) },
  );
  const recorded = r.batch ? getBatch(ctx.db, r.batch.id) : null;
  const name = r.batch
    ? r.batch.fileName
    : a.batch
      ? `${a.batch}-CMS1500-${a.form}.pdf`
      : `PREVIEW-CMS1500-${a.from ?? 'start'}-to-${a.to ?? 'end'}${a.payer ? `-${a.payer}` : ''}-${a.form}.pdf`;
  return {
    batch: recorded ? batchRow(recorded) : null,
    file: { fileName: name, mime: MIME.pdf, base64: Buffer.from(r.bytes).toString('base64') },
    leftOut: r.leftOut,
    claims: r.claims,
    pages: r.pages,
  };
}
