// R-DR-2 The NDC billed for a dose day is that of the dispense covering the date (§10): a dispense
// of the same therapy whose product has the drug's HCPCS code (the exact NDC when two of the
// therapy's drugs share a code) covering date … date + daysSupply − 1; the latest dispense date
// wins, ties to the greater dispense id. No covering dispense: no drug line, an error.
import type { Dispense, Product, Therapy, TherapyDrug } from '../../domain/types.ts';
import { toDay } from '../dates.ts';

export interface DispenseCandidate {
  dispense: Dispense;
  product: Product;
  first: number;
  last: number;
}

/** The dispenses that may cover a therapy drug, latest first. */
export function dispenseCandidates(
  therapy: Therapy,
  drug: TherapyDrug,
  dispenses: readonly Dispense[],
  products: ReadonlyMap<string, Product>,
): DispenseCandidate[] {
  const drugProduct = products.get(drug.ndc);
  if (!drugProduct) return [];
  const sharedCode = therapy.drugs.some((d) => d !== drug && products.get(d.ndc)?.hcpcs === drugProduct.hcpcs);
  const out: DispenseCandidate[] = [];
  for (const dispense of dispenses) {
    const product = products.get(dispense.ndc);
    if (!product || product.kind === 'supply' || product.hcpcs !== drugProduct.hcpcs) continue;
    if (sharedCode && dispense.ndc !== drug.ndc) continue;
    const first = toDay(dispense.date);
    out.push({ dispense, product, first, last: first + Math.max(dispense.daysSupply, 1) - 1 });
  }
  return out.sort((a, b) => b.first - a.first || (a.dispense.id < b.dispense.id ? 1 : a.dispense.id > b.dispense.id ? -1 : 0));
}

export function coveringDispense(candidates: readonly DispenseCandidate[], day: number): DispenseCandidate | null {
  for (const c of candidates) if (c.first <= day && day <= c.last) return c;
  return null;
}

export function notDispensedMessage(therapyId: string, productName: string, date: string): string {
  return `Therapy ${therapyId}: ${productName} was not dispensed for ${date} (no dispense covers it), so the drug is not billed; record the dispense`;
}
