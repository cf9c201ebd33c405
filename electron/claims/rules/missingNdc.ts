// R-DR-7 Every drug line carries its 11-digit NDC, NDC unit and quantity (J codes without an NDC
// deny). A drug line is a drug or JW line, or any line whose HCPCS code bills a drug
// (resources/codes/drugCodes.json: every J-code, Q5101–Q5199) — also a supply line, which then
// takes the NDC, unit and quantity of the dispensed catalog item.
import type { NdcUnit, Product } from '../../domain/types.ts';
import { DRUG_CODES, inRanges } from '../codes.ts';
import { round3 } from '../numbers.ts';

export function isDrugCode(code: string): boolean {
  return inRanges(code, DRUG_CODES);
}

export function hasBillableNdc(ndc: string | null): boolean {
  return ndc !== null && /^\d{11}$/.test(ndc);
}

/**
 * R-DR-11 A J-code line always has an NDC (all payers: "HCPCS “J” codes for drugs submitted
 * without an NDC number will deny" [AW12]): a supply line of a drug code bills the product's NDC,
 * the dispensed quantity (≤ 3 decimals) in the product's NDC unit, UN when it states none.
 */
export function supplyNdc(product: Product, quantity: number): { ndc: string; ndcQty: number; ndcUnit: NdcUnit } {
  return { ndc: product.ndc, ndcQty: round3(quantity), ndcUnit: product.ndcUnit ?? 'UN' };
}

/** The error for a drug line, or null when it carries all three. */
export function missingNdcMessage(line: { code: string; ndc: string | null; ndcUnit: NdcUnit | null; ndcQty: number | null; product?: Product | null }): string | null {
  const { code, ndc } = line;
  if (ndc === null) return `${code} line has no NDC; the payer will deny it`;
  if (!hasBillableNdc(ndc)) return `${code} line has NDC "${ndc}", which is not 11 digits; the payer will deny it`;
  if (line.ndcUnit === null || line.ndcQty === null) {
    const item = line.product ? `catalog item ${line.product.name} (NDC ${ndc})` : `NDC ${ndc}`;
    return `${code} bills a drug, but ${item} has no NDC unit; set its NDC unit (F2, GR, ME, ML or UN) so the line carries NDC, unit and quantity`;
  }
  return null;
}
