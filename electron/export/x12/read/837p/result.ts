// What read837() gives back: the claims as read, for tests and the export service to compare
// with what was meant to be written.
import type { X12Issue } from '../issues.ts';

export interface ReadLine {
  n: number;
  code: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  /** HI positions, 1-based */
  pointers: number[];
  from: string;
  to: string;
  lineControlNumber: string | null;
  ndc: string | null;
  ndcQty: number | null;
  ndcUnit: string | null;
  renderingNpi: string | null;
  /** 2430: each earlier payer's decision on the line */
  adjudications: ReadLineAdjudication[];
}

export interface ReadAdjustment {
  group: string;
  reason: string;
  cents: number;
  quantity: number | null;
}

/** 2430 as read. */
export interface ReadLineAdjudication {
  /** SVD01 = that payer's 2330B NM109 */
  payerId: string;
  paidCents: number;
  code: string;
  modifiers: string[];
  units: number;
  adjustments: ReadAdjustment[];
  /** DTP*573, ISO */
  adjudicatedOn: string | null;
  /** AMT*EAF */
  remainingPatientCents: number | null;
}

/** 2320 + 2330A + 2330B as read. */
export interface ReadOtherPayer {
  /** SBR01 P S T … */
  responsibility: string;
  relationship: string;
  groupNumber: string | null;
  filingIndicator: string;
  adjustments: ReadAdjustment[];
  /** AMT*D */
  paidCents: number | null;
  /** AMT*EAF at claim level */
  remainingPatientCents: number | null;
  memberId: string | null;
  payerName: string | null;
  payerId: string | null;
  adjudicatedOn: string | null;
  /** 2330B REF*F8 */
  payerClaimNumber: string | null;
  /** MOA03–07: that payer's claim-level remark codes */
  remarks: string[];
}

export interface ReadClaim {
  id: string;
  totalCents: number;
  placeOfService: string;
  frequency: string;
  priorAuth: string | null;
  originalClaimNumber: string | null;
  diagnoses: string[];
  referringNpi: string | null;
  payerId: string | null;
  memberId: string | null;
  /** PAT01 when the patient is not the subscriber */
  patientRelationship: string | null;
  /** 2320–2330B, in file order */
  otherPayers: ReadOtherPayer[];
  lines: ReadLine[];
}

export interface Read837Result {
  ok: boolean;
  errors: X12Issue[];
  warnings: X12Issue[];
  /** every segment as its elements (components joined by the component separator), ISA first */
  segments: string[][];
  claims: ReadClaim[];
  interchangeControlNumber: string | null;
  groupControlNumber: string | null;
  transactionControlNumber: string | null;
}
