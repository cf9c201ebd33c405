// R-AK-1 at the line (acks.md §5, §6): a 277CA 2220D service line whose STC rejects names the line
// that caused the claim's rejection; its REF*FJ returns our REF*6R, `<claim id>-<line>`
// (lineControlNumber, so the two never drift). The claim's own state comes from its 2200D STC as
// before; this gives each rejected line its reason in words.
import { lineControlNumber } from '../domain/claims.ts';
import { stcRejects } from './claimState.ts';
import type { ClaimStatus277 } from './read277ca.ts';

export interface LineRejection {
  claimId: string;
  /** 1-based line number on our claim */
  line: number;
  /** the 2220D SVC in the received file */
  position: number;
  /** the line's status codes in words, then STC12 verbatim */
  reason: string;
}

/** Our line number from a REF*FJ, or null when it is not a line control number of this claim. */
function lineOf(claimId: string, control: string): number | null {
  const prefix = `${claimId}-`;
  if (!control.startsWith(prefix)) return null;
  const n = Number(control.slice(prefix.length));
  return Number.isInteger(n) && n > 0 && lineControlNumber(claimId, n) === control ? n : null;
}

/**
 * The rejected lines of one 277CA claim that can be placed on our lines. A 2220D without REF*FJ,
 * or with one that is not ours, stays in the claim's reason (the reader keeps it there).
 */
export function lineRejections(claim: ClaimStatus277): LineRejection[] {
  const out: LineRejection[] = [];
  for (const l of claim.lines) {
    const rejecting = l.statuses.filter(stcRejects);
    const line = l.lineControlNumber === null ? null : lineOf(claim.claimId, l.lineControlNumber);
    if (rejecting.length === 0 || line === null) continue;
    const words = rejecting.map((s) => `${s.codes.map((c) => c.words).join('; ')}${s.text ? ` (${s.text})` : ''}`).join('; ');
    out.push({ claimId: claim.claimId, line, position: l.position, reason: `line ${line} (${l.procedure.slice(1).join('-')}) rejected: ${words}` });
  }
  return out;
}
