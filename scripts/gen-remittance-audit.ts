// Regenerates the audit triggers at the end of db/migrations/0007_remittances.sql from the schema
// as migrated up to that file (run after changing an audited remittance table).
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { listMigrations } from '../db/migrate.ts';
import { registerActorFunction } from '../db/actor.ts';
import { auditTriggersForTables } from '../electron/security/auditTriggers.ts';
import { AUDITED_REMITTANCE_TABLES, REMITTANCE_MARKER } from '../electron/security/remittanceAudit.ts';

const migrations = listMigrations();
const target = migrations.find((m) => m.version === 7)!;
const text = fs.readFileSync(target.file, 'utf8');
const head = text.slice(0, text.indexOf(REMITTANCE_MARKER));
const db = new Database(':memory:');
registerActorFunction(db);
for (const m of migrations.filter((x) => x.version < 7)) db.exec(fs.readFileSync(m.file, 'utf8'));
db.exec(head);
fs.writeFileSync(target.file, `${head}${REMITTANCE_MARKER}\n${auditTriggersForTables(db, AUDITED_REMITTANCE_TABLES)}`);
console.log(`wrote ${target.file}`);
