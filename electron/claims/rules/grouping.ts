// R-CL-1 Grouping: one claim per patient × coverage × claim period × prior authorization ×
// prescriber, at most 50 lines; larger groups split between whole date blocks (lines whose date
// ranges overlap), packed greedily in date order; a single block over 50 stays whole (an error).
// R-PD-6 follows from the key: a therapy's per diem, drug and nursing lines of a date share its
// patient, payer, period, authorization and prescriber, and a split never falls inside a date.
import type { PayerSettings } from '../../domain/types.ts';
import { monthEnd, monthStart, weekStart } from '../dates.ts';

export const MAX_LINES_PER_CLAIM = 50;

export function claimPeriod(settings: PayerSettings, day: number): { from: number; to: number } {
  if (settings.claimPeriod === 'week') {
    const from = weekStart(day);
    return { from, to: from + 6 };
  }
  return { from: monthStart(day), to: monthEnd(day) };
}

export function groupKey(patient: string, payer: string, periodFrom: number, priorAuth: string | null, prescriber: string): string {
  return `${patient}\u0000${payer}\u0000${periodFrom}\u0000${priorAuth ?? ''}\u0000${prescriber}`;
}

/** Splits lines sorted by date into claims of whole date blocks; flags blocks over the limit. */
export function splitIntoClaims<L extends { from: number; to: number }>(lines: readonly L[]): Array<{ lines: L[]; oversized: boolean }> {
  const blocks: L[][] = [];
  let blockEnd = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    const current = blocks[blocks.length - 1];
    if (current && line.from <= blockEnd) {
      current.push(line);
      blockEnd = Math.max(blockEnd, line.to);
    } else {
      blocks.push([line]);
      blockEnd = line.to;
    }
  }
  const claims: Array<{ lines: L[]; oversized: boolean }> = [];
  for (const block of blocks) {
    const current = claims[claims.length - 1];
    if (current && !current.oversized && current.lines.length + block.length <= MAX_LINES_PER_CLAIM) current.lines.push(...block);
    else claims.push({ lines: [...block], oversized: block.length > MAX_LINES_PER_CLAIM });
  }
  return claims;
}
