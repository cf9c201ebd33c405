// ISO dates and HH:MM times, checked for real values. The arithmetic is the engine's
// (electron/claims/dates.ts: day numbers, UTC only).
import { clockMinutes, toDay, toIso } from '../claims/dates.ts';
import { isRealDate } from '../domain/isoDate.ts';

export { isRealDate };

/** Days from a to b (b − a), both real ISO dates. */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export function addDays(date: string, days: number): string {
  return toIso(toDay(date) + days);
}

export function isTime(s: string): boolean {
  return clockMinutes(s) !== null;
}

/** Minutes after midnight of a valid HH:MM. */
export function minutesOf(time: string): number {
  const m = clockMinutes(time);
  if (m === null) throw new Error(`'${time}' is not a time HH:MM`);
  return m;
}
