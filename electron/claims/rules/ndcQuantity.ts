// R-DR-4 NDC quantity = day's dose ÷ drug per NDC unit, to 3 decimals.
import type { Quantity } from '../../domain/types.ts';
import { ratio } from '../measures.ts';
import { round3 } from '../numbers.ts';

export function ndcQuantity(dayDose: Quantity, drugPerNdcUnit: Quantity): number | null {
  const r = ratio(dayDose, drugPerNdcUnit);
  return r === null ? null : round3(r);
}
