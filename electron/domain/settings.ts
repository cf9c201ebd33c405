import bundledSupplies from '../../resources/codes/bundledSupplies.json' with { type: 'json' };
import { entriesOfRanges } from './codeLists.ts';
import type { PayerSettings } from './types.ts';

/** billing-rules.md §9 and §12.2 defaults; a payer's stored settings override any of them. */
const DEFAULTS: PayerSettings = {
  codeSet: 'commercial',
  perDiemDays: 'administration',
  lineSpan: 'day',
  concurrencyOrder: 'highestCharge',
  concurrencyModifier59: false,
  incidentalPerDiems: ['S9537', 'S9542', 'S9558', 'S9559', 'S9560', 'S9562'],
  selfAdministeredCovered: false,
  drugsOnMedicalClaim: true,
  wasteModifiers: 'JW',
  compoundKpKq: false,
  ndcUnits: ['F2', 'GR', 'ME', 'ML', 'UN'],
  nursingRnOnly: true,
  nursingMaxHoursPerDay: null,
  priorAuthRequiredFor: 'all',
  injectableWithoutIvOrRn: 'warn',
  selfAdministrationRequired: false,
  alwaysBundled: [],
  // the R-SU-1 list, J7030–J7060 included (their hydration exception stays in the rule)
  bundledSupplies: entriesOfRanges([...(bundledSupplies.always as Array<[string, string]>), ...(bundledSupplies.lineOpen as Array<[string, string]>)]),
  drugLineNotes: false,
  chargeBasis: 'payerFee',
  codeDates: {},
  claimPeriod: 'month',
  timelyFilingDays: 365,
  pdfPageTotals: 'continued',
  // billSecondaryWithOwnCodes (R-CO-3) is off unless a payer sets it: read as `=== true`, not stored yet
};

export const DEFAULT_PAYER_SETTINGS: Readonly<PayerSettings> = Object.freeze(DEFAULTS);

/** A deep copy, so no two payers share a list or map to mutate. */
export function copySettings(s: PayerSettings): PayerSettings {
  return {
    ...s,
    incidentalPerDiems: [...s.incidentalPerDiems],
    ndcUnits: [...s.ndcUnits],
    priorAuthRequiredFor: Array.isArray(s.priorAuthRequiredFor) ? [...s.priorAuthRequiredFor] : s.priorAuthRequiredFor,
    alwaysBundled: [...s.alwaysBundled],
    bundledSupplies: [...s.bundledSupplies],
    // an open end is absent (a file's null and a profile's missing `to` are the same limit, so they compare equal)
    codeDates: Object.fromEntries(Object.entries(s.codeDates).map(([k, v]) => [k, { ...(v.from ? { from: v.from } : {}), ...(v.to ? { to: v.to } : {}) }])),
  };
}

export function withDefaults(partial: Partial<PayerSettings> | null | undefined, base: Readonly<PayerSettings> = DEFAULT_PAYER_SETTINGS): PayerSettings {
  return copySettings({ ...base, ...(partial ?? {}) });
}
