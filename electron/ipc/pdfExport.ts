// CMS-1500 PDF export for the workbench; wired to electron/services/exportPdf.ts.
import { UserError } from '../cli/errors.ts';
import type { HandlerContext } from './context.ts';
import type { ExportOutcome, Period } from './contract/billing.ts';

export async function exportPdfBatch(
  _ctx: HandlerContext,
  _a: Period & { form: 'full' | 'data'; batch?: string | null; acceptWarnings?: boolean },
): Promise<ExportOutcome> {
  throw new UserError('PDF export is not available yet');
}
