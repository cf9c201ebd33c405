// What comes back after the export (issue 12), as the services compute it and the contract carries it:
// received files, claims with their money, unmatched remittance items, the denial work queue and
// accounts receivable. Money is integer cents.
import type { ClaimLine } from './claims.ts';

export type ReceivedKind = 'TA1' | '999' | '277CA' | '835';
export type ReceiveStatus = 'applied' | 'duplicate' | 'refused';
/** R-AK-1 statuses, as `perdiem claims --json` gives them */
export type ClaimLifeStatus = 'draft' | 'exported' | 'accepted' | 'rejected' | 'paid' | 'denied' | 'reversed' | 'void';
export type AgingBasis = 'sent' | 'service';
export type AdjustmentGroupCode = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

export interface UnmatchedItem {
  id: number;
  fileId: number;
  fileName: string;
  payer: string | null;
  traceNumber: string;
  kind: 'remittance' | 'claim' | 'line' | 'reversal' | 'provider-adjustment';
  position: number;
  claimId: string | null;
  reason: string;
  cents: number;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export interface ReceiveResult {
  file: string;
  /** the file's main kind (a 999 beside a TA1 reads 999); null when the file could not be read */
  kind: ReceivedKind | null;
  kinds: ReceivedKind[];
  status: ReceiveStatus;
  message?: string;
  /** where a refused file went wrong (X12 segment id and 1-based position, ISA = 1) */
  segment?: { id: string; position: number };
  fileId: number;
  /** the claims the file moved, with their status after it */
  claims: { id: string; status: ClaimLifeStatus }[];
  unmatched: UnmatchedItem[];
}

/**
 * R-RA-1: a provider-level adjustment (835 PLB) as posted to the provider ledger, never onto a claim.
 * `cents` keeps the PLB's sign: positive is money the payer kept back from this payment.
 */
export interface ProviderAdjustmentItem {
  id: string;
  payer: string | null;
  traceNumber: string;
  paymentDate: string;
  reason: string;
  /** the reason in words, with what its sign means */
  words: string;
  reference: string | null;
  cents: number;
  /** our claim the reference points at, when it does */
  relatedClaimId: string | null;
}

export interface ReceivedFileRow {
  id: number;
  fileName: string;
  sha256: string;
  kinds: string[];
  receivedAt: string;
  receivedBy: string;
  status: ReceiveStatus;
  message: string | null;
  size: number;
}

export interface MoneyAdjustment {
  group: AdjustmentGroupCode;
  reason: string;
  cents: number;
  /** our words for the code (resources/codes/carc.json) */
  words: string;
}

/** a claim line as built (interfaces.md `build --json`) with what the payer did with it */
export interface ClaimMoneyLine extends Pick<ClaimLine, 'from' | 'to' | 'code' | 'modifiers' | 'units' | 'chargeCents' | 'pointers' | 'ndc' | 'ndcQty' | 'ndcUnit' | 'sourceKey'> {
  line: number;
  paidCents: number;
  adjustments: MoneyAdjustment[];
  remarks: string[];
  /** R-RA-5: expected − allowed when the payer paid below its fee schedule */
  underpaidCents: number;
  /** R-AK-1: the 277CA's rejection of this line (2220D), in words; null when none */
  rejection: string | null;
}

/** interfaces.md `perdiem claims --json`, one claim (extra fields allowed) */
export interface ClaimMoney {
  id: string;
  patient: string;
  payer: string;
  frequency: '1' | '7' | '8';
  status: ClaimLifeStatus;
  statusReason: string | null;
  payerClaimNumber: string | null;
  replaces?: string;
  /** R-CO-1: a secondary or tertiary: the earlier payer's claim it follows */
  primaryClaim?: string;
  serviceFrom: string;
  serviceTo: string;
  chargeCents: number;
  paidCents: number;
  /** PR: what moved on from this payer (to the patient or the next payer) */
  patientResponsibilityCents: number;
  /** R-CO-4: the patient's payments applied to this claim (its PR is theirs), net of voids */
  patientPaidCents: number;
  /** patientResponsibilityCents − patientPaidCents: the PR nobody has paid yet (the patient's balance on the claim, or what a later payer was asked for) */
  patientBalanceCents: number;
  /** R-AR-1 open balance with the payer, less what the office wrote off */
  balanceCents: number;
  /** CO/PI/OA (and CR) adjustments */
  adjustmentCents: number;
  writtenOffCents: number;
  adjustments: MoneyAdjustment[];
  remarks: string[];
  lines: ClaimMoneyLine[];
}

export interface ClaimsFilter {
  status?: ClaimLifeStatus;
  payer?: string;
  patient?: string;
  from?: string;
  to?: string;
}

export interface DenialReason {
  group: AdjustmentGroupCode | 'REJECTED';
  code: string;
  words: string;
  nextStep: string;
  cents: number;
}

export type DenialState = 'open' | 'written-off' | 'resubmitted';

/** A claim as the work lists name it: whose, to whom, where it stands. */
export interface ClaimInList {
  claimId: string;
  patient: string;
  patientName: string;
  payer: string;
  payerName: string;
  status: ClaimLifeStatus;
}

export interface DenialItem extends ClaimInList {
  statusReason: string | null;
  payerClaimNumber: string | null;
  serviceFrom: string;
  serviceTo: string;
  chargeCents: number;
  /** Σ CO/PI on the lines the payer paid nothing for (the whole charge for a rejection) */
  deniedCents: number;
  reasons: DenialReason[];
  remarks: { code: string; words: string }[];
  /** R-AK-1: the lines a 277CA rejected (2220D), each with its reason in words */
  lineRejections: { line: number; reason: string }[];
  assignee: string | null;
  notes: string;
  followUp: string | null;
  state: DenialState;
  resubmittedAs: string | null;
  /** what `denials.resubmit` will do: a new original (rejected) or a replacement (denied) */
  resubmitAs: 'original' | 'replacement' | null;
}

export interface DenialGroup {
  /** `CO-16`, `PI-197`, or `REJECTED` for claims the payer never received */
  key: string;
  words: string;
  nextStep: string;
  cents: number;
  items: DenialItem[];
}

export interface ArRow {
  payer: string;
  payerName: string;
  /** one number per bucket of `buckets` */
  cents: number[];
  totalCents: number;
}

export interface ArReport {
  asOf: string;
  basis: AgingBasis;
  buckets: string[];
  rows: ArRow[];
  /**
   * per patient: open with payers on their claims; the patient responsibility still theirs (after the
   * last payer billed, less their payments); and what they paid (net of voids), all as of asOf
   */
  patients: { patient: string; name: string; totalCents: number; patientResponsibilityCents: number; patientPaidCents: number }[];
  totalCents: number;
  /** payments posted per week (Monday) by remittance payment date, the 12 weeks up to asOf */
  cashByWeek: { week: string; cents: number }[];
  /** per denial reason: claims denied with it among the claims adjudicated */
  denialRates: { key: string; words: string; claims: number; adjudicated: number; rate: number; cents: number }[];
  /** open balance ÷ average charge per day billed over the 90 days up to asOf; null when nothing was billed */
  daysInAr: number | null;
}

/** The office's follow-up limits (acks.md §2): days a sent claim may wait for each answer. */
export interface FollowUpDays {
  /** exported, no 999 or TA1 yet */
  syntaxDays: number;
  /** no 277CA from the payer yet */
  acceptanceDays: number;
  /** accepted, no 835 yet */
  remittanceDays: number;
}

/** A sent claim whose answer is overdue: what it waits for, since when, and for how long. */
export interface FollowUpItem extends ClaimInList {
  /** the batch the claim went out in (a 999 or TA1 answers a whole file) */
  batch: string | null;
  waitingFor: '999' | '277CA' | '835';
  since: string;
  days: number;
  limitDays: number;
  /** what to do, in words */
  nextStep: string;
}
