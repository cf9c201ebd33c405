// `perdiem build --from DATE --to DATE [--payer ID] [--json]`: builds (or rebuilds) the draft
// claims of the range (billing-rules.md); --json prints interfaces.md's `build --json` output.
import type { BuildResult, Severity } from '../../domain/claims.ts';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';

interface BuildArgs {
  from: string;
  to: string;
  payer?: string;
  json: boolean;
}

function parseArgs(argv: string[]): BuildArgs {
  const { values, flags } = parseOptions('build', argv, ['from', 'to', 'payer'], ['json'], { positional: false });
  if (!values.from || !values.to) throw new UsageError('build needs --from DATE and --to DATE');
  return { from: values.from, to: values.to, ...(values.payer ? { payer: values.payer } : {}), json: flags.has('json') };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function summarize(result: BuildResult, range: { from: string; to: string }): string {
  const out: string[] = [`built ${range.from} … ${range.to}: ${count(result.claims.length, 'claim')}`];
  const byPayer = new Map<string, { claims: number; lines: number; cents: number }>();
  for (const c of result.claims) {
    const p = byPayer.get(c.payer) ?? { claims: 0, lines: 0, cents: 0 };
    p.claims++;
    p.lines += c.lines.length;
    p.cents += c.totalCents;
    byPayer.set(c.payer, p);
  }
  for (const [payer, p] of [...byPayer].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`  ${payer.padEnd(16)} ${count(p.claims, 'claim').padStart(11)} ${count(p.lines, 'line').padStart(11)} ${dollars(p.cents).padStart(14)}`);
  }
  const total = result.claims.reduce((s, c) => s + c.totalCents, 0);
  out.push(`  ${'total'.padEnd(16)} ${count(result.claims.length, 'claim').padStart(11)} ${' '.repeat(11)} ${dollars(total).padStart(14)}`);
  const severities: Severity[] = ['error', 'warning', 'info'];
  for (const s of severities) {
    const list = result.findings.filter((f) => f.severity === s);
    if (list.length === 0) continue;
    out.push(`${count(list.length, s)}:`);
    for (const f of list.slice(0, 5)) {
      const where = f.claim ? `[${f.claim}${f.line ? ` line ${f.line}` : ''}]` : null;
      out.push(`  ${[f.rule, f.patient, f.date, where, f.message].filter((x) => x).join(' ')}`);
    }
    if (list.length > 5) out.push(`  … and ${list.length - 5} more`);
  }
  if (result.findings.length === 0) out.push('no findings');
  return `${out.join('\n')}\n`;
}

const command: CliCommand = {
  name: 'build',
  summary: 'Builds (or rebuilds) the draft claims for dates of service in the range; --json prints claims and findings.',
  usage: 'perdiem build --from DATE --to DATE [--payer ID] [--json] [--db PATH] [--now DATETIME]',
  async run(ctx, argv) {
    const args = parseArgs(argv);
    const result = await ctx.open().call('claims.build', { from: args.from, to: args.to, ...(args.payer ? { payer: args.payer } : {}) });
    ctx.out(args.json ? `${JSON.stringify(result, null, 1)}\n` : summarize(result, args));
    return 0;
  },
};

export default command;
