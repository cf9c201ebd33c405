// The settings forms, as data: one entry per field, addressed by the import format's paths.
import { CODE_SETS, NDC_UNITS } from '../../../electron/domain/types.ts';
import type { FieldSpec } from '../../lib/forms/records.ts';

const opts = (values: readonly string[], labels: Record<string, string> = {}) => values.map((v) => ({ value: v, label: labels[v] ?? v }));
const MEASURES = ['mcg', 'mg', 'g', 'units', 'IU', 'mL'] as const;

const address = (prefix: string): FieldSpec[] => [
  { path: `${prefix}.line1`, label: 'Street', wide: true },
  { path: `${prefix}.line2`, label: 'Suite / unit' },
  { path: `${prefix}.city`, label: 'City' },
  { path: `${prefix}.state`, label: 'State', hint: 'Two letters, e.g. TX' },
  { path: `${prefix}.zip`, label: 'ZIP', hint: '5 or 9 digits' },
];

export const ORGANIZATION: FieldSpec[] = [
  { path: 'name', label: 'Name', wide: true },
  { path: 'npi', label: 'Billing NPI', hint: '10 digits' },
  { path: 'taxId', label: 'Tax id (EIN)', hint: '9 digits' },
  { path: 'taxonomy', label: 'Taxonomy', hint: 'e.g. 3336H0001X' },
  { path: 'phone', label: 'Phone' },
  { path: 'contact', label: 'Billing contact' },
  ...address('address'),
];

export const CLEARINGHOUSE: FieldSpec[] = [
  { path: 'name', label: 'Name', wide: true },
  { path: 'senderId', label: 'Sender id (ISA06)' },
  { path: 'receiverId', label: 'Receiver id (ISA08)' },
  { path: 'submitterId', label: 'Submitter id (1000A)' },
  { path: 'usage', label: 'Usage', kind: 'select', options: opts(['T', 'P'], { T: 'T – test', P: 'P – production' }) },
];

export const PAYER: FieldSpec[] = [
  { path: 'id', label: 'Id', key: true, hint: 'The office’s own id for this payer' },
  { path: 'name', label: 'Name' },
  { path: 'payerId', label: 'Payer id (clearinghouse)' },
  { path: 'filingIndicator', label: 'Claim filing indicator', hint: 'SBR09: BL, CI, MB, MC …' },
  ...address('address'),
];

const yesNo = (path: string, label: string): FieldSpec => ({ path, label, kind: 'checkbox' });

