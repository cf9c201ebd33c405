// R-PD-1 Which days get a per diem, and R-PD-2 one unit per billed day.
import type { PayerSettings } from '../../domain/types.ts';
import { isActive, type TherapySpan } from './doseDays.ts';

/** R-PD-1: `administration` bills dose days; `access` every active day of [start, stop]. */
export function perDiemDays(settings: PayerSettings, span: TherapySpan, doses: Map<number, number>, from: number, to: number): number[] {
  if (settings.perDiemDays === 'administration') return [...doses.keys()].sort((a, b) => a - b);
  const days: number[] = [];
  for (let day = Math.max(from, span.start); day <= Math.min(to, span.stop); day++) if (isActive(span, day)) days.push(day);
  return days;
}

/** R-PD-2: a per diem is one unit per billed day (spans add their days, R-PD-3). */
export const PER_DIEM_UNITS_PER_DAY = 1;
