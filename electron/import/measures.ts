// billing-rules §10 "Measures", for import checks and the demo; the conversion table is the
// engine's (electron/claims/measures.ts), so import and billing can never disagree.
import type { Measure } from '../domain/types.ts';
import { ratio } from '../claims/measures.ts';

export const MEASURES: Measure[] = ['mcg', 'mg', 'g', 'units', 'IU', 'mL'];

export function canConvert(from: Measure, to: Measure): boolean {
  return ratio({ amount: 1, unit: from }, { amount: 1, unit: to }) !== null;
}

/** `amount` of `from` expressed in `to`; only between convertible measures. */
export function convert(amount: number, from: Measure, to: Measure): number {
  const r = ratio({ amount, unit: from }, { amount: 1, unit: to });
  if (r === null) throw new Error(`${from} cannot convert to ${to}`);
  return r;
}
