// How the chart shows dates, money and NDCs. ISO dates are shown US style without touching
// time zones (string slicing only).

/** 2026-10-03 → 10/03/2026 */
export function usDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** whole years between a birth date and a day, both ISO */
export function age(dob: string, today: string): number | null {
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!a || !b) return null;
  let years = Number(b[1]) - Number(a[1]);
  if (`${b[2]}${b[3]}` < `${a[2]}${a[3]}`) years--;
  return years;
}

export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** 11 digits → 5-4-2 */
export function ndc542(ndc: string): string {
  return /^\d{11}$/.test(ndc) ? `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}` : ndc;
}

export function hoursMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** ISO date + days, UTC arithmetic */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) return iso;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
