// R-SU-1 Supplies and equipment bundled into the per diem (resources/codes/bundledSupplies.json)
// are not billed on a date the patient has a billed per diem (judged on the dispense date);
// J7030–J7060 count as bundled unless the therapy is hydration. Otherwise a supply line:
// code = HCPCS, units = ceil(quantity), no NDC.
import { BUNDLED, inRanges } from '../codes.ts';
import { ceilSafe } from '../numbers.ts';

export function isBundledSupply(code: string, therapyCategory: string): boolean {
  if (inRanges(code, BUNDLED.always)) return true;
  return inRanges(code, BUNDLED.lineOpen) && !BUNDLED.exemptCategories.includes(therapyCategory);
}

export function supplyUnits(quantity: number): number {
  return Math.max(1, ceilSafe(quantity));
}
