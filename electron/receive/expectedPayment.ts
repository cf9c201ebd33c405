// R-RA-5 expected payment: a line's expected payment is units × the payer's fee for the code
// (priced by claims/rules/expectedPayment.ts, which reads the payer's charge basis).
// What the payer allowed is its payment plus the patient's share (PR): coinsurance and
// deductible are part of the contract price, so they don't make a line underpaid.
import type { LinePosting, StoredLine, UnderpaidLine } from '../domain/postings.ts';

export function underpaid(claimId: string, stored: StoredLine, posted: LinePosting): UnderpaidLine | null {
  const expectedCents = stored.expectedCents;
  if (expectedCents === null || posted.paidCents <= 0) return null;
  const allowedCents = posted.paidCents + posted.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.cents, 0);
  if (allowedCents >= expectedCents) return null;
  return { claimId, line: stored.line, expectedCents, allowedCents, differenceCents: expectedCents - allowedCents };
}
