// `perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID]
//  [--batch ID] [--preview] [--accept-warnings] [--offset-x PT] [--offset-y PT]
//  [--no-remittance-pages]`: CMS-1500 (02/12)
// pages. A print of a selection (the 837 export's selection and gate) is a submission: recorded
// as a pdf batch and its claims locked. `--batch` reprints any batch and `--preview` draws marked
// draft forms; both record nothing. A secondary's form is followed by its earlier payers'
// remittance pages unless `--no-remittance-pages`. `--test-page` prints the printer calibration
// page instead.
// Dispatched from ./export.ts. The file appears whole or not at all.
import type { ExportOutcome, Selection } from '../../contract/billing.ts';
import type { PrinterOffset } from '../../contract/settings.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { deliverTo, writeWhole } from '../../../db/files/privateFile.ts';
import { selectionOf } from '../selection.ts';
import { printLeftOut } from './export.ts';

export const USAGE_PDF =
  'perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID] [--batch ID] [--preview] [--accept-warnings] [--offset-x PT] [--offset-y PT] [--no-remittance-pages] [--test-page]';

const VALUED = ['out', 'form', 'from', 'to', 'payer', 'batch', 'offset-x', 'offset-y'];
const FLAGS = ['accept-warnings', 'test-page', 'preview', 'no-remittance-pages'];

interface PdfArgs extends Selection {
  out: string;
  form: 'full' | 'data';
  batch?: string;
  offset?: PrinterOffset;
  acceptWarnings: boolean;
  preview?: boolean;
  remittancePages?: false;
  testPage: boolean;
}

function offsetValue(name: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^[+-]?\d+(\.\d+)?$/.test(value) || Math.abs(n) > 72) {
    throw new UsageError(`export pdf: ${name} '${value}' is not a number of points between -72 and 72`);
  }
  return n;
}

export function parsePdfArgs(argv: string[]): PdfArgs {
  const { values, flags } = parseOptions('export pdf', argv, VALUED, FLAGS, { positional: false });
  if (!values.out) throw new UsageError(`export pdf needs --out FILE\nusage: ${USAGE_PDF}`);
  const form = values.form ?? 'full';
  if (form !== 'full' && form !== 'data') throw new UsageError(`export pdf: --form '${form}' is not full or data`);
  const selection = selectionOf('export pdf', values);
  if (values.batch && (values.from || values.to || values.payer)) {
    throw new UsageError('export pdf: --batch prints a whole batch; leave out --from, --to and --payer');
  }
  const preview = flags.has('preview');
  if (values.batch && preview) throw new UsageError('export pdf: --batch reprints a batch and records nothing already; leave out --preview');
  const x = offsetValue('--offset-x', values['offset-x']);
  const y = offsetValue('--offset-y', values['offset-y']);
  return {
    out: values.out,
    form,
    ...selection,
    ...(values.batch ? { batch: values.batch } : {}),
    ...(x !== 0 || y !== 0 ? { offset: { x, y } } : {}),
    acceptWarnings: flags.has('accept-warnings'),
    ...(preview ? { preview } : {}),
    ...(flags.has('no-remittance-pages') ? { remittancePages: false as const } : {}),
    testPage: flags.has('test-page'),
  };
}

function summary(result: ExportOutcome, form: string, out: string): string {
  const n = result.claims.length;
  return `${result.pages} page${result.pages === 1 ? '' : 's'} (${n} claim${n === 1 ? '' : 's'}, ${form} form) written to ${out}`;
}

const bytesOf = (r: { base64: string }) => Buffer.from(r.base64, 'base64');

export default async function runExportPdf(ctx: CliContext, argv: string[]): Promise<number | void> {
  const { out, testPage, ...request } = parsePdfArgs(argv);
  if (testPage) {
    const offset = request.offset ?? { x: 0, y: 0 };
    writeWhole(out, bytesOf(await ctx.open().call('settings.testPage', offset)), { journal: ctx.journal });
    ctx.out(`calibration page (offset x ${offset.x} pt, y ${offset.y} pt) written to ${out}\n`);
    return 0;
  }
  let result: ExportOutcome;
  if (request.batch || request.preview) {
    // a reprint or a preview records nothing: the file is simply written
    result = await ctx.open().call('billing.exportPdf', request);
    writeWhole(out, bytesOf(result.file!), { journal: ctx.journal });
  } else {
    // a print is recorded as a batch: its file is written inside the batch's transaction
    result = await deliverTo(out, (deliver) => ctx.open().callDelivering('billing.exportPdf', request, deliver), (r) => `batch ${r.batch?.id}`, { journal: ctx.journal });
  }
  const line = summary(result, request.form, out);
  if (result.batch) {
    ctx.out(`batch ${result.batch.id}: ${line}\n`);
    ctx.out(`  ${result.batch.size} bytes, sha256 ${result.batch.sha256}; the claims are locked as sent\n`);
  } else if (request.preview) {
    ctx.out(`PREVIEW (not a claim; nothing recorded): ${line}\n`);
  } else {
    ctx.out(`reprint of batch ${request.batch} (nothing recorded): ${line}\n`);
  }
  printLeftOut(ctx, result);
  return 0;
}
