// R-RA-1 line matching: a remit line (SVC) finds its billed line by our line control number
// (REF*6R, written by the 837P as `<claim id>-<line>`) first; without it, by the procedure as
// billed (SVC06, else SVC01) with its modifiers, the dates and the units. A drug line and its JW
// line, and an S9500 and its SH/SJ twin, differ by modifier and so stay apart. Two billed lines
// that look the same can only be told apart by 6R: without it the remit line stays unmatched.
// A line with paper-only KP/KQ (R-DR-8 `paper`, AllWays) matches its modifiers as the 837P sent
// them or as the CMS-1500 printed them: the payer answers the claim it received.
import { lineControlNumber } from '../domain/claims.ts';
import type { StoredClaim, StoredLine } from '../domain/postings.ts';
import type { RemitLine } from '../domain/remittance.ts';

export interface MatchedLine {
  stored: StoredLine;
  /** one SVC, or several when the payer split the line (same 6R) */
  remit: RemitLine[];
}

export interface LineMatches {
  matched: MatchedLine[];
  unmatched: { remit: RemitLine; reason: string }[];
}

const modifierKey = (mods: readonly string[]): string => [...mods].map((m) => m.toUpperCase()).sort().join(',');

const describe = (l: RemitLine): string => {
  const p = l.submitted ?? l.procedure;
  return `${p.code}${p.modifiers.map((m) => '-' + m).join('')}`;
};

/** R-RA-1 fallback: procedure as billed + modifiers (as a set) + dates + units. */
function sameService(stored: StoredLine, remit: RemitLine): boolean {
  const p = remit.submitted ?? remit.procedure;
  if (p.qualifier !== 'HC' || p.code.toUpperCase() !== stored.code.toUpperCase()) return false;
  const remitted = modifierKey(p.modifiers);
  const printed = stored.paperModifiers?.length ? modifierKey([...stored.modifiers, ...stored.paperModifiers]) : null;
  if (remitted !== modifierKey(stored.modifiers) && remitted !== printed) return false;
  if (remit.from !== null && (remit.from !== stored.from || remit.to !== stored.to)) return false;
  // SVC07 holds the billed units when the payer paid other units; SVC05 absent means 1
  const units = remit.unitsSubmitted ?? remit.unitsPaid ?? 1;
  return units === stored.units;
}

export function matchLines(claim: StoredClaim, lines: readonly RemitLine[]): LineMatches {
  const byControl = new Map(claim.lines.map((l) => [lineControlNumber(claim.id, l.line), l]));
  const found = new Map<number, MatchedLine>();
  const unmatched: LineMatches['unmatched'] = [];
  const add = (stored: StoredLine, remit: RemitLine) => {
    const m = found.get(stored.line);
    if (m) m.remit.push(remit);
    else found.set(stored.line, { stored, remit: [remit] });
  };
  const without6R: RemitLine[] = [];
  for (const l of lines) {
    if (l.lineControlNumber === null) {
      without6R.push(l);
      continue;
    }
    const stored = byControl.get(l.lineControlNumber);
    if (stored) add(stored, l);
    else unmatched.push({ remit: l, reason: `line ${describe(l)} (SVC at segment ${l.position}) has REF*6R ${l.lineControlNumber}, which is not a line of claim ${claim.id}` });
  }
  for (const l of without6R) {
    const candidates = claim.lines.filter((s) => !found.has(s.line) && sameService(s, l));
    const fits = candidates.filter((s) => without6R.filter((o) => sameService(s, o)).length === 1);
    if (candidates.length === 1 && fits.length === 1) add(candidates[0]!, l);
    else if (candidates.length === 0) unmatched.push({ remit: l, reason: `line ${describe(l)} (SVC at segment ${l.position}) matches no billed line of claim ${claim.id} by code, modifiers, dates and units` });
    else unmatched.push({ remit: l, reason: `line ${describe(l)} (SVC at segment ${l.position}) has no REF*6R and fits several billed lines of claim ${claim.id} (lines ${candidates.map((c) => c.line).join(', ')}), or several remit lines fit one` });
  }
  return { matched: [...found.values()].sort((a, b) => a.stored.line - b.stored.line), unmatched };
}
