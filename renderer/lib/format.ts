// How numbers and dates read on screen. Money on claims is integer cents; prices are micro-dollars.

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(cents: number): string {
  return usd.format(cents / 100);
}

/** micro-dollars per unit → "$12.3456" with only the digits the price needs (at least 2) */
export function price(micros: number): string {
  const dollars = micros / 1e6;
  const text = dollars.toFixed(6).replace(/0{1,4}$/, '');
  return `$${text}`;
}

export function microsToDollars(micros: number): number {
  return Math.round(micros) / 1e6;
}

/** 2026-10-04 → "Oct 4, 2026" (computed in UTC so it never shifts a day) */
export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** "Oct 1 – 15, 2026", "Oct 24 – Nov 3, 2026", or both dates in full across a year end */
export function span(from: string, to: string): string {
  if (from === to) return day(from);
  const [fy, fm] = [from.slice(0, 4), from.slice(5, 7)];
  const [ty, tm] = [to.slice(0, 4), to.slice(5, 7)];
  if (fy !== ty) return `${day(from)} – ${day(to)}`;
  const short = (iso: string, withMonth: boolean) => {
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return withMonth ? d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }) : String(d.getUTCDate());
  };
  return `${short(from, true)} – ${short(to, fm !== tm)}, ${fy}`;
}

/** 2026-10-03 → 10/03/2026 (string slicing only, so no time zone can shift it) */
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

/** ISO date + days, UTC arithmetic */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) return iso;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
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

/** ISO timestamp → "2026-10-04 09:30" (or with seconds), as stored: the screens label these UTC */
export function stamp(iso: string, withSeconds = false): string {
  return iso.slice(0, withSeconds ? 19 : 16).replace('T', ' ');
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The month before the one `today` falls in, as an ISO range: the usual billing period. */
export function previousMonth(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** "2026-10" → the first and last day of that month */
export function monthRange(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return {
    from: new Date(Date.UTC(y, mo - 1, 1)).toISOString().slice(0, 10),
    to: new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10),
  };
}

/** a server message written to follow a claim id ("drafted claim …") as the start of a sentence */
export function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
