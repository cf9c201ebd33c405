// Opens the store at a path it is given (the app passes its data folder, tests a temp file):
// optional SQLCipher key, WAL, foreign keys, busy timeout, then migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { StoreError, checkNotNewer, listMigrations, migrate } from './migrate.ts';
import { backupBeforeMigration } from './backups.ts';
import { sqlText } from './repos/sql.ts';

export interface Store {
  db: Database.Database;
  close(): void;
}

export interface OpenOptions {
  /** SQLCipher passphrase; the database is encrypted with it (a new file) or must open with it. */
  key?: string;
  readonly?: boolean;
}

/** Reading the schema is the first thing that fails on a wrong key or a file that is not a database. */
function verifyReadable(db: Database.Database, file: string, keyed: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new StoreError(
      keyed
        ? `cannot open ${file}: the key is wrong, or the file is not a Perdiem database (${reason})`
        : `cannot open ${file}: it is encrypted (a key is needed) or is not a Perdiem database (${reason})`,
    );
  }
}

function configure(db: Database.Database, file: string, opts: OpenOptions): void {
  if (opts.key !== undefined) {
    db.pragma(`cipher=${sqlText('sqlcipher')}`);
    db.pragma(`key=${sqlText(opts.key)}`);
  }
  verifyReadable(db, file, opts.key !== undefined);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
}

/** The database and its WAL hold patient data: only their owner reads them (SQLite gives the WAL the database's mode). */
function keepPrivate(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
}

export function openStore(file: string, opts: OpenOptions = {}): Store {
  if (opts.readonly) {
    if (!fs.existsSync(file)) throw new StoreError(`cannot open ${file}: no such database`);
  } else {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    configure(db, file, opts);
    const migrations = listMigrations();
    if (opts.readonly) {
      checkNotNewer(db, migrations);
    } else {
      db.pragma('journal_mode = WAL');
      keepPrivate(file);
      checkNotNewer(db, migrations);
      // security: a copy of the database as it was, before a migration changes it
      backupBeforeMigration(db, file);
      migrate(db, migrations);
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, close: () => db.close() };
}

/** A fresh in-memory store with the full schema, for tests. */
export function openMemoryStore(): Store {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return { db, close: () => db.close() };
}
