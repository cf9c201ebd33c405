// Between what a form holds (text as typed) and the drafts the handlers take. Nothing here
// validates: the handlers check every record with the import's rules and name the fields.

/** trimmed text, or null when blank (optional fields) */
export function textOrNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * A number typed in a form. Blank → absent (the check says "is required"); text that is not a
 * number is passed on as typed so the check names the field ("expected a number").
 */
export function numberOrRaw(s: string): number | string | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : t;
}

/**
 * A required choice or date left blank: sent as absent, so the check says "is required" rather
 * than "'' is not one of …".
 */
export function blankAsAbsent<T extends string>(s: T | ''): T | undefined {
  return s === '' ? undefined : s;
}

/** A list typed in one field (codes, ranges): entries split by commas or spaces, kept as typed. */
export function listOf(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}

/** A list as its field shows it; absent or not a list: blank. */
export function listText(v: unknown): string {
  return Array.isArray(v) ? v.filter(Boolean).join(', ') : '';
}

export function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

/**
 * Dollars as typed ("$1,234.5", "20") → integer cents, exactly (no floating point); blank → absent;
 * anything else (three decimals, letters) is passed on as typed so the check names the field.
 */
export function dollarsToCents(s: string): number | string | undefined {
  const t = s.trim().replace(/^\$/, '').replace(/,/g, '');
  if (t === '') return undefined;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return s.trim();
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
