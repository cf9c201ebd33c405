// R-SU-1 Supplies and equipment bundled into the per diem (the payer's `bundledSupplies`, by
// default resources/codes/bundledSupplies.json) are not billed on a date the patient has a billed
// per diem (judged on the dispense date); J7030–J7060 count as bundled unless the therapy is
// hydration; NC Medicaid nutrition products never are (R-PD-13). Otherwise a supply line:
// code = HCPCS, units = ceil(quantity), no NDC — unless the code bills a drug (R-DR-7).
// It goes by the code (§10): a therapy drug with a bundled code is judged the same way per date.
import { inCodeList } from '../../domain/codeLists.ts';
import type { PayerSettings, Product, Therapy } from '../../domain/types.ts';
import { BUNDLED, inRanges } from '../codes.ts';
import { isNcMedicaidNutrition } from './nutritionMedicaidNc.ts';
import { scale } from '../measures.ts';
import { ceilSafe } from '../numbers.ts';
import { hcpcsUnits } from './hcpcsUnits.ts';

/** R-SU-1 info finding: `source` names the dispense or the therapy the product came from. */
export function bundledMessage(product: Product, source: string): string {
  return `${product.name} (${product.hcpcs}, ${source}) is bundled into the per diem and is not billed separately`;
}

export function isBundledSupply(code: string, therapy: Therapy, settings: PayerSettings): boolean {
  if (!inCodeList(code, settings.bundledSupplies) || isNcMedicaidNutrition(therapy, settings)) return false;
  return !(inRanges(code, BUNDLED.lineOpen) && BUNDLED.exemptCategories.includes(therapy.category));
}

/**
 * Units of a supply line: ceil(quantity). A catalog item that states its HCPCS unit and drug per
 * NDC unit (saline 1000 mL bags for J7050 "per 250 cc") bills the HCPCS units of the amount
 * dispensed instead (R-DR-3), since ceil(quantity) would count bags or mL, not the code's unit;
 * null when those two do not convert.
 */
export function supplyUnits(quantity: number, product: Product): number | null {
  if (!statesHcpcsUnit(product)) return Math.max(1, ceilSafe(quantity));
  return hcpcsUnits(scale(product.drugPerNdcUnit!, quantity), product.hcpcsUnit!);
}

export function statesHcpcsUnit(product: Product): boolean {
  return Boolean(product.hcpcsUnit && product.drugPerNdcUnit);
}
