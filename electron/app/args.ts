// Argument schemas more than one domain's handlers take: checked at the table's boundary, so a
// bad date or an empty id is refused with the field named before any handler runs.
import { z } from 'zod';
import { isMonth, isRealDate } from '../domain/isoDate.ts';

export const date = z.string().refine(isRealDate, 'is not a real date (YYYY-MM-DD)');
export const id = z.string().min(1, 'must not be empty');
export const month = z.string().refine(isMonth, 'must be a month YYYY-MM');

/** A build or a workbench list: both ends of the range. */
export const period = z
  .object({ from: date, to: date, payer: z.string().min(1).nullish() })
  .refine((p) => p.from <= p.to, { message: 'ends before the period starts', path: ['to'] });

/** What a submission (837P or print) takes: a range open at either end, a payer, or neither. */
export const selection = z
  .object({ from: date.optional(), to: date.optional(), payer: z.string().min(1).nullish() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'ends before the period starts', path: ['to'] });

const inch = z.number().min(-72, 'at most one inch (72 pt) left or down').max(72, 'at most one inch (72 pt) right or up');
/** where the printer puts the form, in points (CMS-1500 printing) */
export const printerOffset = z.object({ x: inch, y: inch });

/**
 * A record a form or file sends: only its shape here (an object); its fields are checked by the
 * import schemas it is saved through, which name each wrong field.
 */
export const record = <T>() => z.custom<T>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), { message: 'expected an object' });

/** The version a form read (app/versions.ts): a whole number, absent from callers that do not track one. */
export const versionArg = z.number().int().nonnegative().optional();
