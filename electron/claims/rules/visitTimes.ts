// R-NV-2 Visit times: departure on `departureDate` (default the visit date), after the arrival and
// at most 24 hours later; a visit crossing midnight bills on its arrival date.
import type { Visit } from '../../domain/types.ts';
import { clockMinutes, toDay } from '../dates.ts';

/** Minutes of the visit, or a reason it cannot be billed. */
export function visitMinutes(visit: Visit): number | { error: string } {
  const a = clockMinutes(visit.arrival);
  const d = clockMinutes(visit.departure);
  if (a === null || d === null) return { error: `Visit ${visit.id} needs arrival and departure times as HH:MM` };
  const days = visit.departureDate ? toDay(visit.departureDate) - toDay(visit.date) : 0;
  const minutes = days * 1440 + d - a;
  if (minutes <= 0) return { error: `Visit ${visit.id}: departure must be after arrival` };
  if (minutes > 1440) return { error: `Visit ${visit.id} lasts more than 24 hours` };
  return minutes;
}
