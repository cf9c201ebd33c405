// R-NV-1 Commercial nursing: 99601 × 1 per signed visit (first 2 hours); 99602 × one per
// additional hour once more than 30 minutes of it have passed: floor((minutes − 120 + 29) ÷ 60)
// (2:30 → 0, 2:31 → 1, 3:30 → 1, 3:31 → 2). 99602 never without the visit's 99601.
export function additionalHours(minutes: number): number {
  return minutes > 120 ? Math.floor((minutes - 120 + 29) / 60) : 0;
}
