// `perdiem demo [--scale N]`: fills an empty database with a demo office (deterministic for --now).
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { loadDemo } from '../../demo/loadDemo.ts';
import { withUserStore } from '../../services/openStore.ts';

function parseScale(argv: string[]): number {
  let scale = 300;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--scale' ? argv[++i] : a.startsWith('--scale=') ? a.slice(8) : undefined;
    if (value === undefined) throw new UsageError(`demo: unknown argument ${a}`);
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000) {
      throw new UsageError(`demo: --scale needs a number of patients from 1 to 100000, got '${value}'`);
    }
    scale = Number(value);
  }
  return scale;
}

const command: CliCommand = {
  name: 'demo',
  summary: 'Fills an empty database with a demo office: patients, six months of therapies up to --now, dispenses and visits.',
  usage: 'perdiem demo [--scale PATIENTS] [--db PATH] [--now DATETIME]',
  async run(ctx, argv) {
    const patients = parseScale(argv);
    const { counts } = withUserStore(ctx.dbPath, (store) => loadDemo(store.db, { today: ctx.today, patients }));
    ctx.out(`demo office created in ${ctx.dbPath} (today ${ctx.today})\n`);
    for (const [kind, n] of Object.entries(counts)) ctx.out(`${kind.padEnd(14)}${n}\n`);
    return 0;
  },
};

export default command;
