// NUCC 1500 print rules for values (reference/cms1500.md §1, §3–§6): upper case, no special
// characters, dates without slashes, amounts without $ or decimal point.
import type { IsoDate } from '../../domain/types.ts';
import { ndcItem } from '../../domain/shadedLine.ts';
import { decimal } from '../x12/format.ts';

/** Upper case printable ASCII; accents dropped (É → E), anything else becomes a blank. */
export function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^\x20-\x7E]/g, ' ');
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Name parts: letters, digits, blanks and hyphens only (NUCC allows the hyphen of a hyphenated name). */
function namePart(text: string | null | undefined): string {
  return squeeze(ascii(text ?? '').replace(/[^A-Z0-9 -]/g, ''));
}

/** Items 2, 4, 9: `LAST, FIRST, M` with the middle initial only. */
export function lastFirstMiddle(last: string, first: string, middle?: string | null): string {
  const m = namePart(middle).replace(/[^A-Z]/g, '').slice(0, 1);
  return [namePart(last), namePart(first), m].filter((p) => p !== '').join(', ');
}

/** Item 17: `FIRST LAST`. */
export function firstLast(first: string, last: string): string {
  return [namePart(first), namePart(last)].filter((p) => p !== '').join(' ');
}

/** Addresses (items 5, 7, 33, carrier): no punctuation, `123 N MAIN ST 101`. */
export function addressText(text: string | null | undefined): string {
  return squeeze(ascii(text ?? '').replace(/[^A-Z0-9 ]/g, ' '));
}

/** IDs, NPIs, tax ids, authorization numbers: letters and digits only (no dashes or blanks). */
export function idText(text: string | null | undefined): string {
  return ascii(text ?? '').replace(/[^A-Z0-9]/g, '');
}

export function digits(text: string | null | undefined): string {
  return (text ?? '').replace(/\D/g, '');
}

function dateParts(iso: IsoDate): [string, string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`'${iso}' is not an ISO date`);
  return [m[1]!, m[2]!, m[3]!];
}

/** 24A, 31: `MM DD YY` (the blanks fall on the dotted sub-box rules). */
export function dateShort(iso: IsoDate): string {
  const [y, m, d] = dateParts(iso);
  return `${m} ${d} ${y.slice(2)}`;
}

/** Items 3, 11a: `MM DD YYYY`. */
export function dateLong(iso: IsoDate): string {
  const [y, m, d] = dateParts(iso);
  return `${m} ${d} ${y}`;
}

/** 24F, 28: `%5d %02d` — dollars, a blank on the dotted line, cents; no $, comma or point. */
export function money(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`amount ${cents} is not a whole, non-negative number of cents`);
  const dollars = Math.floor(cents / 100);
  return `${String(dollars).padStart(5, ' ')} ${String(cents % 100).padStart(2, '0')}`;
}

/**
 * 24G units and the NDC quantity: no leading zeros, a decimal point only for fractions (≤ 3 places),
 * rounded as the 837P writes SV104 and CTP04, so the form and the file of a claim agree.
 */
export function quantity(n: number): string {
  return decimal(n, 3);
}

/** Shaded 24A: qualifier N4, the 11-digit NDC, three blanks, unit qualifier and quantity (IZ, OpenEMR). */
export function ndcSupplemental(ndc: string, unit: string, qty: number): string {
  return ndcItem(ndc, unit, quantity(qty));
}

/** Phone for item 33: area code in the ( ), seven digits after it; anything else is not printed. */
export function phoneParts(text: string | null | undefined): { area: string; number: string } | null {
  let d = digits(text);
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  return d.length === 10 ? { area: d.slice(0, 3), number: d.slice(3) } : null;
}

/** `CITY ST ZIP` (a blank, no comma, between city and state; ZIP without the hyphen). */
export function cityStateZip(city: string, state: string, zip: string): string {
  return [addressText(city), addressText(state), digits(zip)].filter((p) => p !== '').join(' ');
}
