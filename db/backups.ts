// Backups of the store: VACUUM INTO a timestamped file (an encrypted database gives an
// encrypted copy with the same key; better-sqlite3's db.backup() refuses encrypted databases),
// keep the newest N, restore only a file that passes PRAGMA integrity_check and whose schema
// this app knows. Written to a temporary name and renamed, so a crash never leaves a
// half-written file under a backup's name.
import { partialName } from './files/leftovers.ts';
import { flushFile } from './files/flush.ts';
import { sqlText } from './repos/sql.ts';
import { recordHead, type ChainHead, type RecordedHead } from './repos/auditChain.ts';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { appliedVersions, listMigrations, migrate } from './migrate.ts';
import { applyStoreKey } from './cipher.ts';
import { UserError } from '../electron/domain/errors.ts';

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupInfo {
  file: string;
  name: string;
  /** ISO 8601 UTC, from the name */
  at: string;
  reason: BackupReason;
  size: number;
}

export const DEFAULT_KEEP = 14;
const NAME = /^perdiem-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(daily|manual|pre-migration|pre-restore)(?:-\d+)?\.sqlite$/;

/** A backup that cannot be made, read or restored: the person's to act on, so it is a UserError. */
export class BackupError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function defaultBackupDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** Beside each backup: the audit chain's head when it was made ({ entry, hash }). */
export function headFileOf(backupFile: string): string {
  return `${backupFile}.audit-head`;
}

/** The heads kept beside the backups in `dir`, for verifying the live chain against them. */
export function backupHeads(dir: string): RecordedHead[] {
  return listBackups(dir).flatMap((b) => {
    const f = headFileOf(b.file);
    if (!fs.existsSync(f)) return [];
    const h = JSON.parse(fs.readFileSync(f, 'utf8')) as ChainHead;
    return [{ source: `backup file ${b.name}`, entry: h.entry, hash: h.hash }];
  });
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s, ms, reason] = m;
    const file = path.join(dir, name);
    out.push({ file, name, at: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, reason: reason as BackupReason, size: fs.statSync(file).size });
  }
  // newest first; the name breaks ties so the order is total
  return out.sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
}

