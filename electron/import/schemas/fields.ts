// The field schemas every record of the import format shares (docs/import.md): checked text,
// optional values, codes, dates, numbers, addresses.
import { z } from 'zod';
import type { Measure } from '../../domain/types.ts';
import { normalizeNdc } from '../ndc.ts';
import { isValidNpi } from '../../domain/npi.ts';
import { normalizeIcd10 } from '../icd10.ts';
import { isUspsState } from '../../domain/states.ts';
import { isRealDate, isTime } from '../dates.ts';
import { MEASURES } from '../measures.ts';

/**
 * Refinements run even when a field failed (so every problem is listed), but only on an object:
 * a record that is null, a number or a list has already been reported and has no fields to read.
 */
export const whenObject = (payload: { value: unknown }): boolean =>
  payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value);

export type Checked<T> = { value: T } | { error: string };
export type Check<T> = (s: string) => Checked<T>;
export const ok = <T>(value: T): Checked<T> => ({ value });
export const bad = (error: string): Checked<never> => ({ error });

/** A string checked (and maybe rewritten) by `check`; its error becomes the issue message. */
export function text<T>(check: Check<T>) {
  return z.string().transform((s, ctx) => {
    const r = check(s);
    if ('error' in r) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.value;
  });
}

/** Optional in the file (absent or null); always present in the Dataset, as null when absent. */
export function opt<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((v): z.output<S> | null => (v === undefined ? null : v));
}

/** Bounds on free text: longer than any name, address line or id a person types, short enough that no file fills the store with one field. */
export const MAX_NAME = 100;
export const MAX_TEXT = 2000;
export const name = z.string().trim().min(1, 'must not be empty').max(MAX_NAME, `must be at most ${MAX_NAME} characters`);
export const optText = opt(z.string().trim().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)).transform((v) => (v === '' ? null : v));

export const isoDate = text((s) => (isRealDate(s) ? ok(s) : bad(`'${s}' is not a real date (YYYY-MM-DD)`)));
export const time = text((s) => (isTime(s) ? ok(s) : bad(`'${s}' is not a time HH:MM (00:00 to 23:59)`)));

export const ndc = text((s) => {
  const r = normalizeNdc(s);
  return r.ok ? ok(r.ndc) : bad(r.error);
});
export const npi = text((s) =>
  !/^\d{10}$/.test(s)
    ? bad(`'${s}' is not an NPI (10 digits)`)
    : isValidNpi(s)
      ? ok(s)
      : bad(`'${s}' fails the NPI check digit`),
);
export const ein = text((s) => {
  const digits = s.replace(/^(\d{2})-(\d{7})$/, '$1$2');
  return /^\d{9}$/.test(digits) ? ok(digits) : bad(`'${s}' is not an EIN (9 digits)`);
});
export const icd10 = text((s) => {
  const r = normalizeIcd10(s);
  return r.ok ? ok(r.code) : bad(r.error);
});
/** HCPCS (letter + 4 digits) or CPT (5 digits, or 4 digits + letter). */
export const procedureCode = text((s) =>
  /^[A-Z0-9]{5}$/.test(s) ? ok(s) : bad(`'${s}' is not a HCPCS/CPT code (5 characters, e.g. J0696, 99601)`),
);
export const state = text((s) => (isUspsState(s) ? ok(s) : bad(`'${s}' is not a USPS state code`)));
export const zip = text((s) => {
  const digits = s.replace(/^(\d{5})-(\d{4})$/, '$1$2');
  return /^(\d{5}|\d{9})$/.test(digits) ? ok(digits) : bad(`'${s}' is not a ZIP code (5 or 9 digits)`);
});
export const phone = text((s) => {
  const digits = s.replace(/[\s().-]/g, '');
  return /^\d{10}$/.test(digits) ? ok(digits) : bad(`'${s}' is not a 10-digit phone number`);
});

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => (iss.input === undefined ? 'is required' : `${show(iss.input)} is not one of ${values.join(', ')}`) });
}
export function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v);
}

export const positive = z.number().positive('must be more than 0');
export const positiveInt = z.number().int('must be a whole number').positive('must be more than 0');
export const measure = oneOf(MEASURES as [Measure, ...Measure[]]);
export const quantity = z.strictObject({ amount: positive, unit: measure });

export const address = z.strictObject({
  line1: name,
  line2: optText,
  city: name,
  state,
  zip,
});

export function isDateStr(v: unknown): v is string {
  return typeof v === 'string' && isRealDate(v);
}

/**
 * A from/to range (a hold, an authorization, a coverage, a code's dates) ending before it starts is
 * refused at its `to`, naming both dates; `what` leads the message ("hold ends …"). For superRefine.
 */
export function endsBeforeItStarts(what: string | null, r: { from?: unknown; to?: unknown }, ctx: z.RefinementCtx): void {
  if (isDateStr(r.from) && isDateStr(r.to) && r.to < r.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `${what ? `${what} ` : ''}ends ${r.to}, before it starts ${r.from}` });
  }
}

