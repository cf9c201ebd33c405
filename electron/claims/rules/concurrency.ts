// R-PD-5 Concurrent therapies: per patient × payer × date, the billed per diem lines are ranked;
// the first has no modifier, the second SH, the rest SJ (with 59 beside them when the payer
// asks). Ranking: highest per diem unit price (no price = 0), then earlier start, then therapy id;
// or `firstStarted`: earlier start, then therapy id.
import type { PayerSettings } from '../../domain/types.ts';
import { byStartThenId } from '../context.ts';
import type { Fact } from '../types.ts';

const byStart = (a: Fact, b: Fact): number => byStartThenId(a.therapy, b.therapy);

export function concurrencyModifiers(rank: number, settings: PayerSettings): string[] {
  if (rank === 0) return [];
  const mod = rank === 1 ? 'SH' : 'SJ';
  return settings.concurrencyModifier59 ? [mod, '59'] : [mod];
}

/** Ranks one patient × payer × date's per diem facts in place; returns them in rank order. */
export function rankConcurrentPerDiems(facts: Fact[], settings: PayerSettings): Fact[] {
  const ranked =
    settings.concurrencyOrder === 'highestCharge'
      ? [...facts].sort((a, b) => (b.unitPriceMicros ?? 0) - (a.unitPriceMicros ?? 0) || byStart(a, b))
      : [...facts].sort(byStart);
  ranked.forEach((f, rank) => {
    f.modifiers = concurrencyModifiers(rank, settings);
    f.order = [0, rank];
  });
  return ranked;
}
