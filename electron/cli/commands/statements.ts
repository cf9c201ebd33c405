// `perdiem statements --month YYYY-MM --out FILE [--patient ID]`: the patient statements (R-CO-4)
// of the services of one month, every patient who owes something or one, as one PDF written whole
// by `statements.print` (the same request as the app's "Patient statements"). Exit 1 when nobody
// owes anything for that month (no file is written).
import { deliverTo } from '../../../db/files/privateFile.ts';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { dollars as money } from '../money.ts';
import { isMonth } from '../../domain/isoDate.ts';

const USAGE = 'perdiem statements --month YYYY-MM --out FILE [--patient ID]';

const command: CliCommand = {
  name: 'statements',
  summary: "Prints the month's patient statements (what was billed, what each payer paid, what the patient owes) as one PDF.",
  usage: USAGE,
  async run(ctx, argv) {
    const { values } = parseOptions('statements', argv, ['month', 'out', 'patient'], [], { positional: false });
    if (!values.month || !values.out) throw new UsageError(`statements needs --month YYYY-MM and --out FILE\nusage: ${USAGE}`);
    if (!isMonth(values.month)) throw new UsageError(`statements: --month '${values.month}' is not YYYY-MM`);
    const args = { month: values.month, ...(values.patient ? { patient: values.patient } : {}) };
    const r = await deliverTo(values.out, (deliver) => ctx.open().callDelivering('statements.print', args, deliver), () => '', { journal: ctx.journal });
    ctx.out(`${r.statements.length} statement${r.statements.length === 1 ? '' : 's'} for services in ${values.month} written to ${values.out}\n`);
    for (const s of r.statements) ctx.out(`  ${s.patient}  ${s.name}  owes ${money(s.owedCents)}\n`);
    return 0;
  },
};

export default command;
