// Generates the audit triggers of a data table from its columns, so that migration 0004 can be
// written (and checked by test/security/auditTriggers.test.ts) against the real schema: every
// column appears in the before/after JSON, and an UPDATE that changes nothing records nothing.
import type Database from 'better-sqlite3-multiple-ciphers';

/** The tables of 0001_init.sql whose every change is recorded: patient data and the office's settings. */
export const AUDITED_TABLES = [
  'organization',
  'clearinghouse',
  'charge_master',
  'payers',
  'payer_fees',
  'prescribers',
  'nurses',
  'products',
  'patients',
  'coverages',
  'therapies',
  'therapy_holds',
  'therapy_doses',
  'therapy_diagnoses',
  'prior_auths',
  'prior_auth_units',
  'therapy_drugs',
  'dispenses',
  'visits',
] as const;

/**
 * Tables of later migrations whose rows are a person's decision: a biller's acknowledgement of a
 * claim's warnings (0004), a patient's payment and its void with where the money went (0016).
 */
export const AUDITED_DECISION_TABLES = ['claim_warning_acks', 'patient_payments', 'patient_payment_applications'] as const;

/** Marks the generated part of 0004_security.sql; the test compares what follows with auditTriggersForTables(). */
export const GENERATED_MARKER = '-- BEGIN GENERATED audit triggers';

interface Column {
  name: string;
  type: string;
  pk: number;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function tableColumns(db: Database.Database, table: string): Column[] {
  const cols = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as Column[];
  if (cols.length === 0) throw new Error(`no table ${table}`);
  return cols;
}

function jsonOf(row: 'NEW' | 'OLD', cols: Column[]): string {
  // JSON cannot hold BLOBs: hex them
  const parts = cols.map((c) => {
    const ref = `${row}.${q(c.name)}`;
    return `${lit(c.name)}, ${/BLOB/i.test(c.type) ? `hex(${ref})` : ref}`;
  });
  return `json_object(${parts.join(', ')})`;
}

function idOf(row: 'NEW' | 'OLD', cols: Column[]): string {
  const keys = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (keys.length === 0) return `${row}.rowid`;
  return keys.map((c) => `${row}.${q(c.name)}`).join(` || ':' || `);
}

/** The three triggers of one table, as SQL text ending in newlines. */
export function auditTriggersSql(table: string, cols: Column[]): string {
  const t = q(table);
  const name = (op: string) => q(`audit_${table}_${op}`);
  const changed = cols.map((c) => `OLD.${q(c.name)} IS NOT NEW.${q(c.name)}`).join(' OR ');
  const insert = (action: string, id: string, before: string, after: string) =>
    `  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)\n` +
    `  VALUES (perdiem_actor(), '${action}', ${lit(table)}, ${id}, ${before}, ${after});\n`;
  return (
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${t}\nBEGIN\n` +
    insert('create', idOf('NEW', cols), 'NULL', jsonOf('NEW', cols)) +
    `END;\n` +
    `CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${t}\nWHEN ${changed}\nBEGIN\n` +
    insert('update', idOf('NEW', cols), jsonOf('OLD', cols), jsonOf('NEW', cols)) +
    `END;\n` +
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${t}\nBEGIN\n` +
    insert('delete', idOf('OLD', cols), jsonOf('OLD', cols), 'NULL') +
    `END;\n`
  );
}

export function auditTriggersForTables(db: Database.Database, tables: readonly string[]): string {
  return tables.map((t) => auditTriggersSql(t, tableColumns(db, t))).join('\n');
}
