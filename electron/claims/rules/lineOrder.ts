// R-CL-2 Line order: by date; within a date per diems by rank, then each therapy's drug lines
// (each followed by its JW line), then supplies, then nursing by arrival (99601 before 99602,
// T1030 before T1002). Each fact carries its within-date position as a number tuple.
export const ORDER_PER_DIEM = 0;
export const ORDER_DRUG = 1;
export const ORDER_SUPPLY = 2;
export const ORDER_NURSING = 3;

export function compareOrder(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function compareLines(a: { from: number; order: readonly number[] }, b: { from: number; order: readonly number[] }): number {
  return a.from - b.from || compareOrder(a.order, b.order);
}
