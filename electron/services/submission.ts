// submission: which claims of a selection may go out to a payer. An 837P file and a printed
// CMS-1500 batch are both submissions, so both exporters choose their claims here, by the same
// rules: a draft, not already sent as an original in a batch of either kind (replacements and
// voids may follow; 0005_pdf_batches.sql), and R-CL-11.
import type { Claim } from '../domain/claims.ts';
import type { IsoDate } from '../domain/types.ts';
import { exportGate } from '../claims/index.ts';
import { loadClaimsForExport, type StoredClaim } from '../../db/repos/claims.ts';
import { submittedOriginals } from '../../db/repos/batches.ts';
import type { Db } from '../../db/repos/sql.ts';

export interface SubmissionSelection {
  from?: IsoDate;
  to?: IsoDate;
  /** our payer id (payers[].id) */
  payer?: string;
  /** R-CL-11: send claims whose warnings nobody acknowledged */
  acceptWarnings?: boolean;
  /** only these claims (still subject to every check) */
  claimIds?: string[];
}

/** A claim that is not sent, and why. */
export interface LeftOut {
  claim: string;
  reason: string;
}

export interface Candidate {
  claim: StoredClaim;
  /** why the claim cannot go out as a submission, or null */
  refusal: string | null;
}

/** File order that does not depend on how the database returned the rows. */
function bySubmissionOrder(a: Claim, b: Claim): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.payer, b.payer) || cmp(a.patient, b.patient) || cmp(a.periodFrom, b.periodFrom) || cmp(a.id, b.id);
}

/** Why a claim cannot go out (status, one original per claim, R-CL-11), or null. */
function refusal(c: StoredClaim, acceptWarnings: boolean, sent: Map<string, string>): string | null {
  const sentIn = sent.get(c.id) ?? c.batchId;
  if (c.status !== 'draft') return `${c.status}${sentIn ? ` in batch ${sentIn}` : ''}, not a draft`;
  if (sentIn && c.frequency === '1') return `already exported in batch ${sentIn}`;
  const decision = exportGate(c.findings, c.warningsAcknowledged || acceptWarnings);
  if (decision.ok) return null;
  const onlyWarnings = !c.findings.some((f) => f.severity === 'error');
  return `R-CL-11 ${decision.reason}${onlyWarnings ? ' (acknowledge the warnings or use --accept-warnings)' : ''}`;
}

/**
 * The claims of a selection in file order, each with the reason it cannot be submitted (or null).
 * Call inside the transaction that records the batch, so the choice and the record agree.
 */
export function submissionCandidates(db: Db, selection: SubmissionSelection): Candidate[] {
  const claims = loadClaimsForExport(db, {
    ...(selection.from ? { from: selection.from } : {}),
    ...(selection.to ? { to: selection.to } : {}),
    ...(selection.payer ? { payer: selection.payer } : {}),
    ...(selection.claimIds ? { ids: selection.claimIds } : {}),
  }).sort(bySubmissionOrder);
  const sent = submittedOriginals(db, claims.map((c) => c.id));
  return claims.map((claim) => ({ claim, refusal: refusal(claim, selection.acceptWarnings === true, sent) }));
}
