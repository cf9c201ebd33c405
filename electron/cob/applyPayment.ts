// R-CO-4 patient payments: where a payment from a patient (or guarantor) goes. What the patient
// owes is each claim chain's share after its last payer, less their standing payments
// (patientShares). A payment for a named claim goes to that claim's chain; otherwise to the oldest
// date of service first (then the claim id), so the oldest balances close first. A payment larger
// than what is owed is refused naming the amount owed: this version keeps no unapplied credit.
import { FieldError } from '../domain/errors.ts';
import type { PaymentApplication } from '../domain/patientPayments.ts';
import { dollars } from '../domain/money.ts';
import type { PatientShare } from './patientShare.ts';

const usd = (cents: number) => `$${dollars(cents)}`;

/** The chains the patient owes on, oldest date of service first. */
export function owingShares(shares: readonly PatientShare[]): PatientShare[] {
  return shares
    .filter((s) => s.state === 'patient' && s.patientCents > 0)
    .sort((a, b) => (a.serviceFrom < b.serviceFrom ? -1 : a.serviceFrom > b.serviceFrom ? 1 : a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
}

const owedOn = (owing: readonly PatientShare[]): number => owing.reduce((s, x) => s + x.patientCents, 0);

/** What the patient owes in all (their credits on chains a payer took back are not counted against it). */
export function owedCents(shares: readonly PatientShare[]): number {
  return owedOn(owingShares(shares));
}

/**
 * One application per chain paid, on the chain's last claim (the claim whose patient
 * responsibility the patient owes); FieldError naming the field when it cannot be applied.
 */
export function applyPatientPayment(shares: readonly PatientShare[], req: { patient: string; cents: number; claim?: string | null }): PaymentApplication[] {
  if (req.claim) {
    const share = shares.find((s) => s.claims.includes(req.claim!));
    if (!share) throw new FieldError(`Patient ${req.patient} has no claim ${req.claim}`, { claim: `is not a claim of patient ${req.patient}` });
    if (share.state !== 'patient' || share.patientCents <= 0) {
      const why = share.state === 'patient' ? 'it is paid' : share.note;
      throw new FieldError(`Patient ${req.patient} owes nothing on claim ${req.claim}: ${why}`, { claim: `nothing is owed on it: ${why}` });
    }
    if (req.cents > share.patientCents) {
      throw new FieldError(`A payment of ${usd(req.cents)} is more than patient ${req.patient} owes on claim ${req.claim}: ${usd(share.patientCents)}`, {
        cents: `more than the ${usd(share.patientCents)} owed on claim ${req.claim}`,
      });
    }
    return [{ claimId: share.lastClaimId, cents: req.cents }];
  }
  const owing = owingShares(shares);
  const owed = owedOn(owing);
  if (owed === 0) throw new FieldError(`Patient ${req.patient} owes nothing after their payers: there is nothing to pay`, { cents: 'the patient owes nothing' });
  if (req.cents > owed) {
    throw new FieldError(`A payment of ${usd(req.cents)} is more than patient ${req.patient} owes: ${usd(owed)}`, { cents: `more than the ${usd(owed)} the patient owes` });
  }
  const out: PaymentApplication[] = [];
  let left = req.cents;
  for (const s of owing) {
    if (left === 0) break;
    const part = Math.min(left, s.patientCents);
    out.push({ claimId: s.lastClaimId, cents: part });
    left -= part;
  }
  return out;
}
