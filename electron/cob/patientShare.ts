// R-CO-4 Last payer: what is still patient responsibility after the last payer becomes the
// patient's balance. A claim chain is a first claim and the claims that followed it down the
// payer order (primaryClaim links); its patient share is the last payer's PR, once no coverage
// is left to bill. Pure: claims, postings, patients and payers in; shares per chain out.
import type { Claim } from '../domain/claims.ts';
import type { IsoDate, Patient, Payer } from '../domain/types.ts';
import type { ClaimPosting } from '../domain/postings.ts';
import type { AppliedPayment } from '../domain/patientPayments.ts';
import { standingPayment } from './adjudication.ts';
import { nextCoverage } from './nextCoverage.ts';

export interface PayerShare {
  payer: string;
  payerName: string;
  claimId: string;
  paidCents: number;
  /** non-PR adjustments: the contract write-off and denials the office absorbs */
  adjustedCents: number;
  adjudicatedOn: IsoDate;
}

export type ShareState =
  /** the last payer has answered and no coverage is left: the PR is the patient's */
  | 'patient'
  /** the last payer left PR and another coverage is active: bill it first (R-CO-1) */
  | 'next-payer'
  /** the last claim of the chain has no standing payment yet */
  | 'awaiting-payer';

export interface PatientShare {
  patient: string;
  /** the chain's first claim */
  claimId: string;
  lastClaimId: string;
  /** every claim of the chain, first to last (a payment for any of them is for the chain) */
  claims: string[];
  from: IsoDate;
  to: IsoDate;
  /** the first claim's earliest date of service (patient payments go to the oldest first) */
  serviceFrom: IsoDate;
  chargeCents: number;
  payers: PayerShare[];
  /** what the patient owes on the chain (the last PR when state is `patient`, else 0) less their own payments */
  patientCents: number;
  /** the patient's standing payments on the chain (Σ of `patientPayments`) */
  patientPaidCents: number;
  /** each standing payment's part applied to this chain, oldest received first */
  patientPayments: AppliedPayment[];
  state: ShareState;
  /** when the balance became the patient's (the last payer's remittance date): aging starts here */
  since: IsoDate | null;
  /** in words, for the biller */
  note: string;
}

export interface PatientShareInput {
  claims: readonly Claim[];
  postings: readonly ClaimPosting[];
  patients: readonly Patient[];
  payers: readonly Payer[];
  /** the patient's standing payments, applied to a claim of a chain (patientPayments.ts stores the last payer's claim) */
  patientPayments?: readonly AppliedPayment[];
}

const live = (c: Claim) => c.status !== 'void' && c.frequency === '1';

/** R-CO-4: one share per claim chain, in the order the first claims are given. */
export function patientShares(input: PatientShareInput): PatientShare[] {
  const claims = input.claims.filter(live);
  // indexed once: ar.report asks for every claim of the office, and a scan per chain is quadratic
  const ix = indexOf(claims, input);
  const out: PatientShare[] = [];
  for (const first of claims.filter((c) => !c.primaryClaim)) {
    const chain = [first];
    for (let next = ix.follower.get(first.id); next; next = ix.follower.get(chain[chain.length - 1]!.id)) chain.push(next);
    out.push(shareOf(chain, input, ix));
  }
  return out;
}

interface Index {
  /** a claim's (first live) follower */
  follower: Map<string, Claim>;
  postings: Map<string, ClaimPosting[]>;
  /** each claim's payments with their place in input.patientPayments (oldest received first) */
  payments: Map<string, [number, AppliedPayment][]>;
  patients: Map<string, Patient>;
}

function indexOf(claims: readonly Claim[], input: PatientShareInput): Index {
  const follower = new Map<string, Claim>();
  for (const c of claims) if (c.primaryClaim && !follower.has(c.primaryClaim)) follower.set(c.primaryClaim, c);
  const postings = new Map<string, ClaimPosting[]>();
  for (const p of input.postings) {
    const list = postings.get(p.claimId);
    if (list) list.push(p);
    else postings.set(p.claimId, [p]);
  }
  const payments = new Map<string, [number, AppliedPayment][]>();
  (input.patientPayments ?? []).forEach((x, i) => {
    const list = payments.get(x.claimId);
    if (list) list.push([i, x]);
    else payments.set(x.claimId, [[i, x]]);
  });
  const patients = new Map<string, Patient>();
  for (const p of input.patients) if (!patients.has(p.id)) patients.set(p.id, p);
  return { follower, postings, payments, patients };
}

function shareOf(chain: readonly Claim[], input: PatientShareInput, ix: Index): PatientShare {
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  const payers: PayerShare[] = [];
  let lastPayment = null;
  for (const c of chain) {
    const p = standingPayment(ix.postings.get(c.id) ?? []);
    if (c === last) lastPayment = p;
    if (!p) continue;
    const nonPr = [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)].filter((a) => a.group !== 'PR').reduce((s, a) => s + a.cents, 0);
    payers.push({ payer: c.payer, payerName: input.payers.find((x) => x.id === c.payer)?.name ?? c.payer, claimId: c.id, paidCents: p.paidCents, adjustedCents: nonPr, adjudicatedOn: p.remittance.paymentDate });
  }
  const ids = chain.map((c) => c.id);
  // a payment stays applied when a payer later takes its answer back: the chain then shows a credit (negative)
  const patientPayments = ids.flatMap((id) => ix.payments.get(id) ?? []).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const patientPaidCents = patientPayments.reduce((s, x) => s + x.cents, 0);
  const base = { patient: first.patient, claimId: first.id, lastClaimId: last.id, claims: ids, from: first.periodFrom, to: first.periodTo,
    serviceFrom: first.lines.reduce((m, l) => (l.from < m ? l.from : m), first.periodTo), chargeCents: first.totalCents, payers, patientPaidCents, patientPayments };
  if (!lastPayment) return { ...base, patientCents: 0 - patientPaidCents, state: 'awaiting-payer', since: null, note: `waiting for ${last.payer} to answer claim ${last.id}` };
  const pr = lastPayment.patientResponsibilityCents;
  const patient = ix.patients.get(first.patient);
  const next = patient && pr > 0 ? nextCoverage(patient, last.coveragePriority, last.lines) : null;
  if (next && next.coverage) {
    return { ...base, patientCents: 0 - patientPaidCents, state: 'next-payer', since: null, note: `${last.payer} left ${pr} cents of patient responsibility; bill ${next.coverage.payer} (priority ${next.coverage.priority}) first` };
  }
  return { ...base, patientCents: pr - patientPaidCents, state: 'patient', since: lastPayment.remittance.paymentDate, note: `after ${last.payer}, the last payer` };
}
