// What an earlier payer decided about a claim, as a secondary or tertiary claim carries it
// (837P loops 2320/2330A/2330B per payer and 2430 per line, CMS-1500 items 9–9d/11d and the
// attached remittance). Copied from that payer's posted 835, never recomputed (cob.md §6).
// Money is integer cents.
import type { IsoDate } from './types.ts';

/** A CAS adjustment as the earlier payer reported it (835 2100 or 2110 CAS). */
export interface PriorAdjustment {
  group: 'CO' | 'PR' | 'OA' | 'PI';
  /** CARC */
  reason: string;
  cents: number;
  quantity: number | null;
}

/** One 2430: the earlier payer's decision on one line of this claim. */
export interface PriorLineAdjudication {
  /** 1-based line number on the claim that carries it */
  line: number;
  /** SVD02: the line paid amount (835 SVC03) */
  paidCents: number;
  /** SVD03: the procedure as adjudicated (835 SVC01, its HCPCS when the payer answered by NDC) */
  code: string;
  modifiers: string[];
  /** SVD05 (835 SVC05; 1 when absent) */
  unitsPaid: number;
  adjustments: PriorAdjustment[];
  /** AMT*EAF: what is left for the patient after this payer, in the provider's judgment: Σ PR */
  remainingPatientCents: number;
}

/** One 2320 + 2330A + 2330B: an earlier payer's decision on the claim. */
export interface PriorPayerAdjudication {
  /** our payer id (its name, payer id and filing indicator come from the records) */
  payer: string;
  /** the patient's coverage priority with that payer: 2320 SBR01 P/S/T */
  priority: 1 | 2 | 3;
  /** the claim we sent that payer */
  claimId: string;
  /** 835 CLP07: 2330B REF*F8 */
  payerClaimNumber: string | null;
  /** 835 BPR16: 2330B and 2430 DTP*573 */
  adjudicatedOn: IsoDate;
  /** 835 CLP04: 2320 AMT*D */
  paidCents: number;
  /** 835 2100 CAS: 2320 CAS */
  adjustments: PriorAdjustment[];
  /** MOA remark codes: 2320 MOA */
  remarks: string[];
  /**
   * AMT*EAF at claim level: written only when `lines` is empty (the payer answered at claim level
   * only, or never saw these lines: R-CO-3); otherwise each 2430 carries its own (cob.md §3).
   */
  remainingPatientCents: number;
  /** empty: claim-level only (no 2430) */
  lines: PriorLineAdjudication[];
}
