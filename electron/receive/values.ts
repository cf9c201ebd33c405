// Element values as the readers need them: amounts in integer cents, CCYYMMDD dates as ISO,
// quantities, and required elements. Each failure names the segment, its position and element.
import { isRealDate } from '../domain/isoDate.ts';
import { X12ReadError } from './readError.ts';
import { el, type RawSegment } from './tokens.ts';

function fail(s: RawSegment, n: number, problem: string): never {
  throw new X12ReadError(s.id, s.position, `${s.id}${String(n).padStart(2, '0')} ${problem}`);
}

/** The element's value; throws when it is empty. */
export function required(s: RawSegment, n: number, what: string): string {
  const v = el(s, n);
  if (v === '') fail(s, n, `(${what}) is required but empty`);
  return v;
}

/** The element's value, or null when empty. */
export function optional(s: RawSegment, n: number): string | null {
  const v = el(s, n);
  return v === '' ? null : v;
}

/**
 * An R-type amount in cents, or null when it is not one: an optional '-', digits, an optional '.'
 * and digits, at least one digit, no more than two decimals that are not zero. Read char by char
 * (an 835 has several amounts per line; no regex, no float).
 */
function parseCents(v: string): number | null {
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  let whole = 0;
  let fraction = 0;
  let decimals = 0;
  let digitsSeen = 0;
  let point = false;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 && !point) {
      point = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return null;
    digitsSeen++;
    if (!point) whole = whole * 10 + d;
    else if (decimals < 2) {
      fraction = fraction * 10 + d;
      decimals++;
    } else if (d !== 0) return null;
  }
  if (digitsSeen === 0) return null;
  const total = whole * 100 + (decimals === 1 ? fraction * 10 : fraction);
  return negative && total !== 0 ? -total : total;
}

/** X12 R-type money ("874", "434.4", "-13.5", ".5") to integer cents, by string: never floats. */
export function cents(s: RawSegment, n: number, what: string): number {
  const v = required(s, n, what);
  const c = parseCents(v);
  if (c === null) fail(s, n, `(${what}) '${v}' is not an amount in dollars and cents`);
  if (!Number.isSafeInteger(c)) fail(s, n, `(${what}) '${v}' is too large`);
  return c;
}

export function optionalCents(s: RawSegment, n: number, what: string): number | null {
  return el(s, n) === '' ? null : cents(s, n, what);
}

/** A quantity (units), R type, kept as a number: units are counts, not money. */
export function quantity(s: RawSegment, n: number, what: string): number | null {
  const v = el(s, n);
  if (v === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(v)) fail(s, n, `(${what}) '${v}' is not a number`);
  return Number(v);
}

/** CCYYMMDD → YYYY-MM-DD. */
export function isoFromD8(s: RawSegment, n: number, value: string, what: string): string {
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  // isRealDate checks every digit; the length check stops '2025011' or '202501151' reading as a day
  if (value.length !== 8 || !isRealDate(iso)) fail(s, n, `(${what}) '${value}' is not a CCYYMMDD date`);
  return iso;
}

export function date(s: RawSegment, n: number, what: string): string {
  return isoFromD8(s, n, required(s, n, what), what);
}

/** A value that must be one of a code list. */
export function oneOf<T extends string>(s: RawSegment, n: number, what: string, codes: readonly T[]): T {
  const v = required(s, n, what);
  if (!(codes as readonly string[]).includes(v)) fail(s, n, `(${what}) '${v}' is not one of ${codes.join(' ')}`);
  return v as T;
}

/** A D8 or RD8 period (DTP02 qualifier + DTP03 value) as from/to ISO dates. */
export function period(s: RawSegment, qualifierAt: number, what: string): { from: string; to: string } {
  const q = required(s, qualifierAt, `${what} format`);
  const v = required(s, qualifierAt + 1, what);
  if (q === 'D8') {
    const d = isoFromD8(s, qualifierAt + 1, v, what);
    return { from: d, to: d };
  }
  if (q === 'RD8') {
    const [a = '', b = ''] = v.split('-');
    return { from: isoFromD8(s, qualifierAt + 1, a, what), to: isoFromD8(s, qualifierAt + 1, b, what) };
  }
  return fail(s, qualifierAt, `(${what} format) '${q}' is not D8 or RD8`);
}
