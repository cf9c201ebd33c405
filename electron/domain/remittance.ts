// What an 835 says, as read (835.md §2–§10): one Remittance per ST (one payment to one payee).
// Money is integer cents with the 835's signs (reversals negative, PLB positive = taken back).

export type AdjustmentGroup = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

export interface Adjustment {
  /** the CAS segment's position in the file */
  position: number;
  group: AdjustmentGroup;
  /** CARC */
  reason: string;
  cents: number;
  quantity: number | null;
}

export interface Remark {
  /** LQ*HE (RARC), LQ*RX (NCPDP reject), MOA, MIA */
  source: 'LQ' | 'MOA' | 'MIA';
  qualifier: 'HE' | 'RX' | null;
  code: string;
}

export interface Procedure {
  /** HC, N4 (NDC), AD, ER, HP, IV, N6, NU, UI, WK */
  qualifier: string;
  code: string;
  modifiers: string[];
}

export interface RemitLine {
  position: number;
  /** SVC01 as adjudicated */
  procedure: Procedure;
  /** SVC06 as billed, when the payer changed SVC01 */
  submitted: Procedure | null;
  chargeCents: number;
  paidCents: number;
  revenueCode: string | null;
  /** SVC05 units paid, SVC07 units billed when they differ */
  unitsPaid: number | null;
  unitsSubmitted: number | null;
  from: string | null;
  to: string | null;
  /** REF*6R = our 2400 REF*6R */
  lineControlNumber: string | null;
  adjustments: Adjustment[];
  remarks: Remark[];
  /** AMT*B6 allowed and others, by qualifier */
  amounts: { qualifier: string; cents: number }[];
}

/** CLP02 codes (835.md §4). */
export const CLAIM_STATUS_CODES = ['1', '2', '3', '4', '19', '20', '21', '22', '23', '25'] as const;
export type ClaimStatusCode = (typeof CLAIM_STATUS_CODES)[number];

export interface RemitClaim {
  position: number;
  /** CLP01 = our CLM01 */
  claimId: string;
  status: ClaimStatusCode;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number | null;
  filingIndicator: string | null;
  /** CLP07: the payer's claim control number (ICN) */
  payerClaimNumber: string | null;
  facility: string | null;
  frequency: string | null;
  patient: { lastName: string; firstName: string | null; memberId: string | null } | null;
  /** DTM*232 / 233 statement period, DTM*050 received */
  from: string | null;
  to: string | null;
  received: string | null;
  adjustments: Adjustment[];
  remarks: Remark[];
  amounts: { qualifier: string; cents: number }[];
  lines: RemitLine[];
}

export interface ProviderAdjustmentItem {
  /** PLB03-1: WO, FB, L6, 72, CS … */
  reason: string;
  /** PLB03-2, verbatim: often a claim number or account */
  reference: string | null;
  /** positive reduces the payment (money taken back), negative adds to it */
  cents: number;
}

export interface ProviderAdjustment {
  position: number;
  providerId: string;
  fiscalPeriodDate: string;
  items: ProviderAdjustmentItem[];
}

export interface Party {
  name: string;
  /** N103 qualifier and N104 id (payer: XV plan id; payee: XX NPI, FI tax id) */
  qualifier: string | null;
  id: string | null;
  /** REF*2U payer id, REF*TJ tax id … */
  refs: { qualifier: string; value: string }[];
}

export interface Remittance {
  /** ST position and ST02 */
  position: number;
  control: string;
  /** BPR01 handling code, BPR02 total paid, BPR03 C/D, BPR04 ACH/CHK/NON…, BPR16 date */
  handling: string;
  paymentCents: number;
  creditDebit: 'C' | 'D';
  paymentMethod: string;
  paymentDate: string;
  /** TRN02 check/EFT trace, TRN03 payer identifier */
  traceNumber: string;
  traceOriginator: string | null;
  productionDate: string | null;
  payer: Party;
  payee: Party;
  claims: RemitClaim[];
  providerAdjustments: ProviderAdjustment[];
}