/** Deletes all but the newest `keep` backups; returns the deleted files. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError('keep must be at least 1');
  const gone = listBackups(dir).slice(keep).map((b) => b.file);
  for (const f of gone) {
    fs.rmSync(f, { force: true });
    fs.rmSync(headFileOf(f), { force: true });
  }
  return gone;
}

/** Copies the open database into `dir` and prunes to `keep`. Not inside a transaction (SQLite forbids VACUUM there). */
export function backupNow(
  db: Database.Database,
  dir: string,
  now: Date,
  opts: { reason?: BackupReason; keep?: number } = {},
): BackupInfo {
  if (db.inTransaction) throw new BackupError('cannot back up inside a transaction');
  fs.mkdirSync(dir, { recursive: true });
  const reason = opts.reason ?? 'manual';
  const base = `perdiem-${stamp(now)}-${reason}`;
  let name = `${base}.sqlite`;
  for (let i = 1; fs.existsSync(path.join(dir, name)); i++) name = `${base}-${i}.sqlite`;
  const file = path.join(dir, name);
  // named for this process, so the next start removes it if the process is killed (files/leftovers.ts)
  const partial = partialName(file);
  fs.rmSync(partial, { force: true });
  // the audit chain's head goes with the copy, into the trail's own record and beside the file (auditChain.ts)
  const head = hasTable(db, 'audit_heads') ? recordHead(db, 'backup', name) : null;
  try {
    db.exec(`VACUUM INTO ${sqlText(partial)}`);
    // a copy of the office's data: only its owner reads it
    fs.chmodSync(partial, 0o600);
    flushFile(partial);
    fs.renameSync(partial, file);
    if (head) fs.writeFileSync(headFileOf(file), JSON.stringify(head), { mode: 0o600 });
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  pruneBackups(dir, opts.keep ?? DEFAULT_KEEP);
  return listBackups(dir).find((b) => b.file === file)!;
}

/** Pure: is a scheduled backup due, given the newest one's time? */
export function isBackupDue(lastAt: string | Date | null, now: Date, intervalHours = 24): boolean {
  if (lastAt === null) return true;
  const last = typeof lastAt === 'string' ? Date.parse(lastAt) : lastAt.getTime();
  if (Number.isNaN(last)) return true;
  // a clock set back leaves the last backup "in the future": take one rather than wait
  if (last > now.getTime()) return true;
  return now.getTime() - last >= intervalHours * 3_600_000;
}

/** The shell calls this at start and then hourly; returns the backup taken, or null when none was due. */
export function runScheduledBackup(
  db: Database.Database,
  dir: string,
  now: Date,
  settings: { backupIntervalHours: number; backupKeep: number },
): BackupInfo | null {
  const last = listBackups(dir).find((b) => b.reason === 'daily' || b.reason === 'manual') ?? null;
  if (!isBackupDue(last?.at ?? null, now, settings.backupIntervalHours)) return null;
  return backupNow(db, dir, now, { reason: 'daily', keep: settings.backupKeep });
}

/** Backs up an existing database before openStore applies migrations it has not seen; null when none are pending. */
export function backupBeforeMigration(db: Database.Database, dbPath: string, now: Date = new Date()): BackupInfo | null {
  if (dbPath === '' || dbPath === ':memory:' || dbPath.startsWith('file:')) return null;
  const applied = new Set(appliedVersions(db));
  if (applied.size === 0) return null;
  const pending = listMigrations().filter((m) => !applied.has(m.version));
  if (pending.length === 0) return null;
  let keep = DEFAULT_KEEP;
  try {
    const row = db.prepare(`SELECT value FROM security_settings WHERE key = 'backupKeep'`).get() as { value: string } | undefined;
    if (row && Number.isInteger(Number(row.value)) && Number(row.value) > 0) keep = Number(row.value);
  } catch {
    // before 0004 there are no security settings
  }
  return backupNow(db, defaultBackupDir(dbPath), now, { reason: 'pre-migration', keep });
}

/** Opens a backup read-only with the key (x'hex' form, as openStore takes it) and checks it; returns its schema version. */
export function verifyBackup(file: string, key?: string): number {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such backup`);
  let db: Database.Database | undefined;
  try {
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new BackupError(`${path.basename(file)} cannot be opened: ${(e as Error).message}`);
    }
    applyStoreKey(db, key);
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch (e) {
      throw new BackupError(`${path.basename(file)} cannot be read (${(e as Error).message}): wrong key, or not a Perdiem backup`);
    }
    if (check !== 'ok') throw new BackupError(`${path.basename(file)} failed the integrity check: ${String(check)}`);
    const versions = appliedVersions(db);
    if (versions.length === 0) throw new BackupError(`${path.basename(file)} is not a Perdiem database (no schema version)`);
    const version = versions[versions.length - 1]!;
    const known = listMigrations();
    const appVersion = known.length ? known[known.length - 1]!.version : 0;
    if (version > appVersion) {
      throw new BackupError(`${path.basename(file)} is at schema version ${version}, newer than this app's ${appVersion}`);
    }
    return version;
  } finally {
    db?.close();
  }
}

/** The highest batch number and interchange control number (ISA13 = GS06) a database has used. */
export interface ControlHighWater {
  batch: number;
  interchange: number;
}

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const numberOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * What a database has used: its forward-only counters, and the numbers its recorded batches carry
 * (a batch id B000123 is batch number 123). Zero for a schema from before batches (0003).
 */
export function controlHighWater(db: Database.Database): ControlHighWater {
  const out: ControlHighWater = { batch: 0, interchange: 0 };
  if (hasTable(db, 'control_counters')) {
    for (const r of db.prepare('SELECT name, last FROM control_counters').all() as { name: string; last: unknown }[]) {
      if (r.name === 'batch' || r.name === 'interchange') out[r.name] = Math.max(out[r.name], numberOf(r.last));
    }
  }
  if (hasTable(db, 'batches')) {
    const r = db
      .prepare(
        `SELECT max(max(coalesce(interchange_control, 0), coalesce(group_control, 0))) AS interchange,
                max(CASE WHEN id GLOB 'B[0-9]*' AND substr(id, 2) NOT GLOB '*[^0-9]*' THEN CAST(substr(id, 2) AS INTEGER) ELSE 0 END) AS batch
         FROM batches`,
      )
      .get() as { interchange: unknown; batch: unknown };
    out.interchange = Math.max(out.interchange, numberOf(r.interchange));
    out.batch = Math.max(out.batch, numberOf(r.batch));
  }
  return out;
}

