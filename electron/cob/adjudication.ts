// R-CO-1: an earlier payer's posted 835 decision → the adjudication a secondary claim carries
// (2320/2330 per payer, 2430 per line). Copied, never recomputed (cob.md §6): a balanced 835
// gives a balanced secondary.
import type { Claim } from '../domain/claims.ts';
import type { PriorAdjustment, PriorLineAdjudication, PriorPayerAdjudication } from '../domain/priorPayers.ts';
import type { ClaimPosting, PostedAdjustment } from '../domain/postings.ts';
import type { Procedure, Remark, RemitClaim } from '../domain/remittance.ts';

export const prOf = (as: readonly { group: string; cents: number }[]): number => as.filter((a) => a.group === 'PR').reduce((s, a) => s + a.cents, 0);

/** CR is a 4010 group a 5010 837 must not carry (cob.md §3); the caller refuses it. */
function copyAdjustments(as: readonly PostedAdjustment[]): PriorAdjustment[] | string {
  const out: PriorAdjustment[] = [];
  for (const a of as) {
    if (a.group === 'CR') return `adjustment CR-${a.reason} is a 4010 group that a 5010 secondary cannot carry`;
    if (a.cents !== 0) out.push({ group: a.group, reason: a.reason, cents: a.cents, quantity: a.quantity });
  }
  return out;
}

/** SVD03: the code as adjudicated (SVC01); by NDC the payer names no HCPCS, so SVC06 or the billed code (cob.md §5). */
function asAdjudicated(p: Procedure | undefined, submitted: Procedure | null | undefined, billed: { code: string; modifiers: string[] }): { code: string; modifiers: string[] } {
  if (p && p.qualifier === 'HC') return { code: p.code, modifiers: [...p.modifiers] };
  if (submitted && submitted.qualifier === 'HC') return { code: submitted.code, modifiers: [...submitted.modifiers] };
  return { code: billed.code, modifiers: [...billed.modifiers] };
}

/**
 * R-CO-1 2320 MOA: the claim-level remark codes of the 835's MOA03–07, each once (a claim split across
 * 835s repeats them). MIA (inpatient) has no place in an 837P; line-level LQ stays on its line.
 */
function claimRemarks(remarks: readonly Remark[]): string[] {
  return [...new Set(remarks.filter((r) => r.source === 'MOA').map((r) => r.code))];
}

export interface AdjudicationInput {
  /** the claim that payer adjudicated */
  claim: Claim;
  /** its payment posting (postRemittance) */
  posting: ClaimPosting;
  /** the CLP as read, to copy SVC01 (the procedure as adjudicated); the billed code when absent */
  remitClaim?: RemitClaim | null;
}

/** R-CO-1: the adjudication to attach, or why it cannot be copied faithfully. */
export function adjudicationOf({ claim, posting, remitClaim }: AdjudicationInput): PriorPayerAdjudication | string {
  if (posting.kind !== 'payment') return `posting ${posting.id} is a reversal, not an adjudication`;
  if (posting.needsReview) return `posting ${posting.id} has remit lines that matched no billed line; resolve them before billing the next payer`;
  const claimCas = copyAdjustments(posting.adjustments);
  if (typeof claimCas === 'string') return `claim ${claim.id}: ${claimCas}`;
  const byPosition = new Map((remitClaim?.lines ?? []).map((l) => [l.position, l]));
  const lines: PriorLineAdjudication[] = [];
  for (const lp of posting.lines) {
    const billed = claim.lines[lp.line - 1];
    if (!billed) return `posting ${posting.id} names line ${lp.line}, which claim ${claim.id} does not have`;
    const cas = copyAdjustments(lp.adjustments);
    if (typeof cas === 'string') return `claim ${claim.id} line ${lp.line}: ${cas}`;
    // a line the payer split (several SVC with our REF*6R) gets one 2430 per piece (cob.md §5)
    const pieces = lp.positions.map((at) => byPosition.get(at));
    if (pieces.length > 1 && pieces.every((r) => r !== undefined)) {
      for (const r of pieces) {
        const pieceCas = copyAdjustments(r!.adjustments);
        if (typeof pieceCas === 'string') return `claim ${claim.id} line ${lp.line}: ${pieceCas}`;
        lines.push({ line: lp.line, paidCents: r!.paidCents, ...asAdjudicated(r!.procedure, r!.submitted, billed), unitsPaid: r!.unitsPaid ?? 1, adjustments: pieceCas, remainingPatientCents: prOf(pieceCas) });
      }
      continue;
    }
    const remit = pieces[0];
    lines.push({
      line: lp.line,
      paidCents: lp.paidCents,
      ...asAdjudicated(remit?.procedure, remit?.submitted, billed),
      unitsPaid: lp.unitsPaid ?? 1,
      adjustments: cas,
      remainingPatientCents: prOf(cas),
    });
  }
  // A claim answered line by line must answer every line: an unanswered line cannot balance (R-CO-2).
  const answered = new Set(lines.map((l) => l.line));
  if (lines.length > 0 && answered.size !== claim.lines.length) {
    const missing = claim.lines.map((_, i) => i + 1).filter((n) => !answered.has(n));
    return `claim ${claim.id}: line(s) ${missing.join(', ')} have no adjudication yet (a split claim waits for its other part)`;
  }
  return {
    payer: posting.payer,
    priority: claim.coveragePriority,
    claimId: claim.id,
    payerClaimNumber: posting.payerClaimNumber,
    adjudicatedOn: posting.remittance.paymentDate,
    paidCents: posting.paidCents,
    adjustments: claimCas,
    remarks: claimRemarks(posting.remarks),
    remainingPatientCents: prOf(claimCas) + lines.reduce((s, l) => s + l.remainingPatientCents, 0),
    lines,
  };
}

/**
 * The payment standing on a claim: its payment postings not undone by a reversal (R-RA-4). A claim
 * the payer split across remittances has one per part; they are taken together (amounts added,
 * lines joined, the first part's claim number, the last part's date), as the next payer sees one
 * decision per earlier payer.
 */
export function standingPayment(postings: readonly ClaimPosting[]): ClaimPosting | null {
  const reversed = new Set(postings.map((p) => p.reverses).filter((id): id is string => id !== null));
  const standing = postings.filter((p) => p.kind === 'payment' && !reversed.has(p.id));
  const last = standing[standing.length - 1];
  if (!last || standing.length === 1) return last ?? null;
  const add = (f: (p: ClaimPosting) => number) => standing.reduce((s, p) => s + f(p), 0);
  return {
    ...last,
    payerClaimNumber: standing[0]!.payerClaimNumber,
    chargeCents: add((p) => p.chargeCents),
    paidCents: add((p) => p.paidCents),
    patientResponsibilityCents: add((p) => p.patientResponsibilityCents),
    adjustments: standing.flatMap((p) => p.adjustments),
    remarks: standing.flatMap((p) => p.remarks),
    lines: standing.flatMap((p) => p.lines).sort((a, b) => a.line - b.line),
    needsReview: standing.some((p) => p.needsReview),
  };
}
