// billing-rules §1 "Dose day": the schedule gives doses inside [start, stop], outside holds,
// adjusted by dose overrides. Used by R-PD-1/R-PD-2 (per diem days), R-DR-2 (drug lines) and
// R-NV-4 (Medicare visits on dose days).
import type { Therapy } from '../../domain/types.ts';
import { dayOfMonth, monthEnd, toDay } from '../dates.ts';

export interface TherapySpan {
  start: number;
  /** last day of the therapy, or +Infinity when open */
  stop: number;
  holds: Array<[number, number]>;
}

export function therapySpan(therapy: Therapy): TherapySpan {
  return {
    start: toDay(therapy.start),
    stop: therapy.stop ? toDay(therapy.stop) : Number.POSITIVE_INFINITY,
    holds: therapy.holds.map((h) => [toDay(h.from), h.to ? toDay(h.to) : Number.POSITIVE_INFINITY]),
  };
}

/** Inside [start, stop] and in no hold (inclusive dates; a hold without `to` never ends). */
export function isActive(span: TherapySpan, day: number): boolean {
  if (day < span.start || day > span.stop) return false;
  for (const [from, to] of span.holds) if (day >= from && day <= to) return false;
  return true;
}

/** Doses the schedule alone gives on an active day. */
function scheduledDoses(therapy: Therapy, span: TherapySpan, day: number): number {
  const s = therapy.schedule;
  if ('everyHours' in s) return 24 / s.everyHours;
  if ('everyDays' in s) return (day - span.start) % s.everyDays === 0 ? 1 : 0;
  if ('weekly' in s) return (day - span.start) % 7 === 0 ? 1 : 0;
  if ('monthly' in s) {
    // the start's day of month, clamped to each month's last day (Jan 31 → Feb 28)
    const wanted = dayOfMonth(span.start);
    const last = dayOfMonth(monthEnd(day));
    return dayOfMonth(day) === Math.min(wanted, last) ? 1 : 0;
  }
  return 1; // continuous
}

/** Dose days of a therapy within [from, to] → number of doses that day (always ≥ 1). */
export function doseDays(therapy: Therapy, from: number, to: number, span: TherapySpan = therapySpan(therapy)): Map<number, number> {
  const counts = new Map<number, number>();
  const lo = Math.max(from, span.start);
  const hi = Math.min(to, span.stop);
  for (let day = lo; day <= hi; day++) {
    if (!isActive(span, day)) continue;
    const n = scheduledDoses(therapy, span, day);
    if (n > 0) counts.set(day, n);
  }
  // overrides count only inside [start, stop] and outside holds; each adds or removes one dose.
  // They are summed per date before the count is clamped at 0, so their order never matters
  // (removing then adding on a day without a scheduled dose gives the same 1 as adding then removing).
  const net = new Map<number, number>();
  for (const o of therapy.doses) {
    const day = toDay(o.date);
    if (day < lo || day > hi || !isActive(span, day)) continue;
    net.set(day, (net.get(day) ?? 0) + (o.given ? 1 : -1));
  }
  for (const [day, delta] of net) {
    const n = (counts.get(day) ?? 0) + delta;
    if (n > 0) counts.set(day, n);
    else counts.delete(day);
  }
  return counts;
}
