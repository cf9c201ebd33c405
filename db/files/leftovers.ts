// Temporary files of a process that was killed (an export, a print, a backup, a restore) hold
// patient data. Each is named NAME.PID.partial and, when it is written outside the office's own
// folders, noted in the office's journal of pending writes; the next start of the app or of any
// command removes those whose process is gone. A PID the system has since given to another live
// process keeps its leftover until a later start.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// a temporary database (a backup, the safety copy of a key switch) has SQLite's companions beside it
// while it is written: NAME.PID.partial-journal, -wal, -shm
const PARTIAL = /\.(\d+)\.partial(?:-journal|-wal|-shm)?$/;

/** The temporary name of `file` for this process. */
export function partialName(file: string, pid = process.pid): string {
  return `${file}.${pid}.partial`;
}

/** The journal of pending writes of the office whose database is dbPath: a folder beside it. */
export function pendingJournal(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), '.perdiem-pending');
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, but another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Notes a temporary file before it is written; returns the note, to forget once the file is renamed or removed. */
export function notePending(journal: string, tmp: string): string {
  fs.mkdirSync(journal, { recursive: true, mode: 0o700 });
  const entry = path.join(journal, `${process.pid}-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(entry, tmp, { mode: 0o600 });
  return entry;
}

export function forgetPending(entry: string): void {
  fs.rmSync(entry, { force: true });
}

function deadPartial(file: string): boolean {
  const m = PARTIAL.exec(file);
  return m !== null && !alive(Number(m[1]));
}

/**
 * Removes what killed processes left: the temporary files the journal names and every
 * NAME.PID.partial in `folders` (the database's, the backups'). Returns the files removed.
 */
export function sweepLeftovers(journal: string | null, folders: readonly string[] = []): string[] {
  const removed: string[] = [];
  const remove = (file: string) => {
    if (!fs.existsSync(file)) return;
    fs.rmSync(file, { force: true });
    removed.push(file);
  };
  if (journal && fs.existsSync(journal)) {
    for (const name of fs.readdirSync(journal)) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1]);
      if (!pid || alive(pid)) continue;
      const entry = path.join(journal, name);
      const tmp = fs.readFileSync(entry, 'utf8');
      // only ever a temporary file of ours
      if (PARTIAL.test(tmp)) remove(tmp);
      forgetPending(entry);
    }
  }
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) if (deadPartial(name)) remove(path.join(folder, name));
  }
  return removed;
}
