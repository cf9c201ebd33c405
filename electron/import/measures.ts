import type { Measure } from '../domain/types.ts';

// billing-rules §10: mcg, mg, g convert; `units` and `IU` are one measure; mL only to mL.
const FAMILY: Record<Measure, { family: string; factor: number }> = {
  mcg: { family: 'mass', factor: 0.001 },
  mg: { family: 'mass', factor: 1 },
  g: { family: 'mass', factor: 1000 },
  units: { family: 'units', factor: 1 },
  IU: { family: 'units', factor: 1 },
  mL: { family: 'volume', factor: 1 },
};

export const MEASURES = Object.keys(FAMILY) as Measure[];

export function canConvert(from: Measure, to: Measure): boolean {
  return FAMILY[from].family === FAMILY[to].family;
}

/** `amount` of `from` expressed in `to`; only between convertible measures. */
export function convert(amount: number, from: Measure, to: Measure): number {
  if (!canConvert(from, to)) throw new Error(`${from} cannot convert to ${to}`);
  return (amount * FAMILY[from].factor) / FAMILY[to].factor;
}
