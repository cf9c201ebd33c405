// Zod schemas of the import format (docs/import.md; docs/examples/import-example.json), one per record.
// They check and normalize each record on its own; references between records are checked in
// references.ts. Messages are written for a biller; the error map in messages.ts covers the rest.
import { z } from 'zod';
import { CODE_SETS, NDC_UNITS, ROUTES } from '../domain/types.ts';
import type { Measure, PayerSettings, Schedule } from '../domain/types.ts';
import { withDefaults } from '../domain/settings.ts';
import { normalizeNdc } from './ndc.ts';
import { isValidNpi } from '../domain/npi.ts';
import { normalizeIcd10 } from './icd10.ts';
import { isUspsState } from '../domain/states.ts';
import { daysBetween, isRealDate, isTime, minutesOf } from './dates.ts';
import { MEASURES, canConvert } from './measures.ts';
import { EVERY_HOURS, THERAPY_CATEGORIES } from './enums.ts';

/**
 * Refinements run even when a field failed (so every problem is listed), but only on an object:
 * a record that is null, a number or a list has already been reported and has no fields to read.
 */
const whenObject = (payload: { value: unknown }): boolean =>
  payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value);

type Checked<T> = { value: T } | { error: string };
type Check<T> = (s: string) => Checked<T>;
const ok = <T>(value: T): Checked<T> => ({ value });
const bad = (error: string): Checked<never> => ({ error });

/** A string checked (and maybe rewritten) by `check`; its error becomes the issue message. */
function text<T>(check: Check<T>) {
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
function opt<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((v): z.output<S> | null => (v === undefined ? null : v));
}

/** Bounds on free text: longer than any name, address line or id a person types, short enough that no file fills the store with one field. */
export const MAX_NAME = 100;
export const MAX_TEXT = 2000;
const name = z.string().trim().min(1, 'must not be empty').max(MAX_NAME, `must be at most ${MAX_NAME} characters`);
const optText = opt(z.string().trim().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)).transform((v) => (v === '' ? null : v));

export const isoDate = text((s) => (isRealDate(s) ? ok(s) : bad(`'${s}' is not a real date (YYYY-MM-DD)`)));
const time = text((s) => (isTime(s) ? ok(s) : bad(`'${s}' is not a time HH:MM (00:00 to 23:59)`)));

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
const ein = text((s) => {
  const digits = s.replace(/^(\d{2})-(\d{7})$/, '$1$2');
  return /^\d{9}$/.test(digits) ? ok(digits) : bad(`'${s}' is not an EIN (9 digits)`);
});
const icd10 = text((s) => {
  const r = normalizeIcd10(s);
  return r.ok ? ok(r.code) : bad(r.error);
});
/** HCPCS (letter + 4 digits) or CPT (5 digits, or 4 digits + letter). */
export const procedureCode = text((s) =>
  /^[A-Z0-9]{5}$/.test(s) ? ok(s) : bad(`'${s}' is not a HCPCS/CPT code (5 characters, e.g. J0696, 99601)`),
);
const state = text((s) => (isUspsState(s) ? ok(s) : bad(`'${s}' is not a USPS state code`)));
const zip = text((s) => {
  const digits = s.replace(/^(\d{5})-(\d{4})$/, '$1$2');
  return /^(\d{5}|\d{9})$/.test(digits) ? ok(digits) : bad(`'${s}' is not a ZIP code (5 or 9 digits)`);
});
const phone = text((s) => {
  const digits = s.replace(/[\s().-]/g, '');
  return /^\d{10}$/.test(digits) ? ok(digits) : bad(`'${s}' is not a 10-digit phone number`);
});

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => (iss.input === undefined ? 'is required' : `${show(iss.input)} is not one of ${values.join(', ')}`) });
}
function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v);
}

const positive = z.number().positive('must be more than 0');
const positiveInt = z.number().int('must be a whole number').positive('must be more than 0');
const measure = oneOf(MEASURES as [Measure, ...Measure[]]);
const quantity = z.strictObject({ amount: positive, unit: measure });

export const address = z.strictObject({
  line1: name,
  line2: optText,
  city: name,
  state,
  zip,
});

export const organization = z.strictObject({
  name,
  npi,
  taxId: ein,
  taxonomy: opt(text((s) => (/^[0-9A-Z]{9}X$/.test(s) ? ok(s) : bad(`'${s}' is not a taxonomy code (10 characters ending in X)`)))),
  address: opt(address),
  phone: opt(phone),
  contact: optText,
});

