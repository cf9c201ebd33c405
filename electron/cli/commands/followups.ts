// `perdiem followups [--as-of DATE] [--json]`: the sent claims whose 999/TA1, 277CA or 835 is
// overdue (acks.md §2, R-AK-1), from `remit.followUps` — the list the Received files screen shows
// under "Waiting for an answer". The JSON is this command's own mapping (docs/cli.md), so a field
// added to the handler's answer does not change it.
import type { FollowUpDays, FollowUpItem } from '../../contract/remittances.ts';
import { dateOption } from '../selection.ts';
import type { CliCommand } from '../context.ts';
import { parseOptions } from '../options.ts';
import { tableLines } from '../table.ts';

/** one row of `followups --json` */
export interface FollowUpRow {
  claim: string;
  batch: string | null;
  patient: string;
  payer: string;
  payerName: string;
  status: FollowUpItem['status'];
  waitingFor: FollowUpItem['waitingFor'];
  since: string;
  days: number;
  limitDays: number;
  nextStep: string;
}

const row = (i: FollowUpItem): FollowUpRow => ({
  claim: i.claimId, batch: i.batch, patient: i.patient, payer: i.payer, payerName: i.payerName, status: i.status,
  waitingFor: i.waitingFor, since: i.since, days: i.days, limitDays: i.limitDays, nextStep: i.nextStep,
});

const limits = (d: FollowUpDays): FollowUpDays => ({ syntaxDays: d.syntaxDays, acceptanceDays: d.acceptanceDays, remittanceDays: d.remittanceDays });

const limitsLine = (d: FollowUpDays) =>
  `limits: a 999/TA1 within ${d.syntaxDays} days of sending, a 277CA within ${d.acceptanceDays}, an 835 within ${d.remittanceDays} of acceptance`;

function table(asOf: string, days: FollowUpDays, rows: readonly FollowUpRow[]): string {
  const title = `waiting for an answer as of ${asOf}\n${limitsLine(days)}\n`;
  if (rows.length === 0) return `${title}no claim waits past its limit\n`;
  const head = ['claim', 'batch', 'payer', 'awaiting', 'since', 'days'];
  const cells = rows.map((r) => [r.claim, r.batch ?? '-', r.payer, r.waitingFor, r.since, String(r.days)]);
  // each usual next step once, in the order they first appear (a printed claim's 835 has its own)
  const steps = [...new Map(rows.map((r) => [r.nextStep, r.waitingFor])).entries()].map(([s, k]) => `${k}: ${s}`);
  return `${title}${tableLines(head, cells, head.length - 1).join('\n')}\n${rows.length} claim${rows.length === 1 ? '' : 's'} waiting\n${steps.join('\n')}\n`;
}

const command: CliCommand = {
  name: 'followups',
  summary: 'Sent claims still waiting for an answer past the office limits: no 999/TA1, no 277CA, or no 835 after acceptance.',
  usage: 'perdiem followups [--as-of DATE] [--json] [--db PATH] [--now DATETIME]',
  async run(ctx, argv) {
    const { values, flags } = parseOptions('followups', argv, ['as-of'], ['json'], { positional: false });
    const asOf = dateOption('followups', 'as-of', values['as-of']) ?? ctx.today;
    const r = await ctx.open().call('remit.followUps', { asOf });
    const rows = r.items.map(row);
    ctx.out(flags.has('json') ? `${JSON.stringify({ asOf: r.asOf, limits: limits(r.days), items: rows }, null, 1)}\n` : table(r.asOf, r.days, rows));
    return 0;
  },
};

export default command;
