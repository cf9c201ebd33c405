// The dispensing log: what the pharmacy sent (billing-rules §1 "Dispense").
import type { Dispense, IsoDate, NdcUnit, Product } from '../../domain/types.ts';

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

export interface DispenseDraft {
  /** blank or absent for a new dispense: the next free `D…` number */
  id?: string | null;
  therapy: string;
  date: IsoDate;
  /** any accepted NDC form (hyphenated 4-4-2, 5-3-2, 5-4-1, 5-4-2 or 11 digits) */
  ndc: string;
  quantity: number;
  daysSupply: number;
  lot?: string | null;
  expiry?: IsoDate | null;
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
  'dispenses.save': (args: DispenseDraft) => Dispense;
};
