// Optimistic concurrency for the records several people edit (a visit, a patient): a form sends
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

/** `field: before → after` for each column the change touched (a new record: its fields as made). */
export function describeChange(change: Pick<LastChange, 'entity' | 'before' | 'after'>): string[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const out: string[] = [];
  if (!change.after) return [change.entity === 'coverages' ? `coverage ${show(before.priority)} removed` : 'removed'];
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const label = change.entity === 'coverages' ? `coverage ${show(after.priority)} ${key}` : key;
    out.push(change.before ? `${label}: ${show(before[key])} → ${show(after[key])}` : `${label}: ${show(after[key])}`);
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
