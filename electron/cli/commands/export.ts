// `perdiem export 837 --out FILE [--from DATE --to DATE] [--payer ID] [--accept-warnings]`:
// every exportable claim of the selection in one 837P file, recorded as a batch, the claims
// locked; prints the batch and the claims left out with the reason.
// `perdiem export pdf …` belongs to the CMS-1500 exporter (./export-pdf.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { parseOptions } from '../options.ts';
import { isRealDate } from '../../export/x12/format.ts';
import { withUserStore } from '../../services/openStore.ts';
import { export837, type Export837Filter } from '../../services/export837.ts';

const USAGE_837 = 'perdiem export 837 --out FILE [--from DATE --to DATE] [--payer ID] [--accept-warnings]';

interface Args837 extends Export837Filter {
  out: string;
}

function parse837(argv: string[]): Args837 {
  const { values, flags } = parseOptions('export 837', argv, ['out', 'from', 'to', 'payer'], ['accept-warnings'], { positional: false });
  if (!values.out) throw new UsageError(`export 837 needs --out FILE\nusage: ${USAGE_837}`);
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v !== undefined && !isRealDate(v)) throw new UsageError(`export 837: --${k} '${v}' is not a date (YYYY-MM-DD)`);
  }
  if (values.from && values.to && values.to < values.from) throw new UsageError(`export 837: --to ${values.to} is before --from ${values.from}`);
  return {
    out: values.out,
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.payer ? { payer: values.payer } : {}),
    acceptWarnings: flags.has('accept-warnings'),
  };
}

/**
 * The file appears only for a recorded batch: written to a temporary name inside the export's
 * transaction (a write error rolls the batch back), renamed once the batch is committed.
 */
function run837(ctx: CliContext, argv: string[]): number {
  const args = parse837(argv);
  const out = path.resolve(args.out);
  if (fs.existsSync(out)) throw new UserError(`${args.out} already exists; choose a new file name (a batch file is never overwritten)`);
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new UserError(`cannot write ${args.out}: folder ${dir} does not exist`);
  const tmp = `${out}.${process.pid}.partial`;
  let result;
  try {
    result = withUserStore(ctx.dbPath, (store) =>
      export837(store.db, args, {
        now: ctx.now,
        deliver: ({ bytes }) => {
          try {
            fs.writeFileSync(tmp, bytes, { flag: 'wx' });
          } catch (e) {
            throw new UserError(`cannot write ${args.out}: ${(e as Error).message}`);
          }
        },
      }),
    );
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    fs.renameSync(tmp, out);
  } catch (e) {
    throw new UserError(`batch ${result.batchId} is recorded but ${args.out} could not be written (${(e as Error).message}); download it again from the batch list`);
  }
  const n = result.claims.length;
  ctx.out(`batch ${result.batchId}: ${n} claim${n === 1 ? '' : 's'} written to ${args.out}\n`);
  ctx.out(`  interchange ${result.interchangeControlNumber}, ${result.bytes.length} bytes, sha256 ${result.sha256}\n`);
  if (result.leftOut.length > 0) {
    ctx.out(`left out ${result.leftOut.length} claim${result.leftOut.length === 1 ? '' : 's'}:\n`);
    for (const l of result.leftOut) ctx.out(`  ${l.claim}: ${l.reason}\n`);
  }
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
