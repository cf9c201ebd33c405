// R-DR-9 A line whose NDC unit of measure the payer does not accept is an error — except a
// milligram (ME) product for a payer that takes grams (GR) but not ME (AllWays: the UOM list is
// F2, GR, ML and UN, its example "50mg GR" [AW7]): it is billed in GR, exact to the milligram.
// Administered GR = round half-up to 3 decimals of (ME ÷ 1000); opened GR the same of the
// containers opened; JW GR = opened − administered. A result of 0.000 stays ME (and an error).
// F2, ML and UN are never converted.
import type { NdcUnit, PayerSettings } from '../../domain/types.ts';
import { round3 } from '../numbers.ts';

const MG_PER_GRAM = 1000;

export function ndcUnitAccepted(unit: NdcUnit, settings: PayerSettings): boolean {
  return settings.ndcUnits.includes(unit);
}

function billsMilligramsInGrams(productUnit: NdcUnit | null | undefined, settings: PayerSettings): boolean {
  return productUnit === 'ME' && !ndcUnitAccepted('ME', settings) && ndcUnitAccepted('GR', settings);
}

/**
 * The administered and JW quantities as billed: in GR when the rule converts them, else as given
 * (in the product's unit). `wasteQty` is the JW line's quantity in ME, null without one.
 */
export function billedNdcQuantities(
  productUnit: NdcUnit | null | undefined,
  settings: PayerSettings,
  qty: number,
  wasteQty: number | null,
): { unit: NdcUnit | null; qty: number; wasteQty: number | null } {
  const asGiven = { unit: productUnit ?? null, qty, wasteQty };
  if (!billsMilligramsInGrams(productUnit, settings)) return asGiven;
  const grams = round3(qty / MG_PER_GRAM);
  if (grams === 0) return asGiven;
  const opened = wasteQty === null ? null : round3((qty + wasteQty) / MG_PER_GRAM);
  return { unit: 'GR', qty: grams, wasteQty: opened === null ? null : round3(opened - grams) };
}

/** R-DR-10 compares in the product's unit: a quantity billed in GR for an ME product, back in ME. */
export function inProductUnit(qty: number, billedUnit: NdcUnit | null, productUnit: NdcUnit | null | undefined): number {
  return billedUnit === 'GR' && productUnit === 'ME' ? round3(qty * MG_PER_GRAM) : qty;
}
