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

const AMOUNT = /^(-?)(\d*)(?:\.(\d*))?$/;

/** X12 R-type money ("874", "434.4", "-13.5", ".5") to integer cents, by string: never floats. */
export function cents(s: RawSegment, n: number, what: string): number {
  const v = required(s, n, what);
  const m = AMOUNT.exec(v);
  const frac = m?.[3] ?? '';
  if (!m || (m[2] === '' && frac === '') || frac.replace(/0+$/, '').length > 2) {
    fail(s, n, `(${what}) '${v}' is not an amount in dollars and cents`);
  }
  const whole = Number(m[2] || '0') * 100 + Number(frac.padEnd(2, '0').slice(0, 2) || '0');
  if (!Number.isSafeInteger(whole)) fail(s, n, `(${what}) '${v}' is too large`);
  return m[1] === '-' && whole !== 0 ? -whole : whole;
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
  if (!/^\d{8}$/.test(value) || !isRealDate(iso)) fail(s, n, `(${what}) '${value}' is not a CCYYMMDD date`);
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
