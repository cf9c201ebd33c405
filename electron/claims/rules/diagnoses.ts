// R-CL-3 Diagnoses: the ICD-10-CM codes of the claim's therapies in first-seen line order, without
// the dot, at most 12 (A–L); a line points at the first 4 of its therapy's codes on the claim.
export const MAX_DIAGNOSES = 12;
export const MAX_POINTERS = 4;
const LETTERS = 'ABCDEFGHIJKL';

const withoutDot = new Map<string, string>();

export function icdWithoutDot(code: string): string {
  let plain = withoutDot.get(code);
  if (plain === undefined) withoutDot.set(code, (plain = code.replace('.', '').toUpperCase()));
  return plain;
}

/** Claim diagnoses from each line's therapy codes, in line order; the rest beyond 12 are dropped. */
export function claimDiagnoses(lineCodes: ReadonlyArray<readonly string[]>): { kept: string[]; dropped: string[] } {
  const seen = new Set<string>();
  const all: string[] = [];
  let previous: readonly string[] | null = null;
  for (const codes of lineCodes) {
    if (codes === previous) continue; // lines of one therapy share its list
    previous = codes;
    for (const c of codes) {
      const code = icdWithoutDot(c);
      if (!seen.has(code)) {
        seen.add(code);
        all.push(code);
      }
    }
  }
  return { kept: all.slice(0, MAX_DIAGNOSES), dropped: all.slice(MAX_DIAGNOSES) };
}

export function linePointers(therapyCodes: readonly string[], claimCodes: readonly string[]): string[] {
  const pointers: string[] = [];
  for (const c of therapyCodes) {
    const i = claimCodes.indexOf(icdWithoutDot(c));
    const letter = i >= 0 ? LETTERS[i]! : null;
    if (letter && !pointers.includes(letter)) pointers.push(letter);
    if (pointers.length === MAX_POINTERS) break;
  }
  return pointers;
}
