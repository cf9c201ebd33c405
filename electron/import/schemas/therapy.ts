// The therapies section (docs/import.md): schedule (billing-rules §1), holds, authorizations, drugs.
import { z } from 'zod';
import { ROUTES } from '../../domain/types.ts';
import type { Schedule } from '../../domain/types.ts';
import { EVERY_HOURS, THERAPY_CATEGORIES } from '../enums.ts';
import { endsBeforeItStarts, icd10, isDateStr, isoDate, name, ndc, oneOf, opt, optText, positive, positiveInt, procedureCode, quantity, show, whenObject } from './fields.ts';

const SCHEDULE_FORMS = '{"everyHours": N}, {"everyDays": N}, {"weekly": true}, {"monthly": true} or {"continuous": true}';

/** billing-rules §1 schedules; exactly one form. */
const schedule = z.unknown().transform((v, ctx): Schedule => {
  const fail = (message: string, path: PropertyKey[] = []) => {
    ctx.addIssue({ code: 'custom', path, message });
    return z.NEVER;
  };
  if (v === undefined) return fail('is required');
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(`must be ${SCHEDULE_FORMS}`);
  const keys = Object.keys(v);
  const [key] = keys;
  const value = (v as Record<string, unknown>)[key ?? ''];
  if (keys.length !== 1 || key === undefined) return fail(`must be exactly one of ${SCHEDULE_FORMS}`);
  switch (key) {
    case 'everyHours':
      if (typeof value !== 'number' || !(EVERY_HOURS as readonly number[]).includes(value)) {
        return fail(`${show(value)} must divide 24 (${EVERY_HOURS.join(', ')})`, [key]);
      }
      return { everyHours: value };
    case 'everyDays':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return fail(`${show(value)} is not a whole number of days`, [key]);
      return { everyDays: value };
    case 'weekly':
    case 'monthly':
    case 'continuous':
      if (value !== true) return fail('must be true', [key]);
      return key === 'weekly' ? { weekly: true } : key === 'monthly' ? { monthly: true } : { continuous: true };
    default:
      return fail(`'${key}' is not a schedule; use ${SCHEDULE_FORMS}`, [key]);
  }
});

const hold = z
  .strictObject({ from: isoDate, to: opt(isoDate), reason: optText })
  .superRefine(
    (h, ctx) => endsBeforeItStarts('hold', h, ctx),
    { when: whenObject },
  );

const priorAuth = z
  .strictObject({
    number: name,
    from: isoDate,
    to: opt(isoDate),
    units: opt(z.record(z.string(), positiveInt)).transform((units, ctx) => {
      if (units === null) return null;
      for (const code of Object.keys(units)) {
        const r = procedureCode.safeParse(code);
        if (!r.success) ctx.addIssue({ code: 'custom', path: [code], message: r.error.issues[0]?.message ?? 'bad code' });
      }
      return units;
    }),
  })
  .superRefine(
    (a, ctx) => endsBeforeItStarts('authorization', a, ctx),
    { when: whenObject },
  );

const qualifier = z.strictObject({
  litersPerDay: opt(positive),
  // §8: a mode or lumen outside the listed values means "unknown", so any text is accepted.
  mode: optText,
  lumen: optText,
});

export const therapy = z
  .strictObject({
    id: name,
    patient: name,
    payer: name,
    category: oneOf(THERAPY_CATEGORIES),
    qualifier: opt(qualifier),
    route: oneOf(ROUTES),
    selfAdministered: opt(z.boolean()).transform((b) => b ?? false),
    perDiemCode: opt(procedureCode),
    schedule,
    start: isoDate,
    stop: opt(isoDate),
    holds: opt(z.array(hold)).transform((h) => h ?? []),
    doses: opt(z.array(z.strictObject({ date: isoDate, given: z.boolean() }))).transform((d) => d ?? []),
    diagnoses: z.array(icd10).min(1, 'needs at least one ICD-10-CM code'),
    prescriber: name,
    priorAuths: opt(z.array(priorAuth)).transform((a) => a ?? []),
    drugs: z.array(z.strictObject({ ndc, dose: quantity })),
  })
  .superRefine(
    (t, ctx) => {
      if (isDateStr(t.start) && isDateStr(t.stop) && t.stop < t.start) {
        ctx.addIssue({ code: 'custom', path: ['stop'], message: `stop ${t.stop} is before start ${t.start}` });
      }
    },
    { when: whenObject },
  );
