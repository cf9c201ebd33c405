// R-SU-2 TPN: standard components (catalog items with tpnIncluded: true) are included in the
// TPN per diem (S9364–S9368) and are not billed; lipids, specialty amino acids and the like
// (tpnIncluded false or absent) are billed separately.
import type { Product } from '../../domain/types.ts';

export function includedInTpnPerDiem(product: Product): boolean {
  return product.tpnIncluded === true;
}
