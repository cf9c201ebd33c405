// Quick time entry for nurses' sheets: "930", "0930", "9:30", "9.30", "5:30 pm" → "HH:MM".
// Only reshapes what was typed; whether the visit's times make sense is the handlers' check (R-NV-2).

export function parseTimeInput(input: string): string | null {
  const s = input.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(a|am|p|pm)?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.[0];
  // "930" reads as 9:30, not 93:0
  if (m[2] === undefined && m[1]!.length === 2 && h > 23) return null;
  if (half) {
    if (h < 1 || h > 12) return null;
    if (half === 'p' && h < 12) h += 12;
    if (half === 'a' && h === 12) h = 0;
  }
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** "930" and "1745" without a separator: the last two digits are minutes */
export function normalizeTime(input: string): string {
  const digits = input.trim();
  if (/^\d{3,4}$/.test(digits)) {
    const r = parseTimeInput(`${digits.slice(0, -2)}:${digits.slice(-2)}`);
    return r ?? input;
  }
  return parseTimeInput(input) ?? input;
}
