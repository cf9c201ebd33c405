// Optimistic concurrency for the records several people edit (a visit, a patient, a therapy): a form sends
// the version it started from, and a save over a newer change is refused with who made that
// change, when, and what it changed, so the person can reload and make theirs again without
// silently undoing someone else's. The check runs inside the save's transaction (and the
// registry runs one request at a time per office), so no change can slip in between.
import { lastChange, type LastChange, type VersionedEntity } from '../../db/repos/versions.ts';
import type { Db } from '../../db/repos/sql.ts';
import { UserError } from '../domain/errors.ts';

/** A save refused because the record changed since the form was opened; maps to `code: 'conflict'`. */
export class ConflictError extends UserError {
  constructor(
    message: string,
    details: string[],
    readonly change: LastChange,
  ) {
    super(message, details);
    this.name = 'ConflictError';
  }
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '(blank)' : typeof v === 'string' ? v : JSON.stringify(v));

/** A therapy part row's position, counted from 1 as the form shows it. */
const nth = (row: Record<string, unknown>, key: string): string => (typeof row[key] === 'number' ? String(row[key] + 1) : '?');

/** How a part of a record is named in a conflict ("coverage 2", "hold 1"); null for the record itself. */
function partLabel(entity: string, row: Record<string, unknown>): string | null {
  switch (entity) {
    case 'coverages':
      return `coverage ${show(row.priority)}`;
    case 'therapy_holds':
      return `hold ${nth(row, 'seq')}`;
    case 'therapy_doses':
      return `dose change ${nth(row, 'seq')}`;
    case 'therapy_diagnoses':
      return `diagnosis ${nth(row, 'seq')}`;
    case 'prior_auths':
      return `authorization ${nth(row, 'seq')}`;
    case 'prior_auth_units':
      return `authorization ${nth(row, 'auth_seq')} ${show(row.code)}`;
    case 'therapy_drugs':
      return `drug ${nth(row, 'seq')}`;
    default:
      return null;
  }
}

/** the columns that only place a therapy's part row (its label says which row it is) */
const PLACING = new Set(['therapy_id', 'seq', 'auth_seq']);

/** `field: before → after` for each column the change touched (a new record: its fields as made). */
export function describeChange(change: Pick<LastChange, 'entity' | 'before' | 'after'>): string[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const out: string[] = [];
  const label = partLabel(change.entity, change.after ?? before);
  if (!change.after) return [label ? `${label} removed` : 'removed'];
  const therapyPart = change.entity !== 'coverages' && label !== null;
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (therapyPart && PLACING.has(key)) continue;
    const field = label ? `${label} ${key}` : key;
    out.push(change.before ? `${field}: ${show(before[key])} → ${show(after[key])}` : `${field}: ${show(after[key])}`);
  }
  return out;
}

/** "2026-11-05 09:14" from the trail's UTC time */
const when = (at: string): string => at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z?$/, '') + (at.endsWith('Z') ? ' UTC' : '');

/**
 * Refuses the save when `expected` (the version the form started from) is not the record's
 * current version. `expected` undefined: a caller that does not know versions (an import, an
 * older script) saves as before.
 */
export function requireVersion(db: Db, entity: VersionedEntity, id: string, expected: number | undefined, label: string): void {
  if (expected === undefined) return;
  const change = lastChange(db, entity, id);
  const current = change?.version ?? 0;
  if (current === expected) return;
  if (!change) throw new UserError(`${label} was not saved: it has no history to compare with (version ${expected} expected)`);
  throw new ConflictError(
    `${label} was not saved: ${change.by} changed it at ${when(change.at)}, after you opened it. Reload it to see their change, then make yours again.`,
    describeChange(change),
    change,
  );
}
