import type { ClaimLifeStatus } from '../domain/receivables.ts';
import type { Claim, ClaimLine, ClaimStatus, Finding } from '../domain/claims.ts';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { FilePayload } from './result.ts';
import type { PrinterOffset } from './settings.ts';

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /** payer id; all payers when absent */
  payer?: string | null;
}

/** What a submission takes: a range open at either end (all drafts when both are absent), a payer or all. */
export interface Selection {
  from?: IsoDate;
  to?: IsoDate;
  payer?: string | null;
}

/** One claim as the workbench lists it, with its findings inline. */
export interface ClaimRow {
  id: string;
  patient: string;
  patientName: string;
  payer: string;
  payerName: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  frequency: Claim['frequency'];
  /** as every view reads it: `reversed` when the payer reversed its payment */
  status: ClaimLifeStatus;
  totalCents: number;
  lineCount: number;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** warnings acknowledged by the biller (export needs this when there are warnings) */
  acknowledged: boolean;
  /** no errors, warnings acknowledged (or none), still a draft */
  exportable: boolean;
  batch: string | null;
  /** the patient's coverage priority with this claim's payer (2 secondary, 3 tertiary) */
  priority: 1 | 2 | 3;
  /** R-CO-1: the earlier payer's claim this one follows */
  primaryClaim: string | null;
  /** the claims drafted after this one for the next payers */
  followers: string[];
}

export interface BuildOutcome {
  claims: ClaimRow[];
  /** findings of the last build not tied to a claim (e.g. a visit with no therapy); empty when listing */
  unattached: Finding[];
  /** the range actually built (a build widens it to whole draft claims), or the range listed */
  from: IsoDate;
  to: IsoDate;
  totals: { claims: number; errors: number; warnings: number; totalCents: number };
}

export type SourceKind = 'therapy' | 'visit' | 'dispense' | 'other';

/** Where a billed line came from: the record a biller opens to fix it. */
export interface LineSource {
  key: string;
  kind: SourceKind;
  /** record id (therapy, visit or dispense id) */
  id: string | null;
  therapy: string | null;
  date: IsoDate | null;
  label: string;
}

export interface ClaimDetail {
  row: ClaimRow;
  claim: Claim;
  /** `rejection`: R-AK-1, the 277CA's rejection of the line (2220D) in words, null when none */
  lines: Array<ClaimLine & { number: number; sources: LineSource[]; findings: Finding[]; rejection: string | null }>;
}

export interface BatchRow {
  id: string;
  kind: '837' | 'pdf';
  createdAt: IsoDateTime;
  fileName: string;
  claimCount: number;
  /** bytes */
  size: number;
  sha256: string;
  /** ISA13 of an 837P batch (9 digits); null for a print */
  interchangeControl: string | null;
}

export interface ExportOutcome {
  batch: BatchRow | null;
  file: FilePayload | null;
  /** claims of the period not in the file, and why */
  leftOut: Array<{ claim: string; reason: string }>;
  /** the claims in the file, in file order */
  claims: string[];
  /** CMS-1500 pages printed; null for an 837P */
  pages: number | null;
}

export type PdfExportArgs = Selection & {
  form: 'full' | 'data';
  batch?: string | null;
  acceptWarnings?: boolean;
  preview?: boolean;
  offset?: PrinterOffset;
  remittancePages?: boolean;
};

export type BillingHandlers = {
  'billing.build': (args: Period) => BuildOutcome;
  'billing.listClaims': (args: Period) => BuildOutcome;
  'billing.getClaim': (args: { id: string }) => ClaimDetail;
  /** R-CL-11: the biller has read the claim's current warnings */
  'billing.acknowledge': (args: { claim: string }) => ClaimRow;
  'billing.export837': (args: Selection & { acceptWarnings?: boolean }) => ExportOutcome;
  /**
   * CMS-1500: a print of the period's drafts is recorded as a pdf batch (outcome.batch) and locks
   * them; `batch` reprints any batch and `preview` draws marked draft forms, both recording nothing.
   * `remittancePages` (default true): after a secondary's or tertiary's form, a page per earlier
   * payer's remittance for it (R-CO-3: the paper payer wants the EOB with the claim)
   */
  'billing.exportPdf': (args: PdfExportArgs) => ExportOutcome;
  'billing.batches': (args: void) => BatchRow[];
  'billing.downloadBatch': (args: { id: string }) => FilePayload;
  /** a replacement (7) or void (8) of an exported claim, as a new draft; the payer's claim number defaults to the one stored from its 277CA or 835 */
  'billing.correct': (args: { claim: string; frequency: '7' | '8'; originalClaimNumber?: string }) => ClaimRow;
};
