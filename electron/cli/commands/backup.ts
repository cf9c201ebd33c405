// `perdiem backup [now]`, `backup list`, `backup restore FILE`: copies of the database (encrypted
// like it), the newest N kept, restore only after an integrity and schema check.
import path from 'node:path';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { backupNow, BackupError, defaultBackupDir, listBackups, restoreBackup } from '../../../db/backups.ts';
import { getSecuritySettings } from '../../../db/repos/securitySettings.ts';
import { activeCliIdentity } from '../credentials.ts';
import { withUserStore } from '../../services/openStore.ts';
import { parseOptions } from '../options.ts';

const USAGE = 'perdiem backup [now|list] [--dir DIR] [--keep N] | perdiem backup restore FILE';

const command: CliCommand = {
  name: 'backup',
  summary: 'Backs up the database now (default), lists the backups, or restores one over the database (close the app first).',
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('backup', argv, ['dir', 'keep']);
    const [action = 'now', ...rest] = o.positional;
    const dir = o.values.dir ?? defaultBackupDir(ctx.dbPath);
    if (o.values.keep !== undefined && !/^[1-9]\d{0,2}$/.test(o.values.keep)) throw new UsageError('backup: --keep must be a whole number from 1 to 999');
    try {
      if (action === 'now' && rest.length === 0) {
        const b = withUserStore(ctx.dbPath, (store) =>
          backupNow(store.db, dir, new Date(), {
            reason: 'manual',
            keep: o.values.keep ? Number(o.values.keep) : getSecuritySettings(store.db).backupKeep,
          }),
        );
        ctx.out(`backup written: ${b.file} (${b.size} bytes)\n`);
        return 0;
      }
      if (action === 'list' && rest.length === 0) {
        for (const b of listBackups(dir)) ctx.out(`${b.at}  ${b.reason.padEnd(13)} ${String(b.size).padStart(10)}  ${b.name}\n`);
        return 0;
      }
      if (action === 'restore' && rest.length === 1) {
        const file = path.resolve(rest[0]!);
        const r = restoreBackup(file, ctx.dbPath, activeCliIdentity()?.key, { backupDir: dir });
        ctx.out(`restored ${path.basename(file)} (schema version ${r.version})${r.previous ? `; the replaced database was kept as ${r.previous}` : ''}\n`);
        return 0;
      }
    } catch (e) {
      if (e instanceof BackupError) throw new UserError(e.message);
      throw e;
    }
    throw new UsageError(`backup: ${USAGE}`);
  },
};

export default command;
