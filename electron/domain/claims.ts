// What the claim engine produces and the exporters consume. Field names of Claim, ClaimLine and
// Finding that appear in `perdiem build --json` are a public contract (docs/cli.md, `perdiem build`).
import type { PriorPayerAdjudication } from './priorPayers.ts';
import type { IsoDate, NdcUnit } from './types.ts';

export type LineKind = 'perDiem' | 'drug' | 'waste' | 'supply' | 'nursing';

export interface ClaimLine {
  from: IsoDate;
  to: IsoDate;
  code: string;
  /** e.g. [], ['SH'], ['SH','59'], ['KP','JW'] */
  modifiers: string[];
  units: number;
  chargeCents: number;
  /** diagnosis letters A–L, at most 4 */
  pointers: string[];
  ndc: string | null;
  ndcQty: number | null;
  ndcUnit: NdcUnit | null;
  /** the billable fact's key (the first, for a line spanning several days) */
  sourceKey: string;
  /** every source key the line bills (one per day for a week/month span) */
  sourceKeys: string[];
  kind: LineKind;
  therapy: string | null;
  /** nursing lines: the visit and the nurse's NPI (rendering provider when it has one) */
  visit?: string | null;
  renderingNpi?: string | null;
  /** place of service (R-CL-4): '12' home */
  placeOfService?: string;
  /** hash of the billed facts of each source key, parallel to sourceKeys (R-CL-8) */
  factHashes?: string[];
  /** R-CL-12: a NOC code's description (837P SV101-7, CMS-1500 ZZ); present only when set */
  description?: string;
  /** R-DR-12: the drug-line note (837P NTE*ADD, CMS-1500 shaded 24); present only when set */
  note?: string;
  /** R-DR-8 `paper`: the modifiers the CMS-1500 prints (KP/KQ first); present only when they differ */
  paperModifiers?: string[];
}

export type ClaimFrequency = '1' | '7' | '8';
export type ClaimStatus = 'draft' | 'exported' | 'accepted' | 'rejected' | 'paid' | 'denied' | 'void';

export interface Claim {
  /** stable patient control number, at most 14 characters (R-CL-7): CLM01, CMS-1500 item 26 (14 wide) */
  id: string;
  patient: string;
  payer: string;
  /** coverage priority of the patient with that payer (1 primary, 2, 3) */
  coveragePriority: 1 | 2 | 3;
  prescriber: string;
  frequency: ClaimFrequency;
  priorAuth: string | null;
  /** payer's claim control number of the original (REF*F8, item 22) for frequency 7/8 */
  originalClaimNumber?: string | null;
  /** ICD-10-CM without the dot, in pointer order (A = first) */
  diagnoses: string[];
  totalCents: number;
  /** claim period (R-CL-1) */
  periodFrom: IsoDate;
  periodTo: IsoDate;
  lines: ClaimLine[];
  status?: ClaimStatus;
  /** a secondary or tertiary claim: the claim it follows (the previous payer's claim), R-CO-1 */
  primaryClaim?: string | null;
  /** R-CO-1: each earlier payer's adjudication, in payer order (837P 2320/2430, CMS-1500 item 9) */
  priorPayers?: PriorPayerAdjudication[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** R-… id from billing-rules.md */
  rule: string;
  /** plain words for a biller */
  message: string;
  claim?: string | null;
  /** 1-based line number on the claim */
  line?: number | null;
  patient?: string | null;
  date?: IsoDate | null;
  therapy?: string | null;
  code?: string | null;
  visit?: string | null;
  dispense?: string | null;
}

export interface BuildResult {
  claims: Claim[];
  findings: Finding[];
}

/** A source key already on an exported (not void) claim, as the store knows it (R-CL-8). */
export interface ExportedFact {
  claim: string;
  /** fact hash at export time (see factHash) */
  hash: string;
  date: IsoDate;
  patient: string;
  payer: string;
  /** what the key billed, so authorized units (R-CL-5) count what earlier claims used */
  therapy?: string | null;
  priorAuth?: string | null;
  code?: string;
  units?: number;
  /** NDC quantity of a drug or JW key, so R-DR-10 counts what earlier claims billed from a dispense */
  ndcQty?: number | null;
  /** the unit that quantity was billed in (GR for a milligram product under R-DR-9), so R-DR-10 counts it in the product's unit */
  ndcUnit?: NdcUnit | null;
}

/** REF*6R: unique per line so an 835 (2110 REF*6R) matches back to claim + line. */
export function lineControlNumber(claimId: string, lineNumber: number): string {
  return `${claimId}-${lineNumber}`;
}
