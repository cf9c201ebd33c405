// The version of a record people edit at the same time (a visit, a patient, a therapy): how many changes
// the audit trail holds for it. The audit triggers (0004_security.sql) write one row per insert
// and per update that changes something, with the actor and the time, so the trail already is
// each record's history: counting it gives a version that moves exactly when the record changes,
// and its newest row says who changed it, when, and what. No column is added to the audited tables
// (their generated triggers list every column) and no second counter can drift from the trail.
import { all, one, str, num, type Db } from './sql.ts';

/** The records that carry a version, with the audited tables whose rows belong to one of them. */
const FAMILIES = {
  visits: { table: 'visits', parts: [] as string[] },
  // a patient's coverages are part of the patient form: a coverage changed elsewhere is a change of the patient
  patients: { table: 'patients', parts: ['coverages'] },
  dispenses: { table: 'dispenses', parts: [] as string[] },
  // a therapy's holds, doses, diagnoses, authorizations (with their units) and drugs are part of the therapy form
  therapies: { table: 'therapies', parts: ['therapy_holds', 'therapy_doses', 'therapy_diagnoses', 'prior_auths', 'prior_auth_units', 'therapy_drugs'] },
} as const;

export type VersionedEntity = keyof typeof FAMILIES;

export interface LastChange {
  version: number;
  /** the audit actor of the newest change (a user name, `token:LABEL`, `system`) */
  by: string;
  at: string;
  /** the audited table the change was made to (the patient itself or one of its coverages) */
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// A part's rows are keyed `<record id>:<…>` (coverages: patient_id:priority); the range
// [id ':', id ';') holds exactly those keys and reads the audit_log_entity index.
const WHERE = `(entity = @table AND entity_id = @id) OR (entity IN (SELECT value FROM json_each(@parts)) AND entity_id >= @id || ':' AND entity_id < @id || ';')`;

function params(entity: VersionedEntity, id: string) {
  const f = FAMILIES[entity];
  return { table: f.table, id, parts: JSON.stringify(f.parts) };
}

/** The record's version: 0 for a record the trail never saw (made before the trail existed, or not at all). */
export function versionOf(db: Db, entity: VersionedEntity, id: string): number {
  return num(one(db, `SELECT count(*) AS n FROM audit_log WHERE action IN ('create', 'update', 'delete') AND (${WHERE})`, params(entity, id))!.n);
}

/** The versions of many records of one kind (a list screen), in one read; a record without changes is 0. */
export function versionsOf(db: Db, entity: 'visits' | 'dispenses', ids: readonly string[]): Map<string, number> {
  const out = new Map<string, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return out;
  const rows = all(
    db,
    `SELECT entity_id AS id, count(*) AS n FROM audit_log
     WHERE entity = ? AND action IN ('create', 'update', 'delete') AND entity_id IN (SELECT value FROM json_each(?))
     GROUP BY entity_id`,
    FAMILIES[entity].table,
    JSON.stringify(ids),
  );
  for (const r of rows) out.set(str(r.id), num(r.n));
  return out;
}

const parse = (v: unknown): Record<string, unknown> | null => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : null);

/** The newest change of the record (a coverage removed counts) and its version, or null when the trail has none. */
export function lastChange(db: Db, entity: VersionedEntity, id: string): LastChange | null {
  const r = one(
    db,
    `SELECT actor, at, entity, before, after FROM audit_log WHERE action IN ('create', 'update', 'delete') AND (${WHERE}) ORDER BY id DESC LIMIT 1`,
    params(entity, id),
  );
  if (!r) return null;
  return { version: versionOf(db, entity, id), by: str(r.actor), at: str(r.at), entity: str(r.entity), before: parse(r.before), after: parse(r.after) };
}
