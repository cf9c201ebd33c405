// R-RA-5 expected payment, by the payer's charge basis (R-CL-6, billing-rules §12.3). The fee
// schedule is the contract: a line's expected payment is units × the payer's fee for its code
// (`CODE:NDC` wins over `CODE`, as when charging), in exact micro-dollars rounded once, so a line
// the fee priced expects exactly its charge.
// - `payerFee`: the fee is also the charge; a line the charge master priced (no fee) expects
//   nothing, as the payer agreed to no price for it.
// - `chargeMaster` (WellCare: "Provider(s) shall bill their usual and customary charges." [WC6]):
//   the charge is the office's usual and customary price, never what the payer is expected to
//   pay; the fees serve only here, and a code with no fee is never `underpaid`.
// Both bases read the same fee: the basis decides the charge, never the expectation.
import type { Payer } from '../../domain/types.ts';
import type { ExpectedLine } from '../../domain/postings.ts';
import { chargeCents, tablePrice } from './charges.ts';

export function expectedPaymentCents(payer: Pick<Payer, 'fees'>, line: ExpectedLine): number | null {
  const fee = tablePrice(payer.fees, line.code, line.ndc);
  return fee === null ? null : chargeCents(line.units, fee);
}
