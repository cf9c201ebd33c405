// R-PD-3 Per diem lines: `day` gives one line per day; `week` (Sun–Sat) / `month` merge
// calendar-adjacent days of the same therapy, code, modifiers and claim into one From–To line.
import type { PayerSettings } from '../../domain/types.ts';
import { monthStart, weekStart } from '../dates.ts';

/** The calendar bucket a day belongs to, or null when each day is its own line. */
export function spanBucket(settings: PayerSettings, day: number): number | null {
  if (settings.lineSpan === 'week') return weekStart(day);
  if (settings.lineSpan === 'month') return monthStart(day);
  return null;
}

export function mergesWith(settings: PayerSettings, lastDay: number, day: number): boolean {
  const bucket = spanBucket(settings, day);
  return bucket !== null && day === lastDay + 1 && spanBucket(settings, lastDay) === bucket;
}
