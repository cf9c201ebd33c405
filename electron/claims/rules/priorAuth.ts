// R-CL-5 Prior authorization: a date's authorization is the first of the therapy's whose range
// contains it; its number goes on the claim. Dates outside every range, a missing authorization
// (when the payer requires one) and units beyond the authorized units are errors.
import type { PriorAuth, Therapy } from '../../domain/types.ts';
import { toDay } from '../dates.ts';

export function authForDay(therapy: Therapy, day: number): PriorAuth | null {
  for (const a of therapy.priorAuths) {
    if (day >= toDay(a.from) && (!a.to || day <= toDay(a.to))) return a;
  }
  return null;
}

/** Counts authorized units per therapy × authorization × code; returns the limit when passed. */
export class AuthorizedUnits {
  private readonly used = new Map<string, number>();

  /** Adds a line's units; returns the limit the first time the total passes it, else null. */
  add(therapy: Therapy, authNumber: string, code: string, units: number): number | null {
    const auth = therapy.priorAuths.find((a) => a.number === authNumber);
    const limit = auth?.units?.[code];
    if (limit === undefined || limit === null) return null;
    const key = `${therapy.id}\u0000${authNumber}\u0000${code}`;
    const before = this.used.get(key) ?? 0;
    const after = before + units;
    this.used.set(key, after);
    return before <= limit && after > limit ? limit : null;
  }
}
