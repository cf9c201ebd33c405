// `perdiem claims [--status S] [--payer ID] [--patient ID] [--from DATE --to DATE] [--json]`: every
// claim with its status and money (R-AR-1), from `claims.list` (interfaces.md `claims --json`).
import type { ClaimLifeStatus, ClaimMoney } from '../../contract/remittances.ts';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { amount as money } from '../money.ts';
import { tableLines } from '../table.ts';

const STATUSES: readonly ClaimLifeStatus[] = ['draft', 'exported', 'accepted', 'rejected', 'paid', 'denied', 'reversed', 'void'];
const isStatus = (s: string): s is ClaimLifeStatus => (STATUSES as readonly string[]).includes(s);

function table(claims: readonly ClaimMoney[]): string {
  const head = ['claim', 'patient', 'payer', 'freq', 'status', 'charge', 'paid', 'patient', 'balance'];
  const rows = claims.map((c) => [c.id, c.patient, c.payer, c.frequency, c.status, money(c.chargeCents), money(c.paidCents), money(c.patientResponsibilityCents), money(c.balanceCents)]);
  return `${tableLines(head, rows, 5).join('\n')}\n${claims.length} claim${claims.length === 1 ? '' : 's'}\n`;
}

const command: CliCommand = {
  name: 'claims',
  summary: 'Lists every claim (not only drafts) with its status, payments, adjustments and open balance.',
  usage: 'perdiem claims [--status S] [--payer ID] [--patient ID] [--from DATE --to DATE] [--json] [--db PATH]',
  async run(ctx, argv) {
    const { values, flags } = parseOptions('claims', argv, ['status', 'payer', 'patient', 'from', 'to'], ['json'], { positional: false });
    if (values.status !== undefined && !isStatus(values.status)) throw new UsageError(`claims: --status must be one of ${STATUSES.join(', ')}`);
    const claims = await ctx.open().call('claims.list', {
      ...(values.status !== undefined && isStatus(values.status) ? { status: values.status } : {}),
      ...(values.payer ? { payer: values.payer } : {}),
      ...(values.patient ? { patient: values.patient } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    });
    ctx.out(flags.has('json') ? `${JSON.stringify({ claims }, null, 1)}\n` : table(claims));
    return 0;
  },
};

export default command;
