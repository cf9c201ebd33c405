// What posting takes (the stored claims, as plain data) and gives (postings, provider-level
// items, what matched nothing, underpaid lines). The store saves these as they are; nothing here
// reads or writes a database.
import type { AdjustmentGroup, ClaimStatusCode, Remark } from './remittance.ts';

/** what R-RA-5 prices a stored line by */
export interface ExpectedLine {
  code: string;
  modifiers: readonly string[];
  ndc: string | null;
  units: number;
}

/** R-RA-5: the payer's expected payment for a line, in cents; null when its fee schedule has no fee for it */
export type ExpectedPayment = (payer: string, line: ExpectedLine) => number | null;

export type StoredClaimStatus = 'draft' | 'exported' | 'accepted' | 'rejected' | 'paid' | 'denied' | 'reversed' | 'void';

export interface StoredLine {
  /** 1-based line number on the claim (our REF*6R is `<claim id>-<line>`) */
  line: number;
  code: string;
  modifiers: readonly string[];
  from: string;
  to: string;
  units: number;
  chargeCents: number;
  /** the payer's expected payment for the line (R-RA-5), null when its schedule has no fee for it */
  expectedCents: number | null;
  /** R-DR-8 `paper`: KP/KQ the CMS-1500 printed beside `modifiers` (never on the 837P) */
  paperModifiers?: readonly string[];
}

export interface StoredClaim {
  id: string;
  /** our payer id */
  payer: string;
  frequency: '1' | '7' | '8';
  status: StoredClaimStatus;
  payerClaimNumber: string | null;
  chargeCents: number;
  lines: StoredLine[];
}

export interface PostedAdjustment {
  group: AdjustmentGroup;
  /** CARC */
  reason: string;
  cents: number;
  quantity: number | null;
}

export interface LinePosting {
  line: number;
  /** SVC positions in the file (several when the payer split the line) */
  positions: number[];
  chargeCents: number;
  paidCents: number;
  unitsPaid: number | null;
  adjustments: PostedAdjustment[];
  /** LQ remark codes (RARC when qualifier HE) */
  remarks: Remark[];
}

export interface RemittanceRef {
  /** ST02, TRN02 (check/EFT trace), BPR16 */
  control: string;
  traceNumber: string;
  paymentDate: string;
}

export interface ClaimPosting {
  id: string;
  claimId: string;
  payer: string;
  remittance: RemittanceRef;
  /** CLP position in the file */
  position: number;
  kind: 'payment' | 'reversal';
  /** CLP02 */
  statusCode: ClaimStatusCode;
  payerClaimNumber: string | null;
  chargeCents: number;
  /** matched lines' payments, or CLP04 when the claim has no lines */
  paidCents: number;
  /** Σ PR, claim and line level, of what was posted */
  patientResponsibilityCents: number;
  /** claim-level CAS */
  adjustments: PostedAdjustment[];
  /** MOA/MIA remark codes */
  remarks: Remark[];
  lines: LinePosting[];
  /** the payment posting a reversal undoes */
  reverses: string | null;
  /** some of the claim's remit lines matched no billed line (they are in `unmatched`) */
  needsReview: boolean;
  postedAt: string;
}

export interface ProviderPosting {
  id: string;
  payer: string | null;
  remittance: RemittanceRef;
  position: number;
  providerId: string;
  /** PLB reason (WO, FB, L6, 72, CS …) and its reference, verbatim */
  reason: string;
  reference: string | null;
  /** positive = taken back from this payment, negative = added to it */
  cents: number;
  /** a claim the reference names (a hint for the person; PLB money is never put on a claim) */
  relatedClaimId: string | null;
  postedAt: string;
}

export type UnmatchedKind = 'remittance' | 'claim' | 'line' | 'reversal' | 'provider-adjustment';

export interface Unmatched {
  kind: UnmatchedKind;
  position: number;
  claimId: string | null;
  reason: string;
  /** the money it carries (paid for claims and lines, the amount for PLB): parked in suspense */
  cents: number;
}

export interface UnderpaidLine {
  claimId: string;
  line: number;
  /** R-RA-5: units × fee */
  expectedCents: number;
  /** paid + patient responsibility (what the payer allowed under the contract) */
  allowedCents: number;
  differenceCents: number;
}

export interface PostingResult {
  claims: ClaimPosting[];
  provider: ProviderPosting[];
  unmatched: Unmatched[];
  underpaid: UnderpaidLine[];
}
