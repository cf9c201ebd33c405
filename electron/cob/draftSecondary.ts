// R-CO-1: after a payer's remittance is posted, is a claim to the next payer due, and what is it?
// Pure: the claim, its postings, the patient and the payers in; a decision and a draft out.
import type { Claim } from '../domain/claims.ts';
import type { PriorPayerAdjudication } from '../domain/priorPayers.ts';
import type { Coverage, Patient, Payer } from '../domain/types.ts';
import type { ClaimPosting } from '../domain/postings.ts';
import type { RemitClaim } from '../domain/remittance.ts';
import { adjudicationOf, standingPayment } from './adjudication.ts';
import { secondaryBalanceProblems } from './balance.ts';
import { nextCoverage } from './nextCoverage.ts';
import { openToNextPayer } from './openAmount.ts';

/** CLM01 holds 14 characters (R-CL-7); a `-<priority>` suffix keeps the next payer's 835 on this claim (cob.md §8). */
const CLAIM_ID_MAX = 14;

export interface DraftSecondaryInput {
  /** the claim the payer adjudicated (a primary, or a secondary for the tertiary) */
  claim: Claim;
  /** every posting of that claim, payments and reversals */
  postings: readonly ClaimPosting[];
  /** the CLP as read, so 2430 SVD03 carries the procedure as adjudicated */
  remitClaim?: RemitClaim | null;
  patient: Patient;
  payers: readonly Payer[];
  /** the new claim's id; default `<claim id without -n>-<priority>` */
  newClaimId?: string;
}

export type DraftSecondaryResult =
  /** a claim to the next payer, balanced (R-CO-2) */
  | { kind: 'draft'; claim: Claim; openCents: number }
  /** R-CO-3: the next payer bills its own code set after Medicare: build with `draftOwnCodesSecondary` */
  | { kind: 'ownCodes'; coverage: Coverage; adjudication: PriorPayerAdjudication; openCents: number }
  | { kind: 'none'; reason: string };

/** CLP02 values that are an adjudication the next payer coordinates with (835.md §4). */
const ADJUDICATED = new Set(['1', '2', '3']);

export function secondaryClaimId(claim: Claim, priority: number): string {
  const base = claim.primaryClaim ? claim.id.replace(/-\d$/, '') : claim.id;
  return `${base.slice(0, CLAIM_ID_MAX - 2)}-${priority}`;
}

/** R-CO-1: the next payer's claim, or why none is due. */
export function draftSecondary(input: DraftSecondaryInput): DraftSecondaryResult {
  const { claim, patient } = input;
  const posting = standingPayment(input.postings.filter((p) => p.claimId === claim.id));
  if (!posting) return { kind: 'none', reason: `claim ${claim.id} has no standing payment from ${claim.payer} (none yet, or it was reversed)` };
  if (posting.statusCode === '19' || posting.statusCode === '20' || posting.statusCode === '21') {
    return { kind: 'none', reason: `${claim.payer} forwarded claim ${claim.id} to the next payer itself (CLP02 ${posting.statusCode}); wait for that payer's remittance` };
  }
  if (!ADJUDICATED.has(posting.statusCode)) {
    return { kind: 'none', reason: `CLP02 ${posting.statusCode} on claim ${claim.id} is not an adjudication to coordinate; fix eligibility or the payer order first` };
  }
  const open = openToNextPayer(posting);
  if (open === 0) return { kind: 'none', reason: `${claim.payer} left nothing on claim ${claim.id} for another payer (no patient responsibility, no denied line)` };
  const next = nextCoverage(patient, claim.coveragePriority, claim.lines);
  if (next.coverage === null) return { kind: 'none', reason: next.reason };
  const adjudication = adjudicationOf({ claim, posting, remitClaim: input.remitClaim });
  if (typeof adjudication === 'string') return { kind: 'none', reason: adjudication };

  const payerOf = (id: string) => input.payers.find((p) => p.id === id);
  const nextPayer = payerOf(next.coverage.payer);
  if (!nextPayer) return { kind: 'none', reason: `payer ${next.coverage.payer} of patient ${patient.id}'s priority ${next.coverage.priority} coverage is not in the records` };
  const thisPayer = payerOf(claim.payer);
  if (thisPayer?.settings.codeSet === 'medicare-hit' && nextPayer.settings.codeSet !== 'medicare-hit' && nextPayer.settings.billSecondaryWithOwnCodes === true) {
    return { kind: 'ownCodes', coverage: next.coverage, adjudication, openCents: open };
  }
  const draft: Claim = {
    ...claim,
    id: input.newClaimId ?? secondaryClaimId(claim, next.coverage.priority),
    payer: next.coverage.payer,
    coveragePriority: next.coverage.priority,
    frequency: '1',
    // an authorization and a claim control number belong to the payer that issued them
    priorAuth: null,
    originalClaimNumber: null,
    lines: claim.lines.map((l) => ({ ...l, modifiers: [...l.modifiers], pointers: [...l.pointers] })),
    status: 'draft',
    primaryClaim: claim.id,
    priorPayers: [...(claim.priorPayers ?? []), adjudication],
  };
  const problems = secondaryBalanceProblems(draft);
  if (problems.length > 0) return { kind: 'none', reason: `the secondary does not balance (R-CO-2): ${problems.join('; ')}` };
  return { kind: 'draft', claim: draft, openCents: open };
}