export const clearinghouse = z.strictObject({
  name,
  senderId: name,
  receiverId: name,
  submitterId: name,
  usage: oneOf(['T', 'P']),
});

/** `CODE` or `CODE:NDC` (the NDC in any accepted form, stored as 11 digits). */
const priceKey = text((s) => {
  const [code = '', ndcPart, extra] = s.split(':');
  if (extra !== undefined || !/^[A-Z0-9]{5}$/.test(code)) return bad(`'${s}' is not CODE or CODE:NDC`);
  if (ndcPart === undefined) return ok(code);
  const r = normalizeNdc(ndcPart);
  return r.ok ? ok(`${code}:${r.ndc}`) : bad(r.error);
});
/** Dollars in the file, micro-dollars in the Dataset. */
const price = z.number().nonnegative('must not be negative').transform((d) => Math.round(d * 1e6));
export const priceTable = z.record(z.string(), price).transform((table, ctx) => {
  const out: Record<string, number> = {};
  for (const [key, micros] of Object.entries(table)) {
    const r = priceKey.safeParse(key);
    if (!r.success) {
      ctx.addIssue({ code: 'custom', path: [key], message: r.error.issues[0]?.message ?? 'bad key' });
    } else if (r.data in out) {
      ctx.addIssue({ code: 'custom', path: [key], message: `prices ${r.data} twice` });
    } else out[r.data] = micros;
  }
  return out;
});

const settingsShape = {
  codeSet: oneOf(CODE_SETS),
  perDiemDays: oneOf(['administration', 'access']),
  lineSpan: oneOf(['day', 'week', 'month']),
  concurrencyOrder: oneOf(['highestCharge', 'firstStarted']),
  concurrencyModifier59: z.boolean(),
  incidentalPerDiems: z.array(procedureCode),
  selfAdministeredCovered: z.boolean(),
  drugsOnMedicalClaim: z.boolean(),
  wasteModifiers: oneOf(['JW', 'JW+JZ']),
  compoundKpKq: z.boolean(),
  ndcUnits: z.array(oneOf(NDC_UNITS)),
  nursingRnOnly: z.boolean(),
  nursingMaxHoursPerDay: positive.max(24, 'must be at most 24').nullable(),
  requiresPriorAuth: z.boolean(),
  claimPeriod: oneOf(['month', 'week']),
  timelyFilingDays: positiveInt,
  pdfPageTotals: oneOf(['continued', 'perPage']),
  billSecondaryWithOwnCodes: z.boolean(),
} satisfies Record<keyof PayerSettings, z.ZodType>;

export const payerSettings = z.strictObject(settingsShape).partial();

export const payer = z.strictObject({
  id: name,
  name,
  payerId: optText,
  filingIndicator: opt(text((s) => (/^[0-9A-Z]{2}$/.test(s) ? ok(s) : bad(`'${s}' is not a claim filing indicator (2 characters, e.g. BL, CI, MB)`)))),
  address: opt(address),
  settings: opt(payerSettings).transform((s) => withDefaults(s)),
  fees: opt(priceTable).transform((f) => f ?? {}),
});

export const prescriber = z.strictObject({ id: name, firstName: name, lastName: name, npi });

export const nurse = z.strictObject({
  id: name,
  firstName: name,
  lastName: name,
  credential: oneOf(['RN', 'LPN']),
  npi: opt(npi),
});

const DRUG_FIELDS = ['hcpcsUnit', 'ndcUnit', 'drugPerNdcUnit', 'containerSize', 'singleDose'] as const;

export const product = z
  .strictObject({
    ndc,
    name,
    kind: opt(oneOf(['drug', 'supply'])).transform((k) => k ?? 'drug'),
    hcpcs: procedureCode,
    hcpcsUnit: opt(quantity),
    ndcUnit: opt(oneOf(NDC_UNITS)),
    drugPerNdcUnit: opt(quantity),
    containerSize: opt(positive),
    singleDose: opt(z.boolean()),
    tpnIncluded: opt(z.boolean()),
  })
  .superRefine(
    (p, ctx) => {
      // A drug needs every field the unit arithmetic of R-DR-3..5 uses.
      if (p.kind !== 'drug') return;
      const raw = p as Record<string, unknown>;
      for (const f of DRUG_FIELDS) {
        if (raw[f] === null || raw[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'is required for a drug' });
      }
      const hu = p.hcpcsUnit?.unit;
      const du = p.drugPerNdcUnit?.unit;
      if (isMeasure(hu) && isMeasure(du) && !canConvert(du, hu)) {
        ctx.addIssue({ code: 'custom', path: ['drugPerNdcUnit', 'unit'], message: `${du} cannot convert to the HCPCS unit ${hu}` });
      }
    },
    { when: whenObject },
  );

