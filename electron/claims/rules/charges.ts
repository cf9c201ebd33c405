// R-CL-6 Charges: units × the payer's fee (a `CODE:NDC` price wins over `CODE`), else the
// organization's charge master; no price is an error. Prices are integer micro-dollars per unit,
// so cents = round half-up(units × micros ÷ 10 000) stays in exact integer arithmetic.
import type { Payer, PriceTable } from '../../domain/types.ts';

export function unitPriceMicros(payer: Payer, chargeMaster: PriceTable, code: string, ndc: string | null): number | null {
  const byNdc = ndc ? `${code}:${ndc}` : null;
  const fees = payer.fees;
  if (byNdc !== null && fees[byNdc] !== undefined) return fees[byNdc]!;
  if (fees[code] !== undefined) return fees[code]!;
  if (byNdc !== null && chargeMaster[byNdc] !== undefined) return chargeMaster[byNdc]!;
  return chargeMaster[code] ?? null;
}

export function chargeCents(units: number, micros: number | null): number {
  if (micros === null) return 0;
  const scaled = units * micros; // integers well below 2^53 for any real claim line
  return Math.floor((scaled + 5_000) / 10_000);
}

export function noPriceMessage(code: string, ndc: string | null, payerName: string): string {
  return `No price for ${code}${ndc ? ` (NDC ${ndc})` : ''}: add a fee for payer ${payerName} or a charge master price`;
}
