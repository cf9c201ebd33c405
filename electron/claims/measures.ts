// Dose arithmetic across measures (R-DR-3, §10 "Measures"): mcg, mg and g convert among
// themselves; `units` and `IU` are one measure; mL converts only to mL.
import type { Measure, Quantity } from '../domain/types.ts';

const SCALE: Record<Measure, { dim: 'mass' | 'units' | 'volume'; factor: number }> = {
  mcg: { dim: 'mass', factor: 1 },
  mg: { dim: 'mass', factor: 1_000 },
  g: { dim: 'mass', factor: 1_000_000 },
  units: { dim: 'units', factor: 1 },
  IU: { dim: 'units', factor: 1 },
  mL: { dim: 'volume', factor: 1 },
};

/** a ÷ b as a plain number, or null when the measures do not convert (a data error). */
export function ratio(a: Quantity, b: Quantity): number | null {
  const sa = SCALE[a.unit];
  const sb = SCALE[b.unit];
  if (!sa || !sb || sa.dim !== sb.dim || !(b.amount > 0)) return null;
  return (a.amount * sa.factor) / (b.amount * sb.factor);
}

export function scale(q: Quantity, times: number): Quantity {
  return { amount: q.amount * times, unit: q.unit };
}
