// `perdiem backup [now]`, `backup list`, `backup restore FILE`: copies of the database (encrypted
// like it), the newest N kept, restore only after an integrity and schema check. The same
// requests as the app's backup screen, with the same permissions (restoring is an administrator's).
import path from 'node:path';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';

const USAGE = 'perdiem backup [now|list] [--dir DIR] [--keep N] | perdiem backup restore FILE [--dir DIR]';

const command: CliCommand = {
  name: 'backup',
  summary: 'Backs up the database now (default), lists the backups, or restores one over the database (close the app first).',
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('backup', argv, ['dir', 'keep']);
    const [action = 'now', ...rest] = o.positional;
    if (o.values.keep !== undefined && !/^[1-9]\d{0,2}$/.test(o.values.keep)) throw new UsageError('backup: --keep must be a whole number from 1 to 999');
    const backupDir = o.values.dir ? { backupDir: path.resolve(o.values.dir) } : {};
    if (action === 'now' && rest.length === 0) {
      const api = ctx.open(backupDir);
      const b = await api.call('backups.run', o.values.keep ? { keep: Number(o.values.keep) } : {});
      ctx.out(`backup written: ${path.join(ctx.open().backupDir, b.name)} (${b.size} bytes)\n`);
      return 0;
    }
    if (action === 'list' && rest.length === 0) {
      for (const b of await ctx.open(backupDir).call('backups.list')) ctx.out(`${b.at}  ${b.reason.padEnd(13)} ${String(b.size).padStart(10)}  ${b.name}\n`);
      return 0;
    }
    if (action === 'restore' && rest.length === 1) {
      // the file the person names is theirs to restore; the request names it as the app's screen does
      const file = path.resolve(rest[0]!);
      const r = await ctx.open({ ...backupDir, namedBackup: file }).call('backups.restore', { name: path.basename(file) });
      ctx.out(`restored ${r.name} (schema version ${r.schemaVersion})${r.previous ? `; the replaced database was kept as ${r.previous}` : ''}\n`);
      return 0;
    }
    throw new UsageError(`backup: ${USAGE}`);
  },
};

export default command;
