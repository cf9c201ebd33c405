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
