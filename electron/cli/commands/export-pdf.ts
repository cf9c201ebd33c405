// `perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID]
//  [--batch ID] [--preview] [--accept-warnings] [--offset-x PT] [--offset-y PT]`: CMS-1500 (02/12)
// pages. A print of a selection (the 837 export's selection and gate) is a submission: recorded
// as a pdf batch and its claims locked. `--batch` reprints any batch and `--preview` draws marked
// draft forms; both record nothing. `--test-page` prints the printer calibration page instead (no
// database needed). Dispatched from ./export.ts. The file appears whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { parseOptions } from '../options.ts';
import { isRealDate } from '../../export/x12/format.ts';
import { Cms1500Error, renderTestPage } from '../../export/cms1500/index.ts';
import { openUserStore } from '../../services/openStore.ts';
import { exportPdf, type ExportPdfFilter, type ExportPdfResult } from '../../services/exportPdf.ts';

export const USAGE_PDF =
  'perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID] [--batch ID] [--preview] [--accept-warnings] [--offset-x PT] [--offset-y PT] [--test-page]';

const VALUED = ['out', 'form', 'from', 'to', 'payer', 'batch', 'offset-x', 'offset-y'];

interface PdfArgs extends ExportPdfFilter {
  out: string;
  testPage: boolean;
}

const FLAGS = ['accept-warnings', 'test-page', 'preview'];

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
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v !== undefined && !isRealDate(v)) throw new UsageError(`export pdf: --${k} '${v}' is not a date (YYYY-MM-DD)`);
  }
  if (values.from && values.to && values.to < values.from) throw new UsageError(`export pdf: --to ${values.to} is before --from ${values.from}`);
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
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.payer ? { payer: values.payer } : {}),
    ...(values.batch ? { batch: values.batch } : {}),
    ...(x !== 0 || y !== 0 ? { offset: { x, y } } : {}),
    acceptWarnings: flags.has('accept-warnings'),
    ...(preview ? { preview } : {}),
    testPage: flags.has('test-page'),
  };
}

/** Written to a temporary name first and renamed, so a failed run leaves no partial file. */
function writeWhole(file: string, bytes: Uint8Array): void {
  const out = path.resolve(file);
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new UserError(`cannot write ${file}: folder ${dir} does not exist`);
  const tmp = `${out}.${process.pid}.partial`;
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UserError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

function summary(result: ExportPdfResult, form: string, out: string): string {
  const n = result.claims.length;
  return `${result.pages} page${result.pages === 1 ? '' : 's'} (${n} claim${n === 1 ? '' : 's'}, ${form} form) written to ${out}`;
}

/**
 * A print is recorded as a batch: its file is written to a temporary name inside the batch's
 * transaction (a write error records nothing) and renamed once the batch is committed.
 */
async function printBatch(ctx: CliContext, filter: ExportPdfFilter, file: string): Promise<ExportPdfResult> {
  const out = path.resolve(file);
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new UserError(`cannot write ${file}: folder ${dir} does not exist`);
  const tmp = `${out}.${process.pid}.partial`;
  const store = openUserStore(ctx.dbPath);
  let result: ExportPdfResult;
  try {
    result = await exportPdf(store.db, filter, {
      now: ctx.now,
      deliver: ({ bytes }) => {
        try {
          fs.writeFileSync(tmp, bytes, { flag: 'wx' });
        } catch (e) {
          throw new UserError(`cannot write ${file}: ${(e as Error).message}`);
        }
      },
    });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    store.close();
  }
  try {
    fs.renameSync(tmp, out);
  } catch (e) {
    throw new UserError(`batch ${result.batch!.id} is recorded but ${file} could not be written (${(e as Error).message}); download it again from the batch list`);
  }
  return result;
}

/** A reprint or a preview records nothing: the file is simply written. */
async function printCopy(ctx: CliContext, filter: ExportPdfFilter, file: string): Promise<ExportPdfResult> {
  // the render is asynchronous, so the store stays open across it and is closed in finally
  const store = openUserStore(ctx.dbPath);
  let result: ExportPdfResult;
  try {
    result = await exportPdf(store.db, filter, { now: ctx.now });
  } finally {
    store.close();
  }
  writeWhole(file, result.bytes);
  return result;
}

export default async function runExportPdf(ctx: CliContext, argv: string[]): Promise<number | void> {
  const args = parsePdfArgs(argv);
  const { out, testPage, ...filter } = args;
  if (testPage) {
    const offset = filter.offset ?? { x: 0, y: 0 };
    writeWhole(out, await renderTestPage(offset, ctx.now));
    ctx.out(`calibration page (offset x ${offset.x} pt, y ${offset.y} pt) written to ${out}\n`);
    return 0;
  }
  let result: ExportPdfResult;
  try {
    result = filter.batch || filter.preview ? await printCopy(ctx, filter, out) : await printBatch(ctx, filter, out);
  } catch (e) {
    if (e instanceof Cms1500Error) throw new UserError(e.message);
    throw e;
  }
  const line = summary(result, args.form, out);
  if (result.batch) {
    ctx.out(`batch ${result.batch.id}: ${line}\n`);
    ctx.out(`  ${result.bytes.length} bytes, sha256 ${result.batch.sha256}; the claims are locked as sent\n`);
  } else if (filter.preview) {
    ctx.out(`PREVIEW (not a claim; nothing recorded): ${line}\n`);
  } else {
    ctx.out(`reprint of batch ${filter.batch} (nothing recorded): ${line}\n`);
  }
  if (result.leftOut.length > 0) {
    ctx.out(`left out ${result.leftOut.length} claim${result.leftOut.length === 1 ? '' : 's'}:\n`);
    for (const l of result.leftOut) ctx.out(`  ${l.claim}: ${l.reason}\n`);
  }
  return 0;
}
