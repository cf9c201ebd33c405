// What became of the next payer of each claim (0012_secondary_claims.sql, R-CO-1, issue 13 item 6):
// a secondary drafted, nothing due and why, a follower held or voided after a reversal. Kept with
// the claim whose payer answered, so the workbench can say it beside the claim.
import type { ClaimFollowup, FollowupKind } from '../../electron/domain/followups.ts';
import { all, num, run, str, strOrNull, type Db, type Row } from './sql.ts';

const followupOf = (r: Row): ClaimFollowup => ({
  id: num(r.id), claimId: str(r.claim_id), at: str(r.at), kind: str(r.kind) as FollowupKind, followerId: strOrNull(r.follower_id), message: str(r.message),
});

export function insertFollowup(db: Db, f: Omit<ClaimFollowup, 'id'>): void {
  run(db, 'INSERT INTO claim_followups (claim_id, at, kind, follower_id, message) VALUES (?, ?, ?, ?, ?)', f.claimId, f.at, f.kind, f.followerId, f.message);
}

/** The follow-ups about these claims (as the answered claim or as the follower), oldest first. */
export function followupsOf(db: Db, claimIds: readonly string[]): ClaimFollowup[] {
  if (claimIds.length === 0) return [];
  return all(
    db,
    `SELECT * FROM claim_followups WHERE claim_id IN (SELECT value FROM json_each(?)) OR follower_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    JSON.stringify(claimIds), JSON.stringify(claimIds),
  ).map(followupOf);
}

/** The claims drafted after each of these (primary_claim_id), in id order. */
export function followerIds(db: Db, claimId: string): string[] {
  return all(db, 'SELECT id FROM claims WHERE primary_claim_id = ? ORDER BY id', claimId).map((r) => str(r.id));
}

/** A follower that is still a draft, removed before the next payer's claim is drafted anew (never sent, nothing refers to it). */
export function deleteDraftFollower(db: Db, id: string): void {
  run(db, `DELETE FROM claims WHERE id = ? AND status = 'draft' AND primary_claim_id IS NOT NULL`, id);
}

/**
 * R-CO-4: the claims whose balance went on to a later payer: a follower that is not void,
 * rejected or superseded (by its void) stands for them.
 */
export function claimsBilledOn(db: Db): Set<string> {
  return new Set(
    all(db, `SELECT DISTINCT primary_claim_id AS id FROM claims WHERE primary_claim_id IS NOT NULL AND status NOT IN ('void', 'rejected') AND superseded_by IS NULL`).map((r) => str(r.id)),
  );
}

/** primary claim id → the claims that follow it, for a list of rows (one query). */
export function followerMap(db: Db): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of all(db, 'SELECT id, primary_claim_id FROM claims WHERE primary_claim_id IS NOT NULL ORDER BY id')) {
    const p = str(r.primary_claim_id);
    m.set(p, [...(m.get(p) ?? []), str(r.id)]);
  }
  return m;
}

/** Of these claims, those whose patient has a coverage after the claim's priority (one query: posting asks for every claim it posts). */
export function claimsWithLaterCoverage(db: Db, claimIds: readonly string[]): Set<string> {
  if (claimIds.length === 0) return new Set();
  return new Set(
    all(
      db,
      `SELECT c.id FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))
         AND EXISTS (SELECT 1 FROM coverages v WHERE v.patient_id = c.patient_id AND v.priority > c.coverage_priority)`,
      JSON.stringify(claimIds),
    ).map((r) => str(r.id)),
  );
}
