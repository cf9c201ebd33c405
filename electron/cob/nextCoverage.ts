// R-CO-1: which coverage of the patient comes after a payer, and whether it covers the dates
// of service. Coverages carry optional from/to dates; a coverage without them is open.
import type { ClaimLine } from '../domain/claims.ts';
import type { Coverage, IsoDate, Patient } from '../domain/types.ts';

export function coverageActive(c: Coverage, from: IsoDate, to: IsoDate): boolean {
  return (c.from == null || c.from <= from) && (c.to == null || c.to >= to);
}

/** Lines whose dates of service the coverage does not cover (the whole span must be inside). */
export function linesOutside(c: Coverage, lines: readonly ClaimLine[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (!coverageActive(c, l.from, l.to)) out.push(i + 1);
  });
  return out;
}

/** The patient's coverage at `priority`, or null. */
export function coverageAt(patient: Patient, priority: number): Coverage | null {
  return patient.coverages.find((c) => c.priority === priority) ?? null;
}

export type NextCoverage =
  | { coverage: Coverage }
  | { coverage: null; reason: string };

/** R-CO-1: the coverage after `priority`, active on every line's dates, or why there is none. */
export function nextCoverage(patient: Patient, priority: number, lines: readonly ClaimLine[]): NextCoverage {
  const next = coverageAt(patient, priority + 1);
  if (!next) return { coverage: null, reason: `patient ${patient.id} has no coverage after priority ${priority}` };
  const outside = linesOutside(next, lines);
  if (outside.length > 0) {
    const span = `${next.from ?? 'open'}…${next.to ?? 'open'}`;
    return { coverage: null, reason: `the coverage with ${next.payer} (priority ${next.priority}, ${span}) is not active on the dates of line(s) ${outside.join(', ')}` };
  }
  return { coverage: next };
}
