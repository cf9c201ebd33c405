// Calendar arithmetic on day numbers (days since 1970-01-01, UTC only): comparing and stepping
// integers is cheaper and safer than Date objects, and never touches a local time zone.
import type { IsoDate } from '../domain/types.ts';

const MS_PER_DAY = 86_400_000;
const cache = new Map<string, number>();

/** Day number of an ISO `YYYY-MM-DD` date. */
export function toDay(iso: IsoDate): number {
  let d = cache.get(iso);
  if (d === undefined) {
    d = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
    cache.set(iso, d);
  }
  return d;
}

const isoCache: string[] = [];
/** ISO date of a day number. */
export function toIso(day: number): IsoDate {
  const i = day - 18_000;
  if (i >= 0 && i < 12_000) {
    const hit = isoCache[i];
    if (hit !== undefined) return hit;
    return (isoCache[i] = new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Sunday that starts the calendar week (Sun–Sat) of a day; 1970-01-01 was a Thursday. */
export function weekStart(day: number): number {
  return day - ((day + 4) % 7 + 7) % 7;
}

interface DayParts {
  dayOfMonth: number;
  monthStart: number;
  monthEnd: number;
}

const partsCache = new Map<number, DayParts>();

/** Calendar parts of a day, computed once per day number (claim periods ask for them per fact). */
function parts(day: number): DayParts {
  let p = partsCache.get(day);
  if (!p) {
    const d = new Date(day * MS_PER_DAY);
    p = {
      dayOfMonth: d.getUTCDate(),
      monthStart: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY,
      monthEnd: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_DAY - 1,
    };
    partsCache.set(day, p);
  }
  return p;
}

export function dayOfMonth(day: number): number {
  return parts(day).dayOfMonth;
}

export function monthStart(day: number): number {
  return parts(day).monthStart;
}

export function monthEnd(day: number): number {
  return parts(day).monthEnd;
}

/** Minutes since midnight of `HH:MM`, or null when it is not a time of day. */
export function clockMinutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h > 23 || mi > 59 ? null : h * 60 + mi;
}
