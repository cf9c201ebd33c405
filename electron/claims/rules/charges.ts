// R-CL-6 Charges: units × the payer's fee (a `CODE:NDC` price wins over `CODE`), else the
// organization's charge master; no price is an error. With `chargeBasis: chargeMaster` (WellCare:
// "Provider(s) shall bill their usual and customary charges." [WC6]) the charge master alone
// prices the line, and the payer's fees serve only as the expected payment (R-RA-5). Prices are integer micro-dollars per unit,
// so cents = round half-up(units × micros ÷ 10 000) stays in exact integer arithmetic.
import type { Payer, PriceTable } from '../../domain/types.ts';

/** A price table's price for the code: `CODE:NDC` wins over `CODE`. */
export function tablePrice(table: PriceTable, code: string, ndc: string | null): number | null {
  if (ndc !== null && table[`${code}:${ndc}`] !== undefined) return table[`${code}:${ndc}`]!;
  return table[code] ?? null;
}

export function unitPriceMicros(payer: Payer, chargeMaster: PriceTable, code: string, ndc: string | null): number | null {
  if (payer.settings.chargeBasis === 'chargeMaster') return tablePrice(chargeMaster, code, ndc);
  return tablePrice(payer.fees, code, ndc) ?? tablePrice(chargeMaster, code, ndc);
}

export function chargeCents(units: number, micros: number | null): number {
  if (micros === null) return 0;
  const scaled = units * micros; // integers well below 2^53 for any real claim line
  return Math.floor((scaled + 5_000) / 10_000);
}

/** What to add: under `chargeMaster` only a charge master price prices the line (a fee would not). */
export function noPriceMessage(code: string, ndc: string | null, payer: Pick<Payer, 'name' | 'settings'>): string {
  const what = `No price for ${code}${ndc ? ` (NDC ${ndc})` : ''}`;
  if (payer.settings.chargeBasis === 'chargeMaster') return `${what}: add a charge master price (payer ${payer.name} is billed the office's usual and customary charges)`;
  return `${what}: add a fee for payer ${payer.name} or a charge master price`;
}
