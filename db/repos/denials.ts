// The biller's work on denied and rejected claims (assignee, notes, follow-up, state) and
// write-offs: an adjustment of the office's own, reversed by a later mark, never deleted.
import { all, num, run, str, strOrNull, type Db } from './sql.ts';

export type DenialState = 'open' | 'written-off' | 'resubmitted';

export interface DenialWork {
  claimId: string;
  assignee: string | null;
  notes: string;
  followUp: string | null;
  state: DenialState;
  resubmittedAs: string | null;
  updatedAt: string;
}

export function denialWork(db: Db): Map<string, DenialWork> {
  return new Map(all(db, 'SELECT * FROM denial_work').map((r) => [str(r.claim_id), {
    claimId: str(r.claim_id), assignee: strOrNull(r.assignee), notes: str(r.notes), followUp: strOrNull(r.follow_up),
    state: str(r.state) as DenialState, resubmittedAs: strOrNull(r.resubmitted_as), updatedAt: str(r.updated_at),
  }]));
}

/** Sets the fields given (undefined leaves a field as it is). */
export function saveDenialWork(
  db: Db, claimId: string, at: string,
  f: { assignee?: string | null; notes?: string; followUp?: string | null; state?: DenialState; resubmittedAs?: string | null },
): void {
  run(db, `INSERT INTO denial_work (claim_id, updated_at) VALUES (?, ?) ON CONFLICT (claim_id) DO NOTHING`, claimId, at);
  run(
    db,
    `UPDATE denial_work SET
       assignee = CASE WHEN @setAssignee THEN @assignee ELSE assignee END,
       notes = coalesce(@notes, notes),
       follow_up = CASE WHEN @setFollowUp THEN @followUp ELSE follow_up END,
       state = coalesce(@state, state),
       resubmitted_as = coalesce(@resubmittedAs, resubmitted_as),
       updated_at = @at
     WHERE claim_id = @claimId`,
    {
      claimId, at, setAssignee: f.assignee === undefined ? 0 : 1, assignee: f.assignee ?? null, notes: f.notes ?? null,
      setFollowUp: f.followUp === undefined ? 0 : 1, followUp: f.followUp ?? null, state: f.state ?? null, resubmittedAs: f.resubmittedAs ?? null,
    },
  );
}

export interface WriteOff {
  id: number;
  claimId: string;
  openCents: number;
  deniedCents: number;
  reason: string;
  at: string;
  by: string;
  reversedAt: string | null;
}

export function insertWriteOff(db: Db, w: Omit<WriteOff, 'id' | 'reversedAt'>): number {
  const r = db.prepare('INSERT INTO write_offs (claim_id, open_cents, denied_cents, reason, at, by_user) VALUES (?, ?, ?, ?, ?, ?)').run(w.claimId, w.openCents, w.deniedCents, w.reason, w.at, w.by);
  return Number(r.lastInsertRowid);
}

export function reverseWriteOff(db: Db, id: number, by: string, at: string): WriteOff | null {
  const changed = db.prepare('UPDATE write_offs SET reversed_at = ?, reversed_by = ? WHERE id = ? AND reversed_at IS NULL').run(at, by, id).changes;
  if (changed !== 1) return null;
  return writeOffs(db).find((w) => w.id === id) ?? null;
}

export function writeOffs(db: Db, o: { activeOnly?: boolean } = {}): WriteOff[] {
  return all(db, `SELECT * FROM write_offs WHERE (? = 0 OR reversed_at IS NULL) ORDER BY id`, o.activeOnly ? 1 : 0).map((r) => ({
    id: num(r.id), claimId: str(r.claim_id), openCents: num(r.open_cents), deniedCents: num(r.denied_cents), reason: str(r.reason),
    at: str(r.at), by: str(r.by_user), reversedAt: strOrNull(r.reversed_at),
  }));
}

