import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { listMigrations } from '../../db/migrate.ts';
import { openMemoryStore } from '../../db/open.ts';
import { AUDITED_DECISION_TABLES, AUDITED_TABLES, auditTriggersForTables, GENERATED_MARKER } from '../../electron/security/auditTriggers.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the audit triggers of migration 0004', () => {
  it('cover every table the office keeps in 0001_init.sql', () => {
    const db = new Database(':memory:');
    const init = listMigrations().find((m) => m.version === 1)!;
    db.exec(fs.readFileSync(init.file, 'utf8'));
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    expect([...AUDITED_TABLES].sort()).toEqual(tables);
  });

  it('list every column of the current schema (regenerate them in a new migration when a column is added)', () => {
    const store = openMemoryStore();
    const sql = fs.readFileSync(listMigrations().find((m) => m.version === 4)!.file, 'utf8');
    const generated = sql.slice(sql.indexOf(GENERATED_MARKER)).split('\n').filter((l) => !l.startsWith('--')).join('\n');
    expect(squash(generated)).toBe(squash(auditTriggersForTables(store.db, [...AUDITED_TABLES, ...AUDITED_DECISION_TABLES])));
    store.close();
  });

  it('exist in a migrated database, three per audited table', () => {
    const store = openMemoryStore();
    const names = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'`).pluck().all() as string[];
    for (const t of [...AUDITED_TABLES, ...AUDITED_DECISION_TABLES]) {
      expect(names).toEqual(expect.arrayContaining([`audit_${t}_insert`, `audit_${t}_update`, `audit_${t}_delete`]));
    }
    store.close();
  });
});
