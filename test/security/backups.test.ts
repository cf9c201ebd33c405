import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedVersions, listMigrations, setMigrationsDir } from '../../db/migrate.ts';
import { openStore } from '../../db/open.ts';
import { countPatients } from '../../db/repos/patients.ts';
import {
  backupNow,
  BackupError,
  defaultBackupDir,
  isBackupDue,
  listBackups,
  restoreBackup,
  runScheduledBackup,
} from '../../db/backups.ts';
import { generateDbKey } from '../../electron/security/keyring.ts';
import { storeKey } from '../../db/cipher.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { buildPeriod } from '../../electron/services/buildService.ts';
import { export837 } from '../../electron/services/export837.ts';
import { lastNumber } from '../../db/repos/batches.ts';
import type { Db } from '../../db/repos/sql.ts';
import { exampleDataset, tempDir } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  setMigrationsDir(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => new Date(iso);

function office(key?: string) {
  const dbPath = path.join(dir, 'perdiem.sqlite');
  const store = openStore(dbPath, key ? { key } : {});
  importDataset(store.db, exampleDataset());
  return { dbPath, store };
}

describe('backups', () => {
  it('are named by their time and listed newest first', () => {
    const { store } = office();
    const bdir = path.join(dir, 'backups');
    backupNow(store.db, bdir, at('2026-11-03T08:00:00.000Z'), { reason: 'daily' });
    backupNow(store.db, bdir, at('2026-11-05T08:00:00.250Z'), { reason: 'manual' });
    backupNow(store.db, bdir, at('2026-11-04T08:00:00.000Z'), { reason: 'daily' });
    store.close();
    expect(listBackups(bdir).map((b) => [b.name, b.at, b.reason])).toEqual([
      ['perdiem-20261105T080000250Z-manual.sqlite', '2026-11-05T08:00:00.250Z', 'manual'],
      ['perdiem-20261104T080000000Z-daily.sqlite', '2026-11-04T08:00:00.000Z', 'daily'],
      ['perdiem-20261103T080000000Z-daily.sqlite', '2026-11-03T08:00:00.000Z', 'daily'],
    ]);
    expect(fs.readdirSync(bdir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('keep only the newest N', () => {
    const { store } = office();
    const bdir = path.join(dir, 'backups');
    for (let d = 1; d <= 6; d++) backupNow(store.db, bdir, at(`2026-11-0${d}T23:00:00.000Z`), { reason: 'daily', keep: 3 });
    store.close();
    expect(listBackups(bdir).map((b) => b.at.slice(0, 10))).toEqual(['2026-11-06', '2026-11-05', '2026-11-04']);
    // each with the audit chain's head beside it, pruned with it
    expect(fs.readdirSync(bdir).sort()).toEqual(listBackups(bdir).flatMap((b) => [b.name, `${b.name}.audit-head`]).sort());
  });

  it('are due daily: not before the interval, at once when none exists or the clock went back', () => {
    const now = at('2026-11-05T09:00:00Z');
    expect(isBackupDue(null, now)).toBe(true);
    expect(isBackupDue('2026-11-04T09:00:01.000Z', now)).toBe(false);
    expect(isBackupDue('2026-11-04T09:00:00.000Z', now)).toBe(true);
    expect(isBackupDue('2026-11-05T08:00:00.000Z', now, 1)).toBe(true);
    expect(isBackupDue('2026-11-06T09:00:00.000Z', now)).toBe(true);
  });

  it('run on schedule once a day', () => {
    const { store } = office();
    const bdir = path.join(dir, 'backups');
    const settings = { backupIntervalHours: 24, backupKeep: 5 };
    expect(runScheduledBackup(store.db, bdir, at('2026-11-05T09:00:00Z'), settings)?.reason).toBe('daily');
    expect(runScheduledBackup(store.db, bdir, at('2026-11-05T20:00:00Z'), settings)).toBeNull();
    expect(runScheduledBackup(store.db, bdir, at('2026-11-06T09:00:00Z'), settings)?.at).toBe('2026-11-06T09:00:00.000Z');
    store.close();
    expect(listBackups(bdir)).toHaveLength(2);
  });

  it('are taken before a migration changes an existing database', () => {
    const only1 = path.join(dir, 'm1');
    fs.mkdirSync(only1);
    const first = listMigrations()[0]!;
    fs.copyFileSync(first.file, path.join(only1, path.basename(first.file)));
    const dbPath = path.join(dir, 'perdiem.sqlite');
    setMigrationsDir(only1);
    openStore(dbPath).close();
    setMigrationsDir(undefined);
    expect(listBackups(defaultBackupDir(dbPath))).toEqual([]);
    openStore(dbPath).close();
    const taken = listBackups(defaultBackupDir(dbPath));
    expect(taken.map((b) => b.reason)).toEqual(['pre-migration']);
    const s = openStore(taken[0]!.file, { readonly: true });
    expect(appliedVersions(s.db)).toEqual([1]);
    s.close();
    // nothing pending now: no more backups
    openStore(dbPath).close();
    expect(listBackups(defaultBackupDir(dbPath))).toHaveLength(1);
  });

  it('restore an encrypted backup over the database, keeping the replaced one', () => {
    const key = storeKey(generateDbKey());
    const { dbPath, store } = office(key);
    const b = backupNow(store.db, path.join(dir, 'backups'), at('2026-11-05T09:00:00Z'));
    store.db.prepare('DELETE FROM visits').run();
    store.close();
    const r = restoreBackup(b.file, dbPath, key, { now: at('2026-11-05T10:00:00Z') });
    expect(r.version).toBe(listMigrations().at(-1)!.version);
    expect(path.basename(r.previous!)).toBe('perdiem-20261105T100000000Z-pre-restore.sqlite');
    const s = openStore(dbPath, { key });
    expect((s.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n).toBe(3);
    s.close();
    const prev = openStore(r.previous!, { key, readonly: true });
    expect((prev.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n).toBe(0);
    prev.close();
  });

  it('refuse to restore a corrupt file, a backup with the wrong key, or one from a newer app, leaving the database alone', () => {
    const key = storeKey(generateDbKey());
    const { dbPath, store } = office(key);
    const b = backupNow(store.db, path.join(dir, 'backups'), at('2026-11-05T09:00:00Z'));
    store.close();
    const before = fs.readFileSync(dbPath);

    const corrupt = path.join(dir, 'corrupt.sqlite');
    const bytes = fs.readFileSync(b.file);
    for (let i = 4096 * 2; i < 4096 * 3; i++) bytes[i] = (bytes[i]! ^ 0x5a) & 0xff;
    fs.writeFileSync(corrupt, bytes);
    expect(() => restoreBackup(corrupt, dbPath, key)).toThrow(BackupError);
    expect(() => restoreBackup(b.file, dbPath, storeKey(generateDbKey()))).toThrow(/wrong key/);
    expect(() => restoreBackup(path.join(dir, 'missing.sqlite'), dbPath, key)).toThrow(/no such backup/);

    const newer = openStore(b.file, { key });
    newer.db.prepare('INSERT INTO schema_migrations (version, name) VALUES (9999, ?)').run('future');
    newer.close();
    expect(() => restoreBackup(b.file, dbPath, key)).toThrow(/newer than this app/);

    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    const s = openStore(dbPath, { key });
    expect(countPatients(s.db)).toBe(2);
    s.close();
  });

  it('refuse to run inside a transaction', () => {
    const { store } = office();
    expect(() => store.db.transaction(() => backupNow(store.db, path.join(dir, 'b'), new Date()))()).toThrow(/inside a transaction/);
    store.close();
  });

  describe('and the 837 control numbers', () => {
    const TODAY = { today: '2026-11-05' };
    /** builds the dates and exports the drafts of one payer; returns the file's ISA13 and batch id */
    function buildAndExport(db: Db, from: string, to: string, payer: string): string {
      buildPeriod(db, { from, to }, TODAY);
      const r = export837(db, { from, to, payer, acceptWarnings: true }, { now: `${TODAY.today}T09:00:00` });
      const isa = r.bytes.toString('latin1').split('~')[0]!.split('*')[13]!;
      expect(isa).toBe(r.interchangeControlNumber);
      return `${isa} ${r.batchId}`;
    }

    it('are never reused after restoring an older backup: export, backup, export, restore, export give three ISA13s', () => {
      const key = storeKey(generateDbKey());
      const { dbPath, store } = office(key);
      const bdir = path.join(dir, 'backups');
      const first = buildAndExport(store.db, '2026-10-01', '2026-10-05', 'bcbstx');
      const older = backupNow(store.db, bdir, at('2026-11-05T09:30:00Z'));
      const second = buildAndExport(store.db, '2026-10-06', '2026-10-31', 'bcbstx');
      store.close();

      const r = restoreBackup(older.file, dbPath, key, { now: at('2026-11-05T10:00:00Z') });
      expect(r.counters).toEqual({ batch: 2, interchange: 2 });
      const s = openStore(dbPath, { key });
      // the backup's own records are back: the second export's claims are gone, so they go out again
      expect((s.db.prepare("SELECT count(*) AS n FROM batches WHERE kind = '837'").get() as { n: number }).n).toBe(1);
      const third = buildAndExport(s.db, '2026-10-06', '2026-10-31', 'bcbstx');
      s.close();
      expect([first, second, third]).toEqual(['000000001 B000001', '000000002 B000002', '000000003 B000003']);
    });

    it('carry forward the highest number of any backup beside the database when the live one is gone', () => {
      const key = storeKey(generateDbKey());
      const { dbPath, store } = office(key);
      const bdir = path.join(dir, 'backups');
      const older = backupNow(store.db, bdir, at('2026-11-05T09:00:00Z'));
      buildAndExport(store.db, '2026-10-01', '2026-10-31', 'bcbstx');
      buildAndExport(store.db, '2026-10-01', '2026-10-31', 'allways');
      backupNow(store.db, bdir, at('2026-11-05T09:30:00Z'), { reason: 'daily' });
      store.close();
      for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });

      expect(restoreBackup(older.file, dbPath, key).counters).toEqual({ batch: 2, interchange: 2 });
      const s = openStore(dbPath, { key });
      expect([lastNumber(s.db, 'batch'), lastNumber(s.db, 'interchange')]).toEqual([2, 2]);
      expect(buildAndExport(s.db, '2026-10-01', '2026-10-31', 'bcbstx')).toBe('000000003 B000003');
      s.close();
    });
  });
});
