// ISO dates and HH:MM times, checked for real values. The arithmetic is the engine's
// (electron/claims/dates.ts: day numbers, UTC only).
import { clockMinutes, toDay, toIso } from '../claims/dates.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2199 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

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
