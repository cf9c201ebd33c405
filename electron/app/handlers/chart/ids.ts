// Small helpers the chart handlers share. New ids: db/repos/ids.ts.

/** trims; blank → null */
export function blankToNull(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

/** D9 before D10: ids compared with their numbers as numbers (one collator: creating one per compare is slow) */
export const byIdNumber = new Intl.Collator('en', { numeric: true }).compare;

/** ISO dates and HH:MM times sort as plain strings (no locale rules needed) */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
