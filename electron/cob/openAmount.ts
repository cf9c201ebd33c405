// R-CO-1: what a payer left that the next payer may pay: the patient responsibility (PR at claim
// and line level) and the lines it denied for reasons other than the contract (CO-45 is the
// provider's write-off under that payer's contract and is nobody's to pay).
import type { ClaimPosting, LinePosting } from '../domain/postings.ts';
import { prOf } from './adjudication.ts';

/** A line paid nothing with adjustments beyond PR and CO-45: denied, so another payer may cover it. */
export function deniedLine(l: LinePosting): boolean {
  return l.chargeCents > 0 && l.paidCents === 0 && l.adjustments.some((a) => a.group !== 'PR' && !(a.group === 'CO' && a.reason === '45'));
}

export function openToNextPayer(posting: ClaimPosting): number {
  const denied = posting.lines.filter(deniedLine);
  const deniedOther = denied.reduce((s, l) => s + l.adjustments.filter((a) => a.group !== 'PR').reduce((t, a) => t + a.cents, 0), 0);
  // a claim answered without lines that paid nothing is a denial of the whole claim
  const claimDenied = posting.lines.length === 0 && posting.paidCents === 0
    ? posting.adjustments.filter((a) => a.group !== 'PR').reduce((s, a) => s + a.cents, 0)
    : 0;
  return posting.patientResponsibilityCents + deniedOther + claimDenied;
}
