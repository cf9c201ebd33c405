// The audit trail: append events, read them back with filters, export them. Rows are never
// updated or deleted (triggers in 0004_security.sql refuse it).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry, AuditFilter } from '../../electron/domain/audit.ts';

export type { AuditEntry, AuditFilter };

export interface AuditEvent {
  actor: string;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** defaults to the database clock */
  at?: string;
}


interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export function appendAudit(db: Database.Database, e: AuditEvent): number {
  const r = db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
       VALUES (coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.at ?? null, e.actor, e.action, e.entity ?? null, e.entityId ?? null, json(e.before), json(e.after));
  return Number(r.lastInsertRowid);
}

function toEntry(r: Row): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function where(f: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.actor) {
    clauses.push('actor = ?');
    params.push(f.actor);
  }
  if (f.action) {
    if (f.action.endsWith('*') || f.action.endsWith('.')) {
      clauses.push(`action LIKE ? ESCAPE '\\'`);
      params.push(f.action.replace(/\*$/, '').replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
    } else {
      clauses.push('action = ?');
      params.push(f.action);
    }
  }
  if (f.entity) {
    clauses.push('entity = ?');
    params.push(f.entity);
  }
  if (f.entityId) {
    clauses.push('entity_id = ?');
    params.push(f.entityId);
  }
  if (f.from) {
    clauses.push('at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    // a bare date includes the whole day: every timestamp of that day sorts below 'YYYY-MM-DDU'
    clauses.push('at < ?');
    params.push(DATE.test(f.to) ? `${f.to}U` : f.to);
  }
  if (f.text) {
    clauses.push(`(instr(coalesce(before, ''), ?) > 0 OR instr(coalesce(after, ''), ?) > 0)`);
    params.push(f.text, f.text);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Every read of one patient's data (phi.* rows naming the patient), oldest first: who saw it, when, through which request. */
export function patientAccess(db: Database.Database, patient: string): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log WHERE action LIKE 'phi.%'
         AND EXISTS (SELECT 1 FROM json_each(audit_log.after, '$.patients') p WHERE p.value = ?) ORDER BY id`,
    )
    .all(patient) as Row[];
  return rows.map(toEntry);
}

export function queryAudit(db: Database.Database, f: AuditFilter = {}): AuditEntry[] {
  const w = where(f);
  const order = f.order === 'asc' ? 'ASC' : 'DESC';
  const limit = Math.max(0, Math.min(f.limit ?? 500, 100_000));
  const rows = db
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY id ${order} LIMIT ? OFFSET ?`)
    .all(...w.params, limit, Math.max(0, f.offset ?? 0)) as Row[];
  return rows.map(toEntry);
}

export function countAudit(db: Database.Database, f: AuditFilter = {}): number {
  const w = where(f);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** Every matching row, oldest first, streamed in pages so a large trail does not sit in memory twice. */
function* allRows(db: Database.Database, f: AuditFilter): Generator<AuditEntry> {
  const w = where(f);
  const stmt = db.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY id ASC`);
  for (const r of stmt.iterate(...w.params) as Iterable<Row>) yield toEntry(r);
}

const CSV_HEADER = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'];

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // a leading = + - @ would run as a formula in a spreadsheet: quote it away (OWASP CSV injection)
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportAuditCsv(db: Database.Database, f: AuditFilter = {}): string {
  const lines = [CSV_HEADER.join(',')];
  for (const e of allRows(db, { ...f })) {
    lines.push(
      [e.id, e.at, e.actor, e.action, e.entity, e.entityId, json(e.before), json(e.after)].map(csvField).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export function exportAuditJson(db: Database.Database, f: AuditFilter = {}): string {
  return JSON.stringify([...allRows(db, { ...f })], null, 2) + '\n';
}
