// R-RA-3: an 835 balances, in integer cents, per line, per claim and per payment (835.md §7).
// A remittance that does not balance is refused whole; the message gives the segment, its
// position and the figures, so a person can see which number the payer got wrong.
import { dollars } from '../domain/money.ts';
import type { Remittance } from '../domain/remittance.ts';

export interface BalanceProblem {
  segmentId: 'SVC' | 'CLP' | 'BPR';
  position: number;
  claimId: string | null;
  message: string;
}

const sum = (xs: readonly { cents: number }[]): number => xs.reduce((a, x) => a + x.cents, 0);

/** R-RA-3 line: SVC02 − SVC03 = Σ line CAS. */
export function lineProblems(r: Remittance): BalanceProblem[] {
  const out: BalanceProblem[] = [];
  for (const c of r.claims) {
    for (const l of c.lines) {
      const adj = sum(l.adjustments);
      if (l.chargeCents - l.paidCents === adj) continue;
      out.push({
        segmentId: 'SVC', position: l.position, claimId: c.claimId,
        message: `SVC at segment ${l.position} (claim ${c.claimId}, ${l.procedure.code}${l.procedure.modifiers.map((m) => '-' + m).join('')}): charge ${dollars(l.chargeCents)} − paid ${dollars(l.paidCents)} = ${dollars(l.chargeCents - l.paidCents)} but adjustments total ${dollars(adj)}`,
      });
    }
  }
  return out;
}

/** R-RA-3 claim: CLP03 − CLP04 = Σ claim CAS + Σ line CAS. */
export function claimProblems(r: Remittance): BalanceProblem[] {
  const out: BalanceProblem[] = [];
  for (const c of r.claims) {
    const adj = sum(c.adjustments) + c.lines.reduce((a, l) => a + sum(l.adjustments), 0);
    if (c.chargeCents - c.paidCents === adj) continue;
    out.push({
      segmentId: 'CLP', position: c.position, claimId: c.claimId,
      message: `CLP at segment ${c.position} (claim ${c.claimId}): charge ${dollars(c.chargeCents)} − paid ${dollars(c.paidCents)} = ${dollars(c.chargeCents - c.paidCents)} but adjustments total ${dollars(adj)}`,
    });
  }
  return out;
}

/**
 * R-RA-3 payment: BPR02 = Σ CLP04 − Σ PLB amounts (a positive PLB takes money back).
 * BPR03 = D (a debit from the provider) counts BPR02 as negative: 835.md §7 leaves the sign
 * unsure, and a debit can only be the payer taking more than it pays.
 */
export function paymentProblems(r: Remittance): BalanceProblem[] {
  const paid = r.claims.reduce((a, c) => a + c.paidCents, 0);
  const plb = r.providerAdjustments.reduce((a, p) => a + sum(p.items), 0);
  const payment = r.creditDebit === 'D' ? -r.paymentCents : r.paymentCents;
  if (payment === paid - plb) return [];
  return [{
    segmentId: 'BPR', position: r.position + 1, claimId: null,
    message: `BPR at segment ${r.position + 1} (trace ${r.traceNumber}): payment ${dollars(payment)} but claims paid ${dollars(paid)} − provider adjustments ${dollars(plb)} = ${dollars(paid - plb)}`,
  }];
}

/** Every R-RA-3 problem of one remittance, lines first; empty when it balances. */
export function balanceProblems(r: Remittance): BalanceProblem[] {
  return [...lineProblems(r), ...claimProblems(r), ...paymentProblems(r)];
}
