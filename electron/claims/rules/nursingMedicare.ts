// R-NV-4 Medicare home infusion therapy services: one G line per signed visit on a dose day of its
// therapy, by category (2 for SC, else 3 for chemotherapy, else 1), in 15-minute units
// floor((minutes + 7) ÷ 15); the patient's first visit, or the first after a gap of more than
// 60 days without a signed visit, uses the initial-visit code (G0088–G0090).
import type { Therapy, Visit } from '../../domain/types.ts';
import { NURSING } from '../codes.ts';
import type { EngineContext } from '../context.ts';
import { toDay } from '../dates.ts';
import type { ExportedFact } from '../types.ts';

/**
 * The source key of a visit's home infusion service. It names the visit, not the code: a visit
 * signed late can turn an exported initial visit into a subsequent one, and that must show as a
 * change of the exported key (R-CL-8), not as a second service for the same visit.
 */
export function hitKey(visitId: string): string {
  return `visit:${visitId}:hit`;
}

const INITIAL_CODES = new Set(Object.values(NURSING.medicareHit.initial));

/** The initial-visit codes (G0088–G0090), which the store looks for up to an episode past a build. */
export function initialVisitCodes(): string[] {
  return [...INITIAL_CODES].sort();
}

/** An exported initial visit that the visits on file now make a subsequent one (R-CL-8). */
export function wronglyInitial(ctx: EngineContext, key: string, prior: ExportedFact): boolean {
  if (prior.code === undefined || !INITIAL_CODES.has(prior.code) || !key.startsWith('visit:') || !key.endsWith(':hit')) return false;
  const visit = ctx.visits.get(key.slice('visit:'.length, -':hit'.length));
  return visit !== undefined && visit.signed && !isInitialVisit(visit, ctx.previousSignedDay.get(visit) ?? null);
}

export function hitCategory(therapy: Therapy): 1 | 2 | 3 {
  if (NURSING.medicareHit.category2Routes.includes(therapy.route)) return 2;
  if (NURSING.medicareHit.category3Categories.includes(therapy.category)) return 3;
  return 1;
}

/**
 * True when no signed visit of the patient falls in the 60 days before (same day counts);
 * `previousSignedDay`: the day of the patient's signed visit just before this one, or null.
 */
export function isInitialVisit(visit: Visit, previousSignedDay: number | null): boolean {
  return previousSignedDay === null || toDay(visit.date) - previousSignedDay > NURSING.medicareHit.episodeGapDays;
}

export function hitCode(therapy: Therapy, initial: boolean): string {
  const table = initial ? NURSING.medicareHit.initial : NURSING.medicareHit.subsequent;
  return table[String(hitCategory(therapy))]!;
}

export function hitUnits(minutes: number): number {
  return Math.floor((minutes + 7) / 15);
}
