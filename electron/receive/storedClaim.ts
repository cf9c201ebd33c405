// The posting input built from a claim as the engine keeps it (domain Claim): line numbers are
// 1-based in claim order, the same numbers the 837P writes into REF*6R.
import type { Claim } from '../domain/claims.ts';
import type { StoredClaim, StoredClaimStatus } from '../domain/postings.ts';

import type { FeeLookup } from '../domain/postings.ts';

export type { FeeLookup };

export function toStoredClaim(
  claim: Claim,
  extra: { status?: StoredClaimStatus; payerClaimNumber?: string | null; fee?: FeeLookup } = {},
): StoredClaim {
  return {
    id: claim.id,
    payer: claim.payer,
    frequency: claim.frequency,
    status: extra.status ?? claim.status ?? 'exported',
    payerClaimNumber: extra.payerClaimNumber ?? null,
    chargeCents: claim.totalCents,
    lines: claim.lines.map((l, i) => ({
      line: i + 1,
      code: l.code,
      modifiers: [...l.modifiers],
      from: l.from,
      to: l.to,
      units: l.units,
      chargeCents: l.chargeCents,
      feePerUnitCents: extra.fee ? extra.fee(claim.payer, l.code, l.modifiers) : null,
    })),
  };
}
