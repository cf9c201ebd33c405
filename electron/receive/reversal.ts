// R-RA-4 reversals: CLP02 = 22 undoes an earlier payment posting of the same claim exactly. The
// earlier posting is found by payer + claim id + payer claim number (CLP07), else by the negated
// amounts (835.md §9); the reversal must negate its charge, payment and every adjustment, or it
// is held for a person rather than posted as something it does not undo.
import type { ClaimPosting, LinePosting, PostedAdjustment } from '../domain/postings.ts';
import type { RemitClaim } from '../domain/remittance.ts';

const negAdj = (a: PostedAdjustment): PostedAdjustment => ({ ...a, cents: -a.cents });
const negLine = (l: LinePosting): LinePosting => ({ ...l, chargeCents: -l.chargeCents, paidCents: -l.paidCents, adjustments: l.adjustments.map(negAdj) });

/** Every adjustment of a posting (claim and line level) as sorted "group reason cents" keys. */
function adjustmentKeys(groups: readonly (readonly PostedAdjustment[])[]): string {
  return groups.flat().map((a) => `${a.group} ${a.reason} ${a.cents}`).sort().join('|');
}

/** The payment postings of this claim and payer that no reversal has undone yet, latest first. */
function openPayments(claimId: string, payer: string, postings: readonly ClaimPosting[]): ClaimPosting[] {
  const reversed = new Set(postings.filter((p) => p.reverses !== null).map((p) => p.reverses));
  return postings.filter((p) => p.kind === 'payment' && p.claimId === claimId && p.payer === payer && !reversed.has(p.id)).reverse();
}

/** Whether the 835 reversal negates the posting exactly (charge, payment, every CAS). */
function negates(clp: RemitClaim, p: ClaimPosting): boolean {
  const remitAdj = [clp.adjustments, ...clp.lines.map((l) => l.adjustments)].map((as) => as.map((a) => ({ group: a.group, reason: a.reason, cents: -a.cents, quantity: a.quantity })));
  return clp.chargeCents === -p.chargeCents && clp.paidCents === -p.paidCents && adjustmentKeys(remitAdj) === adjustmentKeys([p.adjustments, ...p.lines.map((l) => l.adjustments)]);
}

export type ReversalTarget = { posting: ClaimPosting } | { reason: string };

/** R-RA-4: the earlier posting this reversal undoes, or why there is none. */
export function findReversed(clp: RemitClaim, payer: string, postings: readonly ClaimPosting[]): ReversalTarget {
  const open = openPayments(clp.claimId, payer, postings);
  if (open.length === 0) return { reason: `reversal (CLP02 = 22) of claim ${clp.claimId}, but no payment of it from this payer is posted and not yet reversed` };
  const byNumber = clp.payerClaimNumber ? open.filter((p) => p.payerClaimNumber === clp.payerClaimNumber) : [];
  const candidates = byNumber.length > 0 ? byNumber : open;
  const exact = candidates.find((p) => negates(clp, p));
  if (exact) return { posting: exact };
  const p = candidates[0]!;
  return { reason: `reversal (CLP02 = 22) of claim ${clp.claimId} does not negate the posted payment (${p.payerClaimNumber ?? 'no payer claim number'}: charge ${p.chargeCents}, paid ${p.paidCents} cents) amount for amount` };
}

/** The posting that undoes `original`: every amount negated, nothing else changed. */
export function reversalOf(original: ClaimPosting, clp: RemitClaim, fields: Pick<ClaimPosting, 'id' | 'remittance' | 'postedAt'>): ClaimPosting {
  return {
    ...original,
    ...fields,
    position: clp.position,
    kind: 'reversal',
    statusCode: '22',
    chargeCents: -original.chargeCents,
    paidCents: -original.paidCents,
    patientResponsibilityCents: -original.patientResponsibilityCents,
    adjustments: original.adjustments.map(negAdj),
    lines: original.lines.map(negLine),
    remarks: clp.remarks,
    reverses: original.id,
    needsReview: false,
  };
}
