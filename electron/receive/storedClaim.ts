// The posting input built from a claim as the engine keeps it (domain Claim): line numbers are
// 1-based in claim order, the same numbers the 837P writes into REF*6R.
import type { Claim } from '../domain/claims.ts';
import type { StoredClaim, StoredClaimStatus } from '../domain/postings.ts';

import type { ExpectedPayment } from '../domain/postings.ts';

export type { ExpectedPayment };

export function toStoredClaim(
  claim: Claim,
  extra: { status?: StoredClaimStatus; payerClaimNumber?: string | null; expected?: ExpectedPayment } = {},
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
      expectedCents: extra.expected ? extra.expected(claim.payer, l) : null,
      ...(l.paperModifiers?.length ? { paperModifiers: [...l.paperModifiers] } : {}),
    })),
  };
}
