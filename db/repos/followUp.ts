// What the follow-up of unanswered claims reads (0015, electron/services/followUp.ts): the office's
// limits in days, and per sent claim when it went out and which answers came for it.
import type { FollowUpDays } from '../../electron/domain/receivables.ts';
import { STATUS_SQL } from './claimStates.ts';
import { all, num, one, run, str, strOrNull, type Db } from './sql.ts';

export function followUpDays(db: Db): FollowUpDays {
  const r = one(db, 'SELECT * FROM follow_up_days WHERE id = 1')!;
  return { syntaxDays: num(r.syntax_days), acceptanceDays: num(r.acceptance_days), remittanceDays: num(r.remittance_days) };
}

export function saveFollowUpDays(db: Db, d: FollowUpDays): void {
  run(db, 'UPDATE follow_up_days SET syntax_days = ?, acceptance_days = ?, remittance_days = ? WHERE id = 1', d.syntaxDays, d.acceptanceDays, d.remittanceDays);
}

export interface SentClaimAnswers {
  id: string;
  patient: string;
  payer: string;
  status: string;
  exportedAt: string;
  /** the batch it went out in */
  batch: string | null;
  statusAt: string | null;
  /** a 999 or TA1 answered for it since it went out */
  syntaxAnswered: boolean;
  /** a 277CA answered for it */
  acceptanceAnswered: boolean;
  /** an 835 posted for it */
  remitted: boolean;
  /** it went out on a printed CMS-1500 batch: no 999 or 277CA will ever answer it */
  paper: boolean;
}

/** Claims waiting for an answer (exported or accepted), with what has come for them since they went out. */
export function sentClaimAnswers(db: Db): SentClaimAnswers[] {
  return all(
    db,
    `SELECT c.id, c.patient_id, c.payer_id, ${STATUS_SQL} AS shown_status, c.exported_at, c.batch_id, c.status_at,
       EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id AND e.kind IN ('999', 'TA1') AND e.at >= c.exported_at) AS syntax,
       EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id AND e.kind = '277CA' AND e.at >= c.exported_at) AS acceptance,
       EXISTS (SELECT 1 FROM remit_postings p WHERE p.claim_id = c.id) AS remitted,
       EXISTS (SELECT 1 FROM batches b WHERE b.id = c.batch_id AND b.kind = 'pdf') AS paper
     FROM claims c
     WHERE c.status IN ('exported', 'accepted') AND c.reversed = 0 AND c.exported_at IS NOT NULL
     ORDER BY c.exported_at, c.id`,
  ).map((r) => ({
    id: str(r.id), patient: str(r.patient_id), payer: str(r.payer_id), status: str(r.shown_status), exportedAt: str(r.exported_at), batch: strOrNull(r.batch_id),
    statusAt: strOrNull(r.status_at), syntaxAnswered: num(r.syntax) === 1, acceptanceAnswered: num(r.acceptance) === 1, remitted: num(r.remitted) === 1,
    paper: num(r.paper) === 1,
  }));
}