function maxHighWater(a: ControlHighWater, b: ControlHighWater): ControlHighWater {
  return { batch: Math.max(a.batch, b.batch), interchange: Math.max(a.interchange, b.interchange) };
}

/** The high-water marks of a database file (read-only), or null when it cannot be read with the key. */
function fileHighWater(file: string, key: string | undefined): ControlHighWater | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyStoreKey(db, key);
    return controlHighWater(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Moves the restored copy's counters up to `mark` (never down: the counters' trigger forbids it),
 * migrating a copy from before 0003 first so it has counters to carry the numbers in.
 */
function carryForward(file: string, key: string | undefined, mark: ControlHighWater): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyStoreKey(db, key);
    if (!hasTable(db, 'control_counters')) migrate(db);
    const raise = db.prepare('UPDATE control_counters SET last = @last WHERE name = @name AND last < @last');
    db.transaction(() => {
      raise.run({ name: 'batch', last: mark.batch });
      raise.run({ name: 'interchange', last: mark.interchange });
    })();
    // the restored file is renamed into place next: leave no WAL beside it
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
}

/**
 * Replaces the (closed) database at `target` with `file` after verifying it. The current
 * database is kept first as a pre-restore copy beside the backups, so a restore can be undone.
 *
 * The 837 counters never go back across a restore: an older backup's counters are moved up to
 * the highest number used by the restored file, the database it replaces, or any readable backup
 * beside it (counters and recorded batches alike), so a later export never reuses an ISA13 or a
 * batch id a clearinghouse has already seen.
 */
export function restoreBackup(
  file: string,
  target: string,
  key?: string,
  opts: { now?: Date; backupDir?: string } = {},
): { version: number; previous: string | null; counters: ControlHighWater } {
  const version = verifyBackup(file, key);
  let previous: string | null = null;
  const dir = opts.backupDir ?? defaultBackupDir(target);
  let mark: ControlHighWater = fileHighWater(file, key) ?? { batch: 0, interchange: 0 };
  for (const b of listBackups(dir)) mark = maxHighWater(mark, fileHighWater(b.file, key) ?? mark);
  if (fs.existsSync(target)) {
    fs.mkdirSync(dir, { recursive: true });
    previous = path.join(dir, `perdiem-${stamp(opts.now ?? new Date())}-pre-restore.sqlite`);
    // the live file may have a WAL: copy through SQLite so the pre-restore copy is whole
    const cur = new Database(target, { fileMustExist: true });
    try {
      applyStoreKey(cur, key);
      cur.exec(`VACUUM INTO ${sqlText(previous)}`);
      fs.chmodSync(previous, 0o600);
    } catch {
      // a corrupt or foreign live database is what a restore is for: keep its raw bytes instead
      fs.copyFileSync(target, previous);
    }
    try {
      mark = maxHighWater(mark, controlHighWater(cur));
    } catch {
      // unreadable: the backups beside it stand in for its numbers
    } finally {
      cur.close();
    }
  }
  const tmp = partialName(target);
  fs.copyFileSync(file, tmp);
  fs.chmodSync(tmp, 0o600);
  try {
    carryForward(tmp, key, mark);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(`${path.basename(file)}: the control numbers could not be carried forward (${(e as Error).message}); the database was not replaced`);
  }
  flushFile(tmp);
  // a stale WAL would be replayed onto the restored file: remove it before the rename
  fs.rmSync(`${target}-wal`, { force: true });
  fs.rmSync(`${target}-shm`, { force: true });
  fs.renameSync(tmp, target);
  return { version, previous, counters: mark };
}
