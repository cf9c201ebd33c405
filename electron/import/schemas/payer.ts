// The payers section (docs/import.md): fees, the settings of billing-rules.md §9 and §12.2, and
// the §12 profile whose values a payer starts from (settings given beside it win).
import { z } from 'zod';
import { CODE_SETS, NDC_UNITS, PROFILE_IDS } from '../../domain/types.ts';
import type { PayerSettings } from '../../domain/types.ts';
import { profileSettings } from '../../domain/profiles.ts';
import { isCodeOrRange } from '../../domain/codeLists.ts';
import { normalizeNdc } from '../ndc.ts';
import { THERAPY_CATEGORIES } from '../enums.ts';
import { address, bad, endsBeforeItStarts, isoDate, name, ok, oneOf, opt, optText, positive, positiveInt, procedureCode, text, whenObject } from './fields.ts';

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

/** A code or an inclusive range `G0088-G0090` (§12.2). */
const codeOrRange = text((s) => (isCodeOrRange(s) ? ok(s) : bad(`'${s}' is not a code or a range CODE-CODE`)));
const isCodeOrCategory = (s: string) => isCodeOrRange(s) || THERAPY_CATEGORIES.includes(s);
/**
 * R-CL-5's list (§12.2): `all`, `none`, or codes, ranges and §8 category ids. A bad entry is named
 * with its place in the list, at the setting itself, so a form shows it beside the one field.
 */
const priorAuthRequiredFor = z
  .union([z.literal('all'), z.literal('none'), z.array(z.string())], {
    error: () => 'must be "all", "none" or a list of codes, ranges and categories',
  })
  .superRefine((v, ctx) => {
    if (!Array.isArray(v)) return;
    const i = v.findIndex((e) => !isCodeOrCategory(e));
    if (i >= 0) ctx.addIssue({ code: 'custom', message: `'${v[i]}' (entry ${i + 1}) is not a code, a range CODE-CODE or a therapy category` });
  });
const codeDateLimits = z.strictObject({ from: opt(isoDate), to: opt(isoDate) }).superRefine((d, ctx) => endsBeforeItStarts(null, d, ctx), { when: whenObject });
/** R-CL-13: a code or range → its limits; a bad key is named as typed (zod's record key issue says only "Invalid key"). */
const codeDates = z.record(z.string(), codeDateLimits).superRefine((m, ctx) => {
  for (const key of Object.keys(m)) if (!isCodeOrRange(key)) ctx.addIssue({ code: 'custom', path: [key], message: `'${key}' is not a code or a range CODE-CODE` });
}, { when: whenObject });

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
  compoundKpKq: z.union([z.boolean(), z.literal('paper')], { error: (iss) => `${JSON.stringify(iss.input) ?? 'nothing'} is not one of true, false, "paper"` }),
  ndcUnits: z.array(oneOf(NDC_UNITS)),
  nursingRnOnly: z.boolean(),
  nursingMaxHoursPerDay: positive.max(24, 'must be at most 24').nullable(),
  priorAuthRequiredFor,
  injectableWithoutIvOrRn: oneOf(['warn', 'notBilled', 'off']),
  selfAdministrationRequired: z.boolean(),
  alwaysBundled: z.array(codeOrRange),
  bundledSupplies: z.array(codeOrRange),
  drugLineNotes: z.boolean(),
  chargeBasis: oneOf(['payerFee', 'chargeMaster']),
  codeDates,
  claimPeriod: oneOf(['month', 'week']),
  timelyFilingDays: positiveInt,
  pdfPageTotals: oneOf(['continued', 'perPage']),
  billSecondaryWithOwnCodes: z.boolean(),
} satisfies Record<keyof PayerSettings, z.ZodType>;

/**
 * The settings a file gives. `requiresPriorAuth` (before §12) is still read: true is `all`, false
 * `none`; `priorAuthRequiredFor` wins when both are given.
 */
export const payerSettings = z
  .strictObject({ ...settingsShape, requiresPriorAuth: z.boolean() })
  .partial()
  .transform(({ requiresPriorAuth, ...given }): Partial<PayerSettings> => {
    if (requiresPriorAuth === undefined || given.priorAuthRequiredFor !== undefined) return given;
    return { ...given, priorAuthRequiredFor: requiresPriorAuth ? 'all' : 'none' };
  });

export const payer = z
  .strictObject({
  id: name,
  name,
  payerId: optText,
  filingIndicator: opt(text((s) => (/^[0-9A-Z]{2}$/.test(s) ? ok(s) : bad(`'${s}' is not a claim filing indicator (2 characters, e.g. BL, CI, MB)`)))),
  address: opt(address),
  profile: opt(oneOf(PROFILE_IDS)),
  settings: opt(payerSettings),
  fees: opt(priceTable).transform((f) => f ?? {}),
})
  // every setting present: the profile's (else the defaults), with the file's own winning
  .transform((p) => ({ ...p, settings: profileSettings(p.profile, p.settings) }));

