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
    // each table's triggers as the latest migration that generated them wrote them (0004, then e.g. 0008)
    const latest = new Map<string, string>();
    for (const m of listMigrations()) {
      const sql = fs.readFileSync(m.file, 'utf8');
      if (!sql.includes(GENERATED_MARKER)) continue;
      const generated = sql.slice(sql.indexOf(GENERATED_MARKER)).split('\n').filter((l) => !l.startsWith('--')).join('\n');
      for (const block of generated.split(/(?=CREATE TRIGGER "audit_\w+_insert")/)) {
        const table = /^CREATE TRIGGER "audit_(\w+)_insert"/.exec(block.trim())?.[1];
        if (table) latest.set(table, squash(block));
      }
    }
    const store = openMemoryStore();
    for (const table of [...AUDITED_TABLES, ...AUDITED_DECISION_TABLES]) {
      expect(latest.get(table), table).toBe(squash(auditTriggersForTables(store.db, [table])));
    }
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
