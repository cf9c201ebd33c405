// 277CA line rejections (0015): each 2220D line a payer or clearinghouse rejected, on our line,
// with its reason in words (electron/receive/lineRejections.ts).
import { all, num, run, str, type Db } from './sql.ts';

export interface StoredLineRejection {
  claimId: string;
  line: number;
  reason: string;
  at: string;
}

export function insertLineRejection(db: Db, r: { claimId: string; line: number; position: number; reason: string }, o: { fileId: number; at: string }): void {
  run(db, 'INSERT INTO line_rejections (claim_id, line, file_id, position, reason, at) VALUES (?, ?, ?, ?, ?, ?)', r.claimId, r.line, o.fileId, r.position, r.reason, o.at);
}

/** The latest rejection of each line of these claims (all claims when absent), by claim then line. */
export function lineRejectionsOf(db: Db, claimIds?: readonly string[]): StoredLineRejection[] {
  return all(
    db,
    `SELECT r.claim_id, r.line, r.reason, r.at FROM line_rejections r
     WHERE (@ids IS NULL OR r.claim_id IN (SELECT value FROM json_each(@ids)))
       AND r.id = (SELECT max(x.id) FROM line_rejections x WHERE x.claim_id = r.claim_id AND x.line = r.line)
     ORDER BY r.claim_id, r.line`,
    { ids: claimIds ? JSON.stringify(claimIds) : null },
  ).map((r) => ({ claimId: str(r.claim_id), line: num(r.line), reason: str(r.reason), at: str(r.at) }));
}
