// SQLCipher at the storage level: whether a file is encrypted, and keying a connection the way
// openStore does. The keys themselves (wrapping, rotation) belong to electron/security.
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { UserError } from '../electron/domain/errors.ts';
import { flushFile } from './files/flush.ts';
import { partialName } from './files/leftovers.ts';
import { sqlText } from './repos/sql.ts';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file exists and does not start with SQLite's plain-text header. */
export function isEncryptedFile(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n > 0 && !(n === 16 && head.equals(SQLITE_MAGIC));
  } finally {
    closeSync(fd);
  }
}

/** Keys a connection opened outside openStore (backups, the CLI's sign-in check) the way openStore does. */
export function applyStoreKey(db: { pragma(source: string): unknown }, key: string | undefined): void {
  if (key === undefined) return;
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`key=${sqlText(key)}`);
}

/**
 * The key as openStore takes it: SQLCipher's raw-key form x'…hex…', so SQLCipher uses the 32
 * bytes as they are instead of running its passphrase KDF on every open.
 */
export function storeKey(key: Buffer): string {
  return `x'${key.toString('hex')}'`;
}

/**
 * True when `key` (storeKey form) opens the file: its schema can be read. Read-write, as the app
 * opens it, so a WAL left by a killed process is read the same way; nothing of the office is written.
 */
export function keyOpens(path: string, key: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    // a key switch of another process holds the file for a moment: wait for it rather than call its key wrong
    db.pragma('busy_timeout = 10000');
    applyStoreKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    // a wrong key reads as "not a database" (or garbage); anything else (busy, locked, missing) is not an answer about the key
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return false;
    throw new UserError(`${path} cannot be read just now (${(e as Error).message}): try again`);
  } finally {
    db?.close();
  }
}

const IN_USE = 'the office is open in another program (the app, a command, the office server): its key can change only while nobody else has it open; close the others and try again';

/** Beside the database during a key switch: a whole copy under the old key, until the new keyring is in place. */
export function safetyCopyOf(dbPath: string): string {
  return `${dbPath}.rekey-old`;
}

/**
 * Re-encrypts an open connection's database under `newKey` (storeKey form), keeping the
 * connection (and so everyone's sessions). SQLCipher cannot rekey in WAL mode: the connection goes
 * to the rollback journal, holds the file exclusively (SQLite refuses when another program has it
 * open, and nothing has changed then), and goes back to WAL after.
 * Measured (test/crash/rekey.test.ts): a process killed during `PRAGMA rekey` can leave a file
 * that neither key opens, its hot journal notwithstanding. So a whole copy under the old key is
 * made first (`safetyCopyOf`, written to a temporary name, flushed, renamed); the opener puts it
 * back when neither key opens the file (`restoreSafetyCopy`), and the key switch removes it once
 * the new keyring is in place.
 */
export function rekeyConnection(db: Database.Database, newKey: string, safetyCopy: string | null): void {
  const wal = String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  let mode = '';
  try {
    if (wal) db.pragma('wal_checkpoint(TRUNCATE)');
    mode = String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase();
  } catch {
    // SQLITE_BUSY: another connection holds the file
  }
  if (mode !== 'delete') throw new UserError(IN_USE);
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    if (safetyCopy) {
      const partial = partialName(safetyCopy);
      rmSync(partial, { force: true });
      db.exec(`VACUUM INTO ${sqlText(partial)}`);
      chmodSync(partial, 0o600);
      flushFile(partial);
      renameSync(partial, safetyCopy);
    }
    db.pragma('cache_spill = OFF');
    try {
      db.pragma(`rekey=${sqlText(newKey)}`);
    } finally {
      db.pragma('cache_spill = ON');
    }
  } finally {
    db.pragma('locking_mode = NORMAL');
    // the exclusive lock is let go at the next read
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (wal) db.pragma('journal_mode = WAL');
  }
}

/**
 * After a key switch was killed half-way: when neither key opens the database but the safety copy
 * opens with the old key, the copy goes back in place (its journal first, which belongs to the
 * interrupted rekey). True when it did.
 */
export function restoreSafetyCopy(dbPath: string, oldKey: string): boolean {
  const copy = safetyCopyOf(dbPath);
  if (!existsSync(copy) || !keyOpens(copy, oldKey)) return false;
  for (const f of [`${dbPath}-journal`, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  renameSync(copy, dbPath);
  return true;
}

/**
 * A closed file (a backup) re-encrypted from `oldKey` to `newKey` through a copy renamed over it,
 * so a crash leaves the old file whole; false when `oldKey` does not open it.
 */
export function rekeyFile(path: string, oldKey: string, newKey: string): boolean {
  if (!keyOpens(path, oldKey)) return false;
  const partial = partialName(path);
  copyFileSync(path, partial);
  chmodSync(partial, 0o600);
  try {
    const db = new Database(partial, { fileMustExist: true });
    try {
      applyStoreKey(db, oldKey);
      // a throwaway copy: a journal on disk would only be one more leftover of a killed process
      db.pragma('journal_mode = MEMORY');
      db.pragma('cache_spill = OFF');
      db.pragma(`rekey=${sqlText(newKey)}`);
    } finally {
      db.close();
    }
    flushFile(partial);
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return true;
}