function isMeasure(u: unknown): u is Measure {
  return typeof u === 'string' && (MEASURES as string[]).includes(u);
}

/** Who a patient or an insured subscriber is: the fields both records share. */
const person = {
  firstName: name,
  lastName: name,
  middle: optText,
  dob: isoDate,
  sex: oneOf(['F', 'M', 'U']),
  address: opt(address),
};

const subscriber = z.strictObject(person);

const coverage = z
  .strictObject({
    payer: name,
    priority: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: (iss) => (iss.input === undefined ? 'is required' : `${show(iss.input)} is not one of 1, 2, 3`) }),
    memberId: name,
    groupNumber: optText,
    relationship: opt(oneOf(['self', 'spouse', 'child', 'other'])).transform((r) => r ?? 'self'),
    subscriber: opt(subscriber),
  })
  .superRefine(
    (c, ctx) => {
      // 837P loop 2010BA needs the insured's own name and birth date when the patient is not the insured.
      if (typeof c.relationship === 'string' && c.relationship !== 'self' && (c.subscriber === null || c.subscriber === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['subscriber'], message: `is required when relationship is ${c.relationship}` });
      }
    },
    { when: whenObject },
  );

export const patient = z
  .strictObject({
    id: name,
    ...person,
    phone: opt(phone),
    coverages: z.array(coverage),
  })
  .superRefine(
    (p, ctx) => {
      if (!Array.isArray(p.coverages)) return;
      const seen = new Set<unknown>();
      p.coverages.forEach((c, i) => {
        const prio = (c as { priority?: unknown } | null)?.priority;
        if (typeof prio !== 'number') return;
        if (seen.has(prio)) ctx.addIssue({ code: 'custom', path: ['coverages', i, 'priority'], message: `priority ${prio} is given twice` });
        seen.add(prio);
      });
    },
    { when: whenObject },
  );

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
    (h, ctx) => {
      if (isDateStr(h.from) && isDateStr(h.to) && h.to < h.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `hold ends ${h.to}, before it starts ${h.from}` });
      }
    },
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
    (a, ctx) => {
      if (isDateStr(a.from) && isDateStr(a.to) && a.to < a.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `authorization ends ${a.to}, before it starts ${a.from}` });
      }
    },
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

export const dispense = z.strictObject({
  id: name,
  therapy: name,
  date: isoDate,
  ndc,
  quantity: positive,
  daysSupply: positiveInt,
  lot: optText,
  expiry: opt(isoDate),
});

export const visit = z
  .strictObject({
    id: name,
    patient: name,
    therapy: name,
    nurse: name,
    date: isoDate,
    arrival: time,
    departure: time,
    departureDate: opt(isoDate),
    signed: z.boolean(),
    notes: optText,
  })
  .superRefine(
    (v, ctx) => {
      // R-NV-2: the departure is on departureDate (default the visit date), after the arrival, within 24 hours.
      if (!isDateStr(v.date) || typeof v.arrival !== 'string' || typeof v.departure !== 'string') return;
      if (!isTime(v.arrival) || !isTime(v.departure)) return;
      const depDate = v.departureDate ?? v.date;
      if (!isDateStr(depDate)) return;
      const minutes = daysBetween(v.date, depDate) * 1440 + minutesOf(v.departure) - minutesOf(v.arrival);
      if (minutes <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: [v.departureDate ? 'departureDate' : 'departure'],
          message: `departure ${depDate} ${v.departure} is not after arrival ${v.date} ${v.arrival}`,
        });
      } else if (minutes > 1440) {
        ctx.addIssue({ code: 'custom', path: ['departureDate'], message: `departure ${depDate} ${v.departure} is more than 24 hours after arrival ${v.date} ${v.arrival}` });
      }
    },
    { when: whenObject },
  );

function isDateStr(v: unknown): v is string {
  return typeof v === 'string' && isRealDate(v);
}
