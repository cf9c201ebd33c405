// `perdiem import FILE.json`: all or nothing; prints the records imported per kind.
import fs from 'node:fs';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { importDataset } from '../../services/importDataset.ts';
import { withUserStore } from '../../services/openStore.ts';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    // Editors on Windows often save UTF-8 with a byte order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UserError(`${file} is not valid JSON: ${(e as Error).message}`);
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
    const raw = readJson(file);
    const { counts } = withUserStore(ctx.dbPath, (store) => importDataset(store.db, raw));
    ctx.out(`imported ${file}\n`);
    for (const [kind, n] of Object.entries(counts)) ctx.out(`${kind.padEnd(14)}${n}\n`);
    return 0;
  },
};

export default command;
