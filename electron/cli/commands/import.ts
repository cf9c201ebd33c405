// `perdiem import FILE.json`: all or nothing; prints the records imported per kind.
import fs from 'node:fs';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

const command: CliCommand = {
  name: 'import',
  summary: 'Imports a dataset (interfaces.md format); on any invalid record nothing is written and every problem is listed as path: message.',
  usage: 'perdiem import FILE.json [--db PATH]',
  async run(ctx, argv) {
    const unknown = argv.find((a) => a.startsWith('-'));
    if (unknown) throw new UsageError(`import: unknown option ${unknown}`);
    if (argv.length !== 1) throw new UsageError('import needs exactly one FILE.json');
    const file = argv[0]!;
    const text = readText(file);
    const { imported } = await ctx.open().call('app.importFile', { fileName: file, text });
    ctx.out(`imported ${file}\n`);
    for (const [kind, n] of Object.entries(imported)) ctx.out(`${kind.padEnd(14)}${n}\n`);
    return 0;
  },
};

export default command;
