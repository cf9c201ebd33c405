// PLB provider-level adjustments (835.md §10): interest (L6), takebacks (WO), forwarded balances
// (FB), refunds (72) … each item is kept for the provider-level ledger, never put on a claim.
// The reference is kept verbatim; when one of its words is a claim id or a payer claim number we
// know, that claim is named as a hint for the person who settles it.
import type { ClaimPosting, ProviderPosting, RemittanceRef, StoredClaim } from '../domain/postings.ts';
import type { ProviderAdjustment } from '../domain/remittance.ts';

/** The PLB03-1 reasons of 835.md §10's table, in words with the sign's meaning; others show as the code. */
export const PLB_REASONS: Readonly<Record<string, string>> = {
  L6: 'interest: negative is interest paid to us, positive takes back interest paid before (interest income, not patient accounts)',
  WO: 'overpayment recovery: positive is money taken back now, negative a reversed claim\'s money not yet taken back',
  FB: 'forwarding balance: negative carries a balance to a later remittance, positive applies one from an earlier remittance',
  '72': 'authorized return: our refund acknowledged (negative offsets a positive WO)',
  CS: 'adjustment (for example a reissued check or an FB balance written off)',
};

export function plbWords(reason: string): string {
  const words = PLB_REASONS[reason];
  return words ? `${reason} ${words}` : reason;
}

export function relatedClaim(reference: string | null, claims: readonly StoredClaim[], postings: readonly ClaimPosting[]): string | null {
  if (!reference) return null;
  const words = reference.split(/[\s,;]+/).filter((w) => w !== '');
  for (const w of words) {
    const byId = claims.find((c) => c.id === w);
    if (byId) return byId.id;
    const byNumber = claims.find((c) => c.payerClaimNumber === w) ?? postings.find((p) => p.payerClaimNumber === w);
    if (byNumber) return 'claimId' in byNumber ? byNumber.claimId : byNumber.id;
  }
  return null;
}

export function providerPostings(
  plbs: readonly ProviderAdjustment[],
  ctx: { payer: string | null; remittance: RemittanceRef; claims: readonly StoredClaim[]; postings: readonly ClaimPosting[]; now: string; newId: () => string },
): ProviderPosting[] {
  return plbs.flatMap((plb) =>
    plb.items.map((item) => ({
      id: ctx.newId(),
      payer: ctx.payer,
      remittance: ctx.remittance,
      position: plb.position,
      providerId: plb.providerId,
      reason: item.reason,
      reference: item.reference,
      cents: item.cents,
      relatedClaimId: relatedClaim(item.reference, ctx.claims, ctx.postings),
      postedAt: ctx.now,
    })),
  );
}
