// R-DR-3 HCPCS units = ceil(day's dose ÷ HCPCS unit), at least 1 (CMS: round up to the next
// whole unit); mcg/mg/g convert, units/IU and mL only to themselves.
import type { Quantity } from '../../domain/types.ts';
import { ratio } from '../measures.ts';
import { ceilSafe } from '../numbers.ts';

export function hcpcsUnits(dayDose: Quantity, hcpcsUnit: Quantity): number | null {
  const r = ratio(dayDose, hcpcsUnit);
  return r === null ? null : Math.max(1, ceilSafe(r));
}
