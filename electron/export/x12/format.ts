// Numbers and dates as X12 writes them. Money is integer cents in, never floats.
import type { IsoDate, IsoDateTime } from '../../domain/types.ts';
import { isRealDate } from '../../domain/isoDate.ts';

/** The project's date check (import/dates.ts), re-exported for the export commands. */
export { isRealDate };

/** 87400 → "874", 87450 → "874.5", 87405 → "874.05" (X12 R type: no needless zeros). */
export function money(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount ${cents} is not whole cents`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** A quantity with at most `places` decimals, rounded half-up, no trailing zeros: 0.250 → "0.25". */
export function decimal(value: number, places = 3): string {
  if (!Number.isFinite(value)) throw new RangeError(`quantity ${value} is not a number`);
  const scale = 10 ** places;
  const scaled = Math.round(Math.abs(value) * scale + 1e-9);
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  const whole = Math.floor(scaled / scale);
  const frac = scaled % scale;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(places, '0').replace(/0+$/, '')}`;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** 2026-10-01 → 20261001 (CCYYMMDD, D8). */
export function d8(iso: IsoDate): string {
  if (!isRealDate(iso)) throw new RangeError(`'${iso}' is not a real YYYY-MM-DD date`);
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export interface Stamp {
  /** CCYYMMDD (GS04, BHT04) */
  date8: string;
  /** YYMMDD (ISA09) */
  date6: string;
  /** HHMM (ISA10, GS05, BHT05) */
  time4: string;
}

/** The clock as given: `now` is written as it stands (no time zone shifting). */
export function stamp(now: IsoDateTime): Stamp {
  const m = ISO_DATE_TIME.exec(now);
  if (!m || !isRealDate(`${m[1]}-${m[2]}-${m[3]}`)) throw new RangeError(`now '${now}' is not an ISO date-time`);
  const hh = m[4] ?? '00';
  const mm = m[5] ?? '00';
  if (Number(hh) > 23 || Number(mm) > 59) throw new RangeError(`now '${now}' is not a real time`);
  return { date8: `${m[1]}${m[2]}${m[3]}`, date6: `${m[1]!.slice(2)}${m[2]}${m[3]}`, time4: `${hh}${mm}` };
}
