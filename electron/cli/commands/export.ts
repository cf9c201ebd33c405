// `perdiem export 837 --out FILE [--from DATE --to DATE] [--payer ID] [--accept-warnings]`:
// every exportable claim of the selection in one 837P file, recorded as a batch, the claims
// locked; prints the batch and the claims left out with the reason.
// `perdiem export pdf …` belongs to the CMS-1500 exporter (./export-pdf.ts).
import type { ExportOutcome } from '../../contract/billing.ts';
import type { CliCommand, CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { deliverTo } from '../../../db/files/privateFile.ts';
import { selectionOf } from '../selection.ts';

const USAGE_837 = 'perdiem export 837 --out FILE [--from DATE --to DATE] [--payer ID] [--accept-warnings]';

/** The claims a submission left out, one line each. */
export function printLeftOut(ctx: CliContext, r: ExportOutcome): void {
  if (r.leftOut.length === 0) return;
  ctx.out(`left out ${r.leftOut.length} claim${r.leftOut.length === 1 ? '' : 's'}:\n`);
  for (const l of r.leftOut) ctx.out(`  ${l.claim}: ${l.reason}\n`);
}

/** The file appears only for a recorded batch, written inside the export's transaction (db/files/privateFile.ts). */
async function run837(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, flags } = parseOptions('export 837', argv, ['out', 'from', 'to', 'payer'], ['accept-warnings'], { positional: false });
  if (!values.out) throw new UsageError(`export 837 needs --out FILE\nusage: ${USAGE_837}`);
  const out = values.out;
  const args = { ...selectionOf('export 837', values), acceptWarnings: flags.has('accept-warnings') };
  const r = await deliverTo(out, (deliver) => ctx.open().callDelivering('billing.export837', args, deliver), (x) => `batch ${x.batch?.id}`, { neverOverwrite: true, journal: ctx.journal });
  const n = r.claims.length;
  ctx.out(`batch ${r.batch?.id}: ${n} claim${n === 1 ? '' : 's'} written to ${out}\n`);
  ctx.out(`  interchange ${r.batch?.interchangeControl}, ${r.batch?.size} bytes, sha256 ${r.batch?.sha256}\n`);
  printLeftOut(ctx, r);
  return 0;
}

async function runPdf(ctx: CliContext, argv: string[]): Promise<number | void> {
  // owned by the CMS-1500 exporter; loaded only when asked for
  const { default: runExportPdf } = await import('./export-pdf.ts');
  return runExportPdf(ctx, argv);
}

const command: CliCommand = {
  name: 'export',
  summary:
    'export 837: every exportable claim (no errors; warnings acknowledged or --accept-warnings) of the selection to one 837P file, recorded as a batch; the claims are locked. export pdf: CMS-1500 forms, a print recorded as a pdf batch the same way; --preview and --batch (reprint) record nothing.',
  // the pdf usage (USAGE_PDF of ./export-pdf.ts) is spelled out here so that `export 837` never loads the PDF exporter
  usage: `${USAGE_837}\n       perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID] [--batch ID] [--preview] [--accept-warnings] [--offset-x PT] [--offset-y PT] [--test-page]`,
  async run(ctx, argv) {
    const [kind, ...rest] = argv;
    if (kind === '837') return run837(ctx, rest);
    if (kind === 'pdf') return runPdf(ctx, rest);
    throw new UsageError(kind ? `export: unknown kind '${kind}' (837 or pdf)` : 'export needs a kind: 837 or pdf');
  },
};

export default command;
