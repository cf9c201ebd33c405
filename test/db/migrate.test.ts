import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openMemoryStore, openStore } from '../../db/open.ts';
import { sha256 } from '../import/helpers.ts';
import { StoreError, appliedVersions, listMigrations, migrate, migrationsDir, setMigrationsDir } from '../../db/migrate.ts';

const dirs: string[] = [];
function temp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'perdiem-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  setMigrationsDir(undefined);
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('migrations', () => {
  it('finds the numbered files beside db/migrate.ts, 0001_init first', () => {
    const all = listMigrations();
    expect(path.resolve(migrationsDir())).toBe(path.resolve('db', 'migrations'));
    expect(all[0]).toMatchObject({ version: 1, name: 'init' });
    expect(all.map((m) => m.version)).toEqual([...all.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('brings an empty database to the newest version and records each migration', () => {
    const store = openMemoryStore();
    expect(appliedVersions(store.db)).toEqual(listMigrations().map((m) => m.version));
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['patients', 'therapies', 'dispenses', 'visits', 'payers', 'products', 'schema_migrations']));
    store.close();
  });

  it('leaves an up-to-date database alone', () => {
    const file = path.join(temp(), 'nested', 'folder', 'office.sqlite');
    openStore(file).close();
    const store = openStore(file);
    expect(migrate(store.db)).toEqual([]);
    store.close();
  });

  it('applies only the pending migrations, in number order, each in its own transaction', () => {
    const dir = temp();
    const migrations = path.join(dir, 'migrations');
    mkdirSync(migrations);
    copyFileSync(path.join('db', 'migrations', '0001_init.sql'), path.join(migrations, '0001_init.sql'));
    setMigrationsDir(migrations);
    const file = path.join(dir, 'office.sqlite');
    openStore(file).close();

    writeFileSync(path.join(migrations, '0010_b.sql'), 'CREATE TABLE b (x INTEGER);');
    writeFileSync(path.join(migrations, '0009_a.sql'), 'CREATE TABLE a (x INTEGER);');
    const store = openStore(file);
    expect(appliedVersions(store.db)).toEqual([1, 9, 10]);
    store.close();

    writeFileSync(path.join(migrations, '0011_broken.sql'), 'CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (1);');
    expect(() => openStore(file)).toThrow(/no such table: nowhere/);
    const check = new Database(file);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
    expect(check.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(10);
    check.close();
  });

  it('refuses a database newer than the app, naming both versions, without touching it', () => {
    const file = path.join(temp(), 'office.sqlite');
    openStore(file).close();
    const appVersion = listMigrations().at(-1)!.version;
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(9999, 'from_the_future');
    raw.close();
    const before = sha256(file);
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(
      `the database is at schema version 9999, newer than this app's ${appVersion}; update Perdiem before opening it`,
    );
    expect(() => openStore(file, { readonly: true })).toThrow(/schema version 9999/);
    expect(sha256(file)).toBe(before);
  });

  it('reads the folder from PERDIEM_MIGRATIONS_DIR when set (bundled builds)', () => {
    const dir = temp();
    writeFileSync(path.join(dir, '0001_only.sql'), 'CREATE TABLE only_table (x INTEGER);');
    const before = process.env.PERDIEM_MIGRATIONS_DIR;
    process.env.PERDIEM_MIGRATIONS_DIR = dir;
    try {
      expect(migrationsDir()).toBe(dir);
      expect(listMigrations().map((m) => m.name)).toEqual(['only']);
    } finally {
      if (before === undefined) delete process.env.PERDIEM_MIGRATIONS_DIR;
      else process.env.PERDIEM_MIGRATIONS_DIR = before;
    }
  });

  it('refuses two migrations with the same number', () => {
    const dir = temp();
    writeFileSync(path.join(dir, '0001_a.sql'), '');
    writeFileSync(path.join(dir, '0001_b.sql'), '');
    expect(() => listMigrations(dir)).toThrow('two migrations have number 1: 0001_a.sql and 0001_b.sql');
  });
});

describe('openStore', () => {
  it('sets WAL, foreign keys and a busy timeout', () => {
    const store = openStore(path.join(temp(), 'office.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });

  it('encrypts with a key and refuses a missing or wrong key with a clear error', () => {
    const file = path.join(temp(), 'secret.sqlite');
    const store = openStore(file, { key: "correct horse's battery" });
    store.db.prepare("INSERT INTO prescribers (id, first_name, last_name, npi) VALUES ('dr-a', 'Ann', 'Lee', '1992753883')").run();
    store.close();

    expect(() => openStore(file)).toThrow(/cannot open .*secret\.sqlite: it is encrypted \(a key is needed\)/);
    expect(() => openStore(file, { key: 'wrong' })).toThrow(/cannot open .*secret\.sqlite: the key is wrong/);
    const again = openStore(file, { key: "correct horse's battery" });
    expect(again.db.prepare('SELECT last_name FROM prescribers').pluck().get()).toBe('Lee');
    again.close();
  });

  it('opens read-only without writing, and refuses a missing file', () => {
    const dir = temp();
    expect(() => openStore(path.join(dir, 'none.sqlite'), { readonly: true })).toThrow(/no such database/);
    const file = path.join(dir, 'office.sqlite');
    openStore(file).close();
    const ro = openStore(file, { readonly: true });
    expect(() => ro.db.exec('CREATE TABLE scratch (x INTEGER)')).toThrow(/readonly/);
    expect(ro.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0);
    ro.close();
  });
});
