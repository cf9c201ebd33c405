// `perdiem demo [--scale N]`: fills an empty database with a demo office (deterministic for --now).
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';

function parseScale(argv: string[]): number {
  const value = parseOptions('demo', argv, ['scale'], [], { positional: false }).values.scale ?? '300';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000) {
    throw new UsageError(`demo: --scale needs a number of patients from 1 to 100000, got '${value}'`);
  }
  return Number(value);
}

const command: CliCommand = {
  name: 'demo',
  summary: 'Fills an empty database with a demo office: patients, six months of therapies up to --now, dispenses and visits.',
  usage: 'perdiem demo [--scale PATIENTS] [--db PATH] [--now DATETIME]',
  async run(ctx, argv) {
    const patients = parseScale(argv);
    const state = await ctx.open().call('app.loadDemo', { patients });
    ctx.out(`demo office created in ${ctx.dbPath} (today ${ctx.today})\n`);
    for (const [kind, n] of Object.entries(state.counts)) ctx.out(`${kind.padEnd(14)}${n}\n`);
    return 0;
  },
};

export default command;
