// `perdiem ar [--as-of DATE] [--basis sent|service] [--json]`: open balances by payer in the
// R-AR-1 aging buckets, and by patient, from `ar.report` (interfaces.md `ar --json`).
import type { ArReport } from '../../contract/remittances.ts';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { amount as money } from '../money.ts';
import { tableLines } from '../table.ts';

function table(r: ArReport): string {
  const head = ['payer', ...r.buckets, 'total'];
  const rows = [...r.rows.map((x) => [x.payer, ...x.cents.map(money), money(x.totalCents)]), ['total', ...r.buckets.map((_, i) => money(r.rows.reduce((s, x) => s + x.cents[i]!, 0))), money(r.totalCents)]];
  const days = r.daysInAr === null ? '' : `\ndays in AR: ${r.daysInAr}`;
  return `accounts receivable as of ${r.asOf} (aged from the ${r.basis === 'sent' ? 'date first sent' : 'date of service'})\n${tableLines(head, rows, 1).join('\n')}${days}\n`;
}

const command: CliCommand = {
  name: 'ar',
  summary: 'Open balances by payer in aging buckets 0-30, 31-60, 61-90, 91-120, 120+ (R-AR-1), and by patient.',
  usage: 'perdiem ar [--as-of DATE] [--basis sent|service] [--json] [--db PATH] [--now DATETIME]',
  async run(ctx, argv) {
    const { values, flags } = parseOptions('ar', argv, ['as-of', 'basis'], ['json'], { positional: false });
    const basis = values.basis ?? 'sent';
    if (basis !== 'sent' && basis !== 'service') throw new UsageError('ar: --basis must be sent or service');
    const r = await ctx.open().call('ar.report', { asOf: values['as-of'] ?? ctx.today, basis });
    if (flags.has('json')) {
      ctx.out(`${JSON.stringify(r, null, 1)}\n`);
    } else ctx.out(table(r));
    return 0;
  },
};

export default command;
