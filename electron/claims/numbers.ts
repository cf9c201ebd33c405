// Rounding that is immune to binary fractions: 1.5 g ÷ 250 mg must give exactly 6, not 6.0000001
// rounded up to 7. Values are first snapped to 9 decimals, far below any billing precision.
export function snap(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function ceilSafe(x: number): number {
  return Math.ceil(snap(x));
}

export function floorSafe(x: number): number {
  return Math.floor(snap(x));
}

/** Half-up to 3 decimals (NDC quantities, R-DR-4). */
export function round3(x: number): number {
  return Math.round(Math.round(x * 1e9) / 1e6) / 1000;
}
