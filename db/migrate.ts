// Numbered SQL migrations (migrations/NNNN_name.sql), applied in order, each in a transaction,
// recorded in schema_migrations. A database newer than the app is refused, never touched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3-multiple-ciphers';
import { registerActorFunction } from './actor.ts';

export interface Migration {
  version: number;
  name: string;
  file: string;
}

/** A database the app cannot use as it is (too new, unreadable, wrong key). */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

let migrationsDirOverride: string | undefined;

/** For bundles (dist-electron/) that copy the .sql files elsewhere; PERDIEM_MIGRATIONS_DIR does the same. */
export function setMigrationsDir(dir: string | undefined): void {
  migrationsDirOverride = dir;
}

export function migrationsDir(): string {
  if (migrationsDirOverride) return migrationsDirOverride;
  if (process.env.PERDIEM_MIGRATIONS_DIR) return process.env.PERDIEM_MIGRATIONS_DIR;
  // From source (tsx, vitest) import.meta.url is this file; in an esbuild CJS bundle it is empty
  // and __dirname is the bundle's folder, where the build copies `migrations/`.
  const url = (import.meta as { url?: string }).url;
  if (url) return fileURLToPath(new URL('./migrations/', url));
  if (typeof __dirname !== 'undefined') return path.join(__dirname, 'migrations');
  throw new StoreError('cannot find the migrations folder: set PERDIEM_MIGRATIONS_DIR');
}

const FILE = /^(\d{4})_([A-Za-z0-9_-]+)\.sql$/;

export function listMigrations(dir = migrationsDir()): Migration[] {
  if (!fs.existsSync(dir)) throw new StoreError(`migrations folder ${dir} does not exist`);
  const found: Migration[] = [];
  for (const file of fs.readdirSync(dir)) {
    const m = FILE.exec(file);
    if (m) found.push({ version: Number(m[1]), name: m[2]!, file: path.join(dir, file) });
  }
  found.sort((a, b) => a.version - b.version);
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.version === found[i - 1]!.version) {
      throw new StoreError(`two migrations have number ${found[i]!.version}: ${path.basename(found[i - 1]!.file)} and ${path.basename(found[i]!.file)}`);
    }
  }
  return found;
}

function ensureTable(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
}

export function appliedVersions(db: Database.Database): number[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[]);
}

/** Throws when the database has a migration this app does not know (it was opened by a newer app). */
export function checkNotNewer(db: Database.Database, migrations: Migration[]): void {
  const applied = appliedVersions(db);
  const dbVersion = applied.length ? applied[applied.length - 1]! : 0;
  const appVersion = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (dbVersion > appVersion) {
    throw new StoreError(
      `the database is at schema version ${dbVersion}, newer than this app's ${appVersion}; update Perdiem before opening it`,
    );
  }
}

/** Applies the pending migrations; returns the versions applied. */
export function migrate(db: Database.Database, migrations: Migration[] = listMigrations()): number[] {
  // the audit triggers (0004_security.sql) call perdiem_actor(): every migrated connection has it
  // (and perdiem_chain() for the audit chain's trigger, 0010_audit_chain.sql)
  registerActorFunction(db);
  checkNotNewer(db, migrations);
  ensureTable(db);
  const done = new Set(appliedVersions(db));
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    const sql = fs.readFileSync(m.file, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(m.version, m.name);
    })();
    applied.push(m.version);
  }
  return applied;
}
