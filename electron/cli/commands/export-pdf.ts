// `perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID]
//  [--batch ID] [--accept-warnings] [--offset-x PT] [--offset-y PT]`: CMS-1500 (02/12) pages
// for the claims of a range (the 837 export's selection and gate) or of an exported batch.
// `--test-page` prints the printer calibration page instead (no database needed).
// Dispatched from ./export.ts. The file appears whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../context.ts';
import { UsageError, UserError } from '../errors.ts';
import { isRealDate } from '../../export/x12/format.ts';
import { Cms1500Error, renderTestPage } from '../../export/cms1500/index.ts';
import { openUserStore } from '../../services/openStore.ts';
import { exportPdf, type ExportPdfFilter } from '../../services/exportPdf.ts';

export const USAGE_PDF =
  'perdiem export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID] [--batch ID] [--accept-warnings] [--offset-x PT] [--offset-y PT] [--test-page]';

const VALUED = ['--out', '--form', '--from', '--to', '--payer', '--batch', '--offset-x', '--offset-y'];

interface PdfArgs extends ExportPdfFilter {
  out: string;
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
  const values: Record<string, string> = {};
  let acceptWarnings = false;
  let testPage = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--accept-warnings' || a === '--test-page') {
      if (a === '--test-page') testPage = true;
      else acceptWarnings = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!VALUED.includes(name)) throw new UsageError(`export pdf: unknown argument ${a}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    // a negative offset is a value, not an option
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`export pdf: ${name} needs a value`);
    values[name.slice(2)] = value;
  }
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
    acceptWarnings,
    testPage,
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

export default async function runExportPdf(ctx: CliContext, argv: string[]): Promise<number | void> {
  const args = parsePdfArgs(argv);
  const { out, testPage, ...filter } = args;
  if (testPage) {
    const offset = filter.offset ?? { x: 0, y: 0 };
    writeWhole(out, await renderTestPage(offset, ctx.now));
    ctx.out(`calibration page (offset x ${offset.x} pt, y ${offset.y} pt) written to ${out}\n`);
    return 0;
  }
  // the render is asynchronous, so the store stays open across it and is closed in finally
  const store = openUserStore(ctx.dbPath);
  let result;
  try {
    result = await exportPdf(store.db, filter, { now: ctx.now });
  } catch (e) {
    if (e instanceof Cms1500Error) throw new UserError(e.message);
    throw e;
  } finally {
    store.close();
  }
  writeWhole(out, result.bytes);
  const n = result.claims.length;
  ctx.out(`${result.pages} page${result.pages === 1 ? '' : 's'} (${n} claim${n === 1 ? '' : 's'}, ${args.form} form) written to ${out}\n`);
  if (result.leftOut.length > 0) {
    ctx.out(`left out ${result.leftOut.length} claim${result.leftOut.length === 1 ? '' : 's'}:\n`);
    for (const l of result.leftOut) ctx.out(`  ${l.claim}: ${l.reason}\n`);
  }
  return 0;
}
