// Payer settings name codes as a list of single codes and inclusive ranges (`G0088-G0090`,
// billing-rules.md §12.2); HCPCS/CPT codes are 5 characters, so string order is code order.

/** `CODE` or `CODE-CODE` with the first not after the second. */
export function isCodeOrRange(entry: string): boolean {
  const m = /^([A-Z0-9]{5})(?:-([A-Z0-9]{5}))?$/.exec(entry);
  return m !== null && (m[2] === undefined || m[1]! <= m[2]);
}

/** The inclusive range an entry names; a single code is a range of one. */
export function rangeOf(entry: string): readonly [string, string] {
  const [lo = '', hi] = entry.split('-');
  return [lo, hi ?? lo];
}

export function inCodeList(code: string, list: readonly string[]): boolean {
  if (code.length !== 5) return false;
  for (const entry of list) {
    const [lo, hi] = rangeOf(entry);
    if (code >= lo && code <= hi) return true;
  }
  return false;
}

/** Range pairs (resources/codes JSON) written as setting entries. */
export function entriesOfRanges(ranges: ReadonlyArray<readonly [string, string]>): string[] {
  return ranges.map(([lo, hi]) => (lo === hi ? lo : `${lo}-${hi}`));
}
