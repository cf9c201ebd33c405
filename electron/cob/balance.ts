// R-CO-2: a secondary balances against each earlier payer before it may be exported
// (cob.md §7, TR3 1.4.4 as the RFIs quote it). Neither pyx12 nor validate-837p.sh checks these
// sums, so the writer asks this module, in integer cents.
import type { Claim, ClaimLine } from '../domain/claims.ts';
import type { PriorPayerAdjudication } from '../domain/priorPayers.ts';
import { dollars } from '../domain/money.ts';

const sum = (as: readonly { cents: number }[]): number => as.reduce((s, a) => s + a.cents, 0);

/** What the balance rules read of a claim: the written claim, or one read back from an 837P. */
export type BalancedClaim = Pick<Claim, 'id' | 'totalCents' | 'priorPayers'> & { lines: readonly Pick<ClaimLine, 'chargeCents' | 'code'>[] };

/** R-CO-2: every rule an earlier payer's data breaks on this claim, each naming the figures. */
export function secondaryBalanceProblems(claim: BalancedClaim): string[] {
  const out: string[] = [];
  const lineTotal = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
  if (lineTotal !== claim.totalCents) out.push(`claim ${claim.id}: CLM02 ${dollars(claim.totalCents)} is not the sum of its line charges ${dollars(lineTotal)}`);
  for (const prior of claim.priorPayers ?? []) out.push(...payerProblems(claim, prior));
  return out;
}

function payerProblems(claim: BalancedClaim, prior: PriorPayerAdjudication): string[] {
  const out: string[] = [];
  const who = `claim ${claim.id}, ${prior.payer} (priority ${prior.priority})`;
  // rule 2 per line over all of that payer's 2430s on it (a split line has several: cob.md §5)
  const byLine = new Map<number, { paid: number; cas: number }>();
  for (const l of prior.lines) {
    const t = byLine.get(l.line) ?? { paid: 0, cas: 0 };
    byLine.set(l.line, { paid: t.paid + l.paidCents, cas: t.cas + sum(l.adjustments) });
  }
  for (const [n, t] of byLine) {
    const line = claim.lines[n - 1];
    if (!line) {
      out.push(`${who}: adjudication names line ${n}, which the claim does not have`);
      continue;
    }
    // SV102 = Σ SVD02 + Σ 2430 CAS
    if (line.chargeCents !== t.paid + t.cas) {
      out.push(`${who}, line ${n} (${line.code}): charge ${dollars(line.chargeCents)} ≠ paid ${dollars(t.paid)} + adjustments ${dollars(t.cas)} = ${dollars(t.paid + t.cas)}`);
    }
  }
  const claimCas = sum(prior.adjustments);
  const lineCas = prior.lines.reduce((s, l) => s + sum(l.adjustments), 0);
  // rule 3: AMT*D = Σ SVD02 − Σ 2320 CAS, when the payer answered every line. When it saw only
  // some (R-CO-3: Medicare never received the per diems), the claim-level CAS restate its denial
  // for the others and only rule 4 ties the figures.
  if (byLine.size > 0 && byLine.size === claim.lines.length) {
    const svd = prior.lines.reduce((s, l) => s + l.paidCents, 0);
    const want = svd - claimCas;
    if (prior.paidCents !== want) out.push(`${who}: paid (AMT*D) ${dollars(prior.paidCents)} ≠ lines paid ${dollars(svd)} − claim adjustments ${dollars(claimCas)} = ${dollars(want)}`);
  }
  // rule 4: CLM02 = AMT*D + Σ 2320 CAS + Σ 2430 CAS
  const total = prior.paidCents + claimCas + lineCas;
  if (claim.totalCents !== total) {
    out.push(`${who}: charge ${dollars(claim.totalCents)} ≠ paid ${dollars(prior.paidCents)} + claim adjustments ${dollars(claimCas)} + line adjustments ${dollars(lineCas)} = ${dollars(total)}`);
  }
  return out;
}

/** R-CO-2: thrown when a secondary that does not balance is about to leave the office. */
export class UnbalancedSecondary extends Error {
  constructor(readonly problems: string[]) {
    super(`the secondary claim does not balance (R-CO-2): ${problems.join('; ')}`);
    this.name = 'UnbalancedSecondary';
  }
}

export function assertSecondaryBalances(claim: Claim): void {
  const problems = secondaryBalanceProblems(claim);
  if (problems.length > 0) throw new UnbalancedSecondary(problems);
}
