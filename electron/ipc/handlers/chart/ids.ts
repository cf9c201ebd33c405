// New records get the next free number after the office's highest `<prefix><n>` id, so ids stay
// short and readable on claims and in logs (T12, V88, D5).
export function nextId(prefix: string, existing: Iterable<string>): string {
  let max = 0;
  const re = new RegExp(`^${prefix}(\\d+)$`);
  for (const id of existing) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

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
