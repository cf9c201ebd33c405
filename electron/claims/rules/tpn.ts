// R-SU-2 TPN: standard components (catalog items with tpnIncluded: true) are included in the
// TPN per diem and are not billed — but only "with S9364–S9368" (§10): on a therapy whose per
// diem is another code, or none (Medicare HIT, NC Medicaid's uncovered TPN, hydration), the same
// product is billed like any drug. Lipids, specialty amino acids and the like (tpnIncluded false
// or absent) are always billed separately.
import type { Product } from '../../domain/types.ts';
import { inRanges, TPN_PER_DIEMS } from '../codes.ts';

/** `perDiemCode`: the therapy's per diem code in its payer's code set, null when it has none. */
export function includedInTpnPerDiem(product: Product, perDiemCode: string | null): boolean {
  return product.tpnIncluded === true && perDiemCode !== null && inRanges(perDiemCode, TPN_PER_DIEMS);
}
