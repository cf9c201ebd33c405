// R-SU-3 Never separately billable: a code in the payer's `alwaysBundled` (HCSC: "J1642, A4216
// and A4218 are considered Supply codes … not eligible for separate reimbursement" [HC8], on any
// date) gives no line, whether dispensed as a supply or given as a therapy drug; one info each.
import { inCodeList } from '../../domain/codeLists.ts';
import type { PayerSettings, Product } from '../../domain/types.ts';

export function isAlwaysBundled(code: string, settings: PayerSettings): boolean {
  return inCodeList(code, settings.alwaysBundled);
}

/** `source` names the dispense or the therapy the product came from. */
export function alwaysBundledMessage(product: Product, source: string, payerName: string): string {
  return `${product.name} (${product.hcpcs}, ${source}) is never billed separately to ${payerName}`;
}
