// R-AR-1 balance: for every claim (and every line), in integer cents,
//   charge = paid + adjustments (CO/PI/OA) + moved on (PR: the patient or the next payer) + open.
// Open is what the payer still owes or has not yet answered for; it is computed, never stored.
import type { ClaimPosting, PostedAdjustment, StoredClaim } from '../domain/postings.ts';

export interface Balance {
  chargeCents: number;
  paidCents: number;
  /** CO, PI, OA (and 4010 CR) adjustments: written off or disputed, not billable to the patient */
  adjustmentCents: number;
  /** PR: moved on to the patient or the next payer */
  movedOnCents: number;
  openCents: number;
}

export interface ClaimBalance extends Balance {
  claimId: string;
  lines: (Balance & { line: number })[];
}

function split(as: readonly PostedAdjustment[]): { adjustment: number; movedOn: number } {
  let adjustment = 0;
  let movedOn = 0;
  for (const a of as) {
    if (a.group === 'PR') movedOn += a.cents;
    else adjustment += a.cents;
  }
  return { adjustment, movedOn };
}

function balance(chargeCents: number, parts: readonly { paid: number; adjustments: readonly PostedAdjustment[] }[]): Balance {
  let paidCents = 0;
  let adjustmentCents = 0;
  let movedOnCents = 0;
  for (const p of parts) {
    const s = split(p.adjustments);
    paidCents += p.paid;
    adjustmentCents += s.adjustment;
    movedOnCents += s.movedOn;
  }
  return { chargeCents, paidCents, adjustmentCents, movedOnCents, openCents: chargeCents - paidCents - adjustmentCents - movedOnCents };
}

/** R-AR-1 for one claim, from its postings (payments and reversals, any order). */
export function claimBalance(claim: StoredClaim, postings: readonly ClaimPosting[]): ClaimBalance {
  const mine = postings.filter((p) => p.claimId === claim.id);
  const claimParts = mine.map((p) => ({ paid: p.paidCents, adjustments: [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)] }));
  return {
    claimId: claim.id,
    ...balance(claim.chargeCents, claimParts),
    lines: claim.lines.map((l) => ({
      line: l.line,
      ...balance(l.chargeCents, mine.flatMap((p) => p.lines.filter((pl) => pl.line === l.line)).map((pl) => ({ paid: pl.paidCents, adjustments: pl.adjustments }))),
    })),
  };
}
