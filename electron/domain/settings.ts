import type { PayerSettings } from './types.ts';

/** billing-rules.md §9 defaults; a payer's stored settings override any of them. */
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
  requiresPriorAuth: true,
  claimPeriod: 'month',
  timelyFilingDays: 365,
  pdfPageTotals: 'continued',
  // billSecondaryWithOwnCodes (R-CO-3) is off unless a payer sets it: read as `=== true`, not stored yet
};

export const DEFAULT_PAYER_SETTINGS: Readonly<PayerSettings> = Object.freeze(DEFAULTS);

export function withDefaults(partial: Partial<PayerSettings> | null | undefined): PayerSettings {
  const merged = { ...DEFAULT_PAYER_SETTINGS, ...(partial ?? {}) };
  return {
    ...merged,
    incidentalPerDiems: [...merged.incidentalPerDiems],
    ndcUnits: [...merged.ndcUnits],
  };
}
