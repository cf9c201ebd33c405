// Between what a form holds (text as typed) and the records the handlers take. Nothing here
// validates: the handlers check every record with the import's rules and name the fields.
import type { Address, Sex, Subscriber } from '../../../../electron/domain/types.ts';

/** trimmed text, or null when blank (optional fields) */
export function textOrNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * A number typed in a form. Blank → undefined (the check says "is required"); text that is not a
 * number is passed on as typed so the check names the field ("expected a number").
 */
export function numberOrRaw(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : (t as unknown as number);
}

/**
 * A required choice or date left blank: sent as absent, so the check says "is required" rather
 * than "'' is not one of …".
 */
export function required<T extends string>(s: T | ''): T {
  return (s === '' ? undefined : s) as T;
}

export function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

export interface AddressForm {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
}

export function addressForm(a: Address | null | undefined): AddressForm {
  return { line1: a?.line1 ?? '', line2: a?.line2 ?? '', city: a?.city ?? '', state: a?.state ?? '', zip: a?.zip ?? '' };
}

/** all blank → no address; otherwise every part goes to the check (a missing city is named) */
export function addressOf(f: AddressForm): Address | null {
  if (![f.line1, f.line2, f.city, f.state, f.zip].some((s) => s.trim())) return null;
  return { line1: f.line1.trim(), line2: textOrNull(f.line2), city: f.city.trim(), state: f.state.trim().toUpperCase(), zip: f.zip.trim() };
}

/** A person as typed: the patient, or the insured of a coverage. */
export interface PersonForm {
  firstName: string;
  middle: string;
  lastName: string;
  dob: string;
  sex: Sex | '';
  address: AddressForm;
}

export function personForm(p: Subscriber | null | undefined): PersonForm {
  return { firstName: p?.firstName ?? '', middle: p?.middle ?? '', lastName: p?.lastName ?? '', dob: p?.dob ?? '', sex: p?.sex ?? '', address: addressForm(p?.address) };
}

export function personOf(f: PersonForm): Subscriber {
  return {
    firstName: f.firstName.trim(),
    middle: textOrNull(f.middle),
    lastName: f.lastName.trim(),
    dob: required(f.dob),
    sex: required(f.sex),
    address: addressOf(f.address),
  };
}

/** Problems keyed by field path (from the handlers), and a readable list for the form's summary. */
export type Problems = Record<string, string>;

export function problemList(p: Problems, labels: Record<string, string> = {}): string[] {
  return Object.entries(p).map(([path, message]) => `${labelOf(path, labels)}: ${message}`);
}

/** `holds[1].to` → "Hold 2 · to" unless a label is given for the path or its last part */
export function labelOf(path: string, labels: Record<string, string>): string {
  if (labels[path]) return labels[path];
  return path
    .replace(/\[(\d+)\]/g, (_m, i: string) => ` ${Number(i) + 1}`)
    .split('.')
    .map((part) => labels[part.replace(/ \d+$/, '')] ? `${labels[part.replace(/ \d+$/, '')]}${part.match(/ \d+$/)?.[0] ?? ''}` : part)
    .join(' · ');
}
