// Files with patient data on disk: exports, prints and backups are written through a temporary
// file in the same folder with mode 0600 and removed on any failure; what a killed process left
// is removed at the next start (the app's office or any command).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { notePending, partialName, pendingJournal, sweepLeftovers } from '../../db/files/leftovers.ts';
import { outFile, writeWhole } from '../../db/files/privateFile.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { EXAMPLE, NOW, tempDir } from './helpers.ts';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = tempDir('perdiem-files-');
  // the most permissive umask an office computer could have: the modes must not depend on it
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** the pid of a process that has ended */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const mode = (f: string) => fs.statSync(f).mode & 0o777;

async function cli(argv: string[]) {
  let err = '';
  const code = await runCli([...argv, '--db', path.join(dir, 'office.sqlite'), '--now', NOW, '--plain'], { out: () => undefined, err: (t) => (err += t) }, {});
  return { code, err };
}

describe('a private file', () => {
  it('is written 0600 through a temporary file that is gone once it is renamed', () => {
    const file = path.join(dir, 'claims.x12');
    writeWhole(file, Buffer.from('ISA*'));
    expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['claims.x12']);
  });

  it('replaces a world-readable file of the same name with a private one', () => {
    const file = path.join(dir, 'audit.csv');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    writeWhole(file, Buffer.from('new'));
    expect([mode(file), fs.readFileSync(file, 'utf8')]).toEqual([0o600, 'new']);
  });

  it('leaves nothing behind when the step after writing fails, and its journal note goes too', () => {
    const journal = path.join(dir, 'journal');
    const f = outFile(path.join(dir, 'batch.pdf'), { journal });
    f.deliver({ fileName: 'batch.pdf', bytes: Buffer.from('%PDF') });
    expect(fs.readdirSync(dir).sort()).toEqual(['batch.pdf.' + process.pid + '.partial', 'journal']);
    expect(fs.readdirSync(journal)).toHaveLength(1);
    f.discard();
    expect([fs.readdirSync(dir), fs.readdirSync(journal)]).toEqual([['journal'], []]);
  });
});

describe('leftovers of a killed process', () => {
  it('are removed by the journal (a file in any folder) and by name (the office’s folders); a live process’s are kept', () => {
    const journal = path.join(dir, 'journal');
    const elsewhere = path.join(dir, 'exports');
    fs.mkdirSync(elsewhere);
    const pid = deadPid();
    const killedExport = partialName(path.join(elsewhere, 'october.x12'), pid);
    fs.writeFileSync(killedExport, 'patient data');
    fs.mkdirSync(journal);
    fs.writeFileSync(path.join(journal, `${pid}-0a0b0c`), killedExport);
    const killedBackup = partialName(path.join(dir, 'perdiem-x-manual.sqlite'), pid);
    fs.writeFileSync(killedBackup, 'patient data');
    // VACUUM INTO's rollback journal of a temporary database killed mid-write (a key switch's safety copy)
    const killedJournal = `${partialName(path.join(dir, 'perdiem.sqlite.rekey-old'), pid)}-journal`;
    fs.writeFileSync(killedJournal, 'patient data');
    const mine = partialName(path.join(dir, 'running.x12'));
    fs.writeFileSync(mine, 'being written');
    notePending(journal, mine);
    fs.writeFileSync(path.join(dir, 'notes.partial'), 'not ours');

    expect(sweepLeftovers(journal, [dir]).sort()).toEqual([killedExport, killedBackup, killedJournal].sort());
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['exports', 'journal', 'notes.partial', path.basename(mine)].sort());
    expect(fs.readdirSync(journal)).toHaveLength(1);
  });

  it('are removed when the next command starts, and when the app opens the office', async () => {
    const pid = deadPid();
    const db = path.join(dir, 'office.sqlite');
    const exportDir = path.join(dir, 'exports');
    fs.mkdirSync(exportDir);
    const leftover = () => {
      const tmp = partialName(path.join(exportDir, 'claims.pdf'), pid);
      fs.writeFileSync(tmp, 'patient data');
      fs.mkdirSync(pendingJournal(db), { recursive: true });
      fs.writeFileSync(path.join(pendingJournal(db), `${pid}-1`), tmp);
      fs.mkdirSync(path.join(dir, 'backups'), { recursive: true });
      fs.writeFileSync(partialName(path.join(dir, 'backups', 'perdiem-1-manual.sqlite'), pid), 'patient data');
      return tmp;
    };
    const tmp = leftover();
    expect((await cli(['import', EXAMPLE])).code).toBe(0);
    expect(fs.existsSync(tmp)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const again = leftover();
    const protector = memoryProtector();
    const host = new OfficeHost({ dbPath: db, protector: () => protector, now: () => NOW });
    host.close();
    expect(fs.existsSync(again)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('the office’s own files', () => {
  it('keeps the database, its WAL and its backups private whatever the umask', async () => {
    const db = path.join(dir, 'office.sqlite');
    expect((await cli(['import', EXAMPLE])).code).toBe(0);
    expect((await cli(['backup'])).code).toBe(0);
    const backups = fs.readdirSync(path.join(dir, 'backups')).map((f) => path.join(dir, 'backups', f));
    for (const f of [db, ...backups, ...[`${db}-wal`, `${db}-shm`].filter((f) => fs.existsSync(f))]) expect([f, mode(f)]).toEqual([f, 0o600]);
  });

  it('writes exports 0600 from the command line', async () => {
    expect((await cli(['import', EXAMPLE])).code).toBe(0);
    const out = path.join(dir, 'audit.csv');
    expect((await cli(['audit', '--out', out])).code).toBe(0);
    expect(mode(out)).toBe(0o600);
  });
});
