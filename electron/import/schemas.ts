// Zod schemas of the import format (docs/import.md; docs/examples/import-example.json), one per record.
// They check and normalize each record on its own; references between records are checked in
// references.ts. Messages are written for a biller; the error map in messages.ts covers the rest.
// Fields live in schemas/fields.ts, payers in schemas/payer.ts, therapies in schemas/therapy.ts.
import { z } from 'zod';
import { NDC_UNITS } from '../domain/types.ts';
import type { Measure } from '../domain/types.ts';
import { daysBetween, isTime, minutesOf } from './dates.ts';
import { MEASURES, canConvert } from './measures.ts';
import {
  address, bad, ein, endsBeforeItStarts, isDateStr, isoDate, name, ndc, npi, ok, oneOf, opt, optText, phone, positive, positiveInt, procedureCode, quantity, show, text, time, whenObject,
} from './schemas/fields.ts';

export { isoDate, ndc, npi, procedureCode, address } from './schemas/fields.ts';
export { payer, payerSettings, priceTable } from './schemas/payer.ts';
export { therapy } from './schemas/therapy.ts';

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
    // R-CO-1: the dates the coverage is active (the next payer must cover the date of service); open when absent
    from: opt(isoDate),
    to: opt(isoDate),
  })
  .superRefine(
    (c, ctx) => {
      // 837P loop 2010BA needs the insured's own name and birth date when the patient is not the insured.
      if (typeof c.relationship === 'string' && c.relationship !== 'self' && (c.subscriber === null || c.subscriber === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['subscriber'], message: `is required when relationship is ${c.relationship}` });
      }
      endsBeforeItStarts('coverage', c, ctx);
    },
    { when: whenObject },
  )
  // a coverage without a limit carries no from/to at all, as the store gives it back
  .transform(({ from, to, ...c }) => ({ ...c, ...(from ? { from } : {}), ...(to ? { to } : {}) }));

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

export const dispense = z.strictObject({
  id: name,
  therapy: name,
  date: isoDate,
  ndc,
  quantity: positive,
  daysSupply: positiveInt,
  lot: optText,
  expiry: opt(isoDate),
  // R-SU-4: left out of the Dataset unless given
  patientOwned: z.boolean().optional(),
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