/** billing-rules §9 */
export const PAYER_RULES: FieldSpec[] = [
  { path: 'settings.codeSet', label: 'Code set', kind: 'select', options: opts(CODE_SETS), heading: 'Billing rules (billing-rules §9)' },
  { path: 'settings.perDiemDays', label: 'Per diem days', kind: 'select', options: opts(['administration', 'access']) },
  { path: 'settings.lineSpan', label: 'Line span', kind: 'select', options: opts(['day', 'week', 'month']) },
  { path: 'settings.claimPeriod', label: 'Claim period', kind: 'select', options: opts(['month', 'week']) },
  { path: 'settings.concurrencyOrder', label: 'Concurrent per diems', kind: 'select', options: opts(['highestCharge', 'firstStarted'], { highestCharge: 'highest charge first', firstStarted: 'first started first' }) },
  { path: 'settings.wasteModifiers', label: 'Waste modifiers', kind: 'select', options: opts(['JW', 'JW+JZ']) },
  { path: 'settings.pdfPageTotals', label: 'CMS-1500 page totals', kind: 'select', options: opts(['continued', 'perPage']) },
  { path: 'settings.timelyFilingDays', label: 'Timely filing (days)', kind: 'number', step: '1' },
  { path: 'settings.nursingMaxHoursPerDay', label: 'Nursing hours per day (max)', kind: 'number', hint: 'Blank: no limit' },
  { path: 'settings.incidentalPerDiems', label: 'Incidental per diems', kind: 'list', wide: true, hint: 'Codes, separated by commas' },
  { path: 'settings.ndcUnits', label: 'NDC units accepted', kind: 'list', hint: NDC_UNITS.join(' ') },
  yesNo('settings.concurrencyModifier59', 'Modifier 59 on concurrent per diems'),
  yesNo('settings.selfAdministeredCovered', 'Self-administered drugs covered'),
  yesNo('settings.drugsOnMedicalClaim', 'Drugs on the medical claim'),
  {
    path: 'settings.compoundKpKq',
    label: 'KP/KQ on compounds',
    kind: 'select',
    // R-DR-8: `paper` is AllWays' "Submitting a paper claim: … Enter modifier KP" (billing-rules §12.3)
    options: [
      { value: false, label: 'no' },
      { value: true, label: 'yes, on the 837P and the CMS-1500' },
      { value: 'paper', label: 'on paper only (CMS-1500)' },
    ],
  },
  yesNo('settings.nursingRnOnly', 'Nursing by RNs only'),
  // billing-rules §12.2; priorAuthRequiredFor and codeDates have their own editors beside the
  // form (PriorAuthField, CodeDateRows)
  { path: 'settings.injectableWithoutIvOrRn', label: 'SC/IM per diem without IV or RN', kind: 'select', options: opts(['warn', 'notBilled', 'off'], { notBilled: 'not billed' }) },
  { path: 'settings.chargeBasis', label: 'Line charges from', kind: 'select', options: opts(['payerFee', 'chargeMaster'], { payerFee: 'the payer’s fees', chargeMaster: 'the charge master (usual and customary)' }) },
  { path: 'settings.alwaysBundled', label: 'Never billed separately', kind: 'list', wide: true, hint: 'Codes and ranges, e.g. J1642, A4216' },
  { path: 'settings.bundledSupplies', label: 'Bundled into the per diem', kind: 'list', wide: true, hint: 'Codes and ranges, e.g. A4206-A8004' },
  yesNo('settings.selfAdministrationRequired', 'Self-administration required'),
  yesNo('settings.drugLineNotes', 'Dose and frequency notes on drug lines'),
  // R-CO-3 (issue 13): as a secondary after Medicare, a claim built with this payer's own codes
  yesNo('settings.billSecondaryWithOwnCodes', 'After Medicare, bill as secondary with own codes (S-code per diems)'),
];

export const PRODUCT: FieldSpec[] = [
  { path: 'ndc', label: 'NDC', key: true, hint: '11 digits or hyphenated' },
  { path: 'name', label: 'Name', wide: true },
  { path: 'kind', label: 'Kind', kind: 'select', options: opts(['drug', 'supply']) },
  { path: 'hcpcs', label: 'HCPCS' },
  { path: 'hcpcsUnit.amount', label: 'HCPCS unit amount', kind: 'number' },
  { path: 'hcpcsUnit.unit', label: 'HCPCS unit', kind: 'select', options: opts(MEASURES) },
  { path: 'ndcUnit', label: 'NDC unit', kind: 'select', options: opts(NDC_UNITS) },
  { path: 'drugPerNdcUnit.amount', label: 'Drug per NDC unit', kind: 'number' },
  { path: 'drugPerNdcUnit.unit', label: 'Drug unit', kind: 'select', options: opts(MEASURES) },
  { path: 'containerSize', label: 'Container size (NDC units)', kind: 'number' },
  yesNo('singleDose', 'Single-dose container'),
  yesNo('tpnIncluded', 'Included in the TPN per diem'),
];

export const PRESCRIBER: FieldSpec[] = [
  { path: 'id', label: 'Id', key: true },
  { path: 'firstName', label: 'First name' },
  { path: 'lastName', label: 'Last name' },
  { path: 'npi', label: 'NPI', hint: '10 digits' },
];

export const NURSE: FieldSpec[] = [
  { path: 'id', label: 'Id', key: true },
  { path: 'firstName', label: 'First name' },
  { path: 'lastName', label: 'Last name' },
  { path: 'credential', label: 'Credential', kind: 'select', options: opts(['RN', 'LPN']) },
  { path: 'npi', label: 'NPI (optional)' },
];
