// The dispensing log: what the pharmacy sent (billing-rules §1 "Dispense").
import type { Versioned } from './result.ts';
import type { ClaimLifeStatus } from '../domain/receivables.ts';
import type { Dispense, IsoDate, NdcUnit, Product } from '../domain/types.ts';

export interface DispenseRow extends Dispense {
  patient: string;
  patientName: string;
  productName: string | null;
  hcpcs: string | null;
  ndcUnit: NdcUnit | null;
}

export interface ProductHit {
  product: Product;
  /** 5-4-2 with hyphens */
  ndcDisplay: string;
  /** the product is one of the chosen therapy's drugs */
  onTherapy: boolean;
}

/** A dispense as the form sends it: the stored fields, the id optional, the NDC in any form. */
export interface DispenseDraft extends Omit<Dispense, 'id'> {
  /** blank or absent for a new dispense: the next free `D…` number */
  id?: string | null;
  /** the version the form was opened on (DispenseDetail.version): a save over a newer change is refused (`code: 'conflict'`) */
  version?: number;
  /** any accepted NDC form (hyphenated 4-4-2, 5-3-2, 5-4-1, 5-4-2 or 11 digits) */
  ndc: string;
}

/** A sent claim that billed the therapy's drugs or supplies on dates the dispense covers. */
export interface BilledSpan {
  claim: string;
  status: ClaimLifeStatus;
  /** first and last of those dates */
  first: IsoDate;
  last: IsoDate;
}

/** One dispense for the edit form. */
export interface DispenseDetail {
  row: DispenseRow;
  /** what an edit sends back as `version` */
  version: number;
  /** the dispensed product (null if the catalog lost it) */
  product: Product | null;
  /** the dates it covers: date … date + days' supply − 1 */
  coversFrom: IsoDate;
  coversTo: IsoDate;
  /**
   * Sent claims billing those dates (R-CL-8): while there are any, its date, product, quantity,
   * days' supply and therapy cannot change; lot and expiry can.
   */
  billed: BilledSpan[];
}

export interface DispenseFilter {
  patient?: string;
  therapy?: string;
  from?: IsoDate;
  to?: IsoDate;
  /** any NDC form or part of a product name */
  product?: string;
  limit?: number;
}

export type DispensesHandlers = {
  'dispenses.list': (args: DispenseFilter) => DispenseRow[];
  /** NDC in any hyphenated form (or its digits) or part of the product name */
  'dispenses.findProducts': (args: { query: string; therapy?: string; limit?: number }) => ProductHit[];
  /** records a new dispense (an id of a stored one edits it, with the same checks as update) */
  'dispenses.save': (args: DispenseDraft) => Versioned<Dispense>;
  'dispenses.get': (args: { id: string }) => DispenseDetail;
  /** edits a stored dispense; refused when it would change what a sent claim billed */
  'dispenses.update': (args: DispenseDraft & { id: string }) => Versioned<Dispense>;
};
