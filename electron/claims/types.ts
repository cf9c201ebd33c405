// Public inputs of the engine beyond the Dataset, and the internal shapes its rules pass around.
import type { ExportedFact, LineKind, Severity } from '../domain/claims.ts';
import type { IsoDate, NdcUnit, Nurse, Patient, Payer, PayerSettings, Product, Therapy, Visit } from '../domain/types.ts';

export interface BuildRange {
  from: IsoDate;
  to: IsoDate;
  payer?: string;
}

export type { ExportedFact };

export interface ExportedFacts {
  keys: ReadonlyMap<string, ExportedFact>;
}

export interface BuildOptions {
  /** the build date (R-CL-10) */
  today: IsoDate;
  exported?: ExportedFacts;
  /** claim ids already used by claims the build keeps (R-CL-7: ids stay unique in the store) */
  reservedIds?: ReadonlySet<string>;
}

/** A finding before it knows its claim and line number. */
export interface PendingFinding {
  severity: Severity;
  rule: string;
  message: string;
  patient: string | null;
  day: number | null;
  therapy?: string | null;
  code?: string | null;
  visit?: string | null;
  dispense?: string | null;
  /** claim of an exported source key (R-CL-8) */
  claim?: string | null;
  /**
   * where it lands: on a line (claim + line), on the claim holding a therapy's lines of a day,
   * on every claim holding a therapy's lines, or nowhere
   */
  anchor: { line: Fact } | { therapy: string; day: number } | { therapy: string } | null;
}

/**
 * What a fact producer states about one billable fact; newFact (facts/fact.ts) adds the parts
 * every rule needs. Every field is always present: the engine makes thousands of these.
 */
export interface FactInput {
  kind: LineKind;
  therapy: Therapy;
  patient: Patient;
  payer: Payer;
  day: number;
  code: string;
  modifiers: string[];
  units: number;
  ndc: string | null;
  ndcQty: number | null;
  ndcUnit: NdcUnit | null;
  sourceKey: string;
  /** order within the date (R-CL-2), compared after the date */
  order: number[];
  visit: Visit | null;
  nurse: Nurse | null;
  dispenseId: string | null;
  product: Product | null;
}

/** One billable fact of one day (one source key), before grouping into claims. */
export interface Fact extends FactInput {
  settings: PayerSettings;
  /** the day's authorization (R-CL-5) */
  priorAuth: string | null;
  unitPriceMicros: number | null;
  chargeCents: number;
  /** R-CL-12 NOC description, R-DR-12 drug-line note, R-DR-8 modifiers the CMS-1500 alone prints */
  description: string | null;
  note: string | null;
  paperModifiers: string[] | null;
  /** the final line once claims are assembled */
  placed?: { claim: number; line: number };
}

export interface FactSink {
  facts: Fact[];
  findings: PendingFinding[];
}
