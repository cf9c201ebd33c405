import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listMigrations } from '../../db/migrate.ts';
import { openMemoryStore } from '../../db/open.ts';
import { auditTriggersForTables } from '../../electron/security/auditTriggers.ts';
import { AUDITED_REMITTANCE_TABLES, REMITTANCE_MARKER } from '../../electron/security/remittanceAudit.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the audit triggers of migration 0007 (remittance decisions)', () => {
  it('list every column of the current schema (npx tsx scripts/gen-remittance-audit.ts regenerates them)', () => {
    const store = openMemoryStore();
    const sql = fs.readFileSync(listMigrations().find((m) => m.version === 7)!.file, 'utf8');
    const generated = sql.slice(sql.indexOf(REMITTANCE_MARKER)).split('\n').filter((l) => !l.startsWith('--')).join('\n');
    expect(squash(generated)).toBe(squash(auditTriggersForTables(store.db, AUDITED_REMITTANCE_TABLES)));
    store.close();
  });

  it('exist in a migrated database, three per audited table', () => {
    const store = openMemoryStore();
    const names = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'`).pluck().all() as string[];
    for (const t of AUDITED_REMITTANCE_TABLES) expect(names).toEqual(expect.arrayContaining([`audit_${t}_insert`, `audit_${t}_update`, `audit_${t}_delete`]));
    store.close();
  });
});
