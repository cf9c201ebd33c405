// The office's records as the engine, the exporters, the store and the UI see them.
// Import parses the public JSON format (docs/import.md) into these; the store returns them.
// Conventions: dates are ISO `YYYY-MM-DD` strings, times `HH:MM`; NDCs are 11 digits (R-DR-1);
// ICD-10-CM codes keep their dot here (the exporters drop it); prices are integer micro-dollars
// (a unit price may be a fraction of a cent); claim money is integer cents.

export type IsoDate = string;
export type IsoDateTime = string;

export type Measure = 'mcg' | 'mg' | 'g' | 'units' | 'IU' | 'mL';
export interface Quantity {
  amount: number;
  unit: Measure;
}

export const NDC_UNITS = ['F2', 'GR', 'ME', 'ML', 'UN'] as const;
export type NdcUnit = (typeof NDC_UNITS)[number];

export interface Address {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  /** 5 or 9 digits, no hyphen */
  zip: string;
}

export interface Organization {
  name: string;
  npi: string;
  /** EIN, 9 digits */
  taxId: string;
  taxonomy?: string | null;
  address?: Address | null;
  phone?: string | null;
  contact?: string | null;
}

export interface Clearinghouse {
  name: string;
  senderId: string;
  receiverId: string;
  submitterId: string;
  usage: 'T' | 'P';
}

export const CODE_SETS = ['commercial', 'medicare-hit', 'medicaid-nc'] as const;
export type CodeSet = (typeof CODE_SETS)[number];

/** billing-rules.md §9; every field present once defaults are applied (see settings.ts). */
export interface PayerSettings {
  codeSet: CodeSet;
  perDiemDays: 'administration' | 'access';
  lineSpan: 'day' | 'week' | 'month';
  concurrencyOrder: 'highestCharge' | 'firstStarted';
  concurrencyModifier59: boolean;
  incidentalPerDiems: string[];
  selfAdministeredCovered: boolean;
  drugsOnMedicalClaim: boolean;
  wasteModifiers: 'JW' | 'JW+JZ';
  /** R-DR-8: `paper` = KP/KQ on the CMS-1500 only (AllWays) */
  compoundKpKq: boolean | 'paper';
  ndcUnits: NdcUnit[];
  nursingRnOnly: boolean;
  nursingMaxHoursPerDay: number | null;
  /** R-CL-5 (§12.2): which billed lines need an authorization: codes, ranges `G0088-G0090`, category ids */
  priorAuthRequiredFor: 'all' | 'none' | string[];
  /** R-PD-9 (§12.3) */
  injectableWithoutIvOrRn: 'warn' | 'notBilled' | 'off';
  /** R-PD-11 */
  selfAdministrationRequired: boolean;
  /** R-SU-3: codes and ranges never billed on any date */
  alwaysBundled: string[];
  /** R-SU-1: codes and ranges bundled into a per diem of the same date */
  bundledSupplies: string[];
  /** R-DR-12 */
  drugLineNotes: boolean;
  /** R-CL-6 (§12.3) */
  chargeBasis: 'payerFee' | 'chargeMaster';
  /** R-CL-13: a code or range → its inclusive ISO date limits */
  codeDates: Record<string, CodeDates>;
  claimPeriod: 'month' | 'week';
  timelyFilingDays: number;
  /** CMS-1500 multi-page claims: 'continued' (CONTINUED in 28, total on the last page) or 'perPage'. */
  pdfPageTotals: 'continued' | 'perPage';
  /** R-CO-3: as a secondary after Medicare, bill with this payer's own code set and Medicare's denial (default false; optional until the store keeps it) */
  billSecondaryWithOwnCodes?: boolean;
}

export interface CodeDates {
  from?: IsoDate | null;
  to?: IsoDate | null;
}

/** billing-rules.md §12: the five seed policies a payer may start from (resources/profiles). */
export const PROFILE_IDS = ['bcbs-vt', 'bcbs-nm', 'bcbs-tx', 'allways', 'wellcare-nc'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** Prices keyed by `CODE` or `CODE:NDC` (the latter wins), in micro-dollars per unit. */
export type PriceTable = Record<string, number>;

export interface Payer {
  id: string;
  name: string;
  payerId?: string | null;
  /** SBR09 claim filing indicator: BL, CI, MB, MC … */
  filingIndicator?: string | null;
  address?: Address | null;
  /** the §12 profile the settings were copied from; every value stays editable */
  profile?: ProfileId | null;
  settings: PayerSettings;
  fees: PriceTable;
}

export interface Prescriber {
  id: string;
  firstName: string;
  lastName: string;
  npi: string;
}

export interface Nurse {
  id: string;
  firstName: string;
  lastName: string;
  credential: 'RN' | 'LPN';
  npi?: string | null;
}

export interface Product {
  /** 11 digits, no hyphens */
  ndc: string;
  name: string;
  kind: 'drug' | 'supply';
  hcpcs: string;
  hcpcsUnit?: Quantity | null;
  ndcUnit?: NdcUnit | null;
  drugPerNdcUnit?: Quantity | null;
  /** in NDC units */
  containerSize?: number | null;
  singleDose?: boolean | null;
  tpnIncluded?: boolean | null;
}

export type Sex = 'F' | 'M' | 'U';
export type Relationship = 'self' | 'spouse' | 'child' | 'other';

export interface Subscriber {
  firstName: string;
  lastName: string;
  middle?: string | null;
  dob: IsoDate;
  sex: Sex;
  address?: Address | null;
}

export interface Coverage {
  payer: string;
  priority: 1 | 2 | 3;
  memberId: string;
  groupNumber?: string | null;
  relationship: Relationship;
  /** present when relationship is not `self` */
  subscriber?: Subscriber | null;
  /** dates the coverage is active (R-CO-1: the next payer must cover the date of service); open when absent */
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface Patient {
  /** account number */
  id: string;
  firstName: string;
  lastName: string;
  middle?: string | null;
  dob: IsoDate;
  sex: Sex;
  address?: Address | null;
  phone?: string | null;
  coverages: Coverage[];
}

export type Schedule =
  | { everyHours: number }
  | { everyDays: number }
  | { weekly: true }
  | { monthly: true }
  | { continuous: true };

export const ROUTES = ['IV', 'SC', 'IM', 'epidural', 'intrathecal', 'enteral', 'other'] as const;
export type Route = (typeof ROUTES)[number];

export interface TherapyQualifier {
  litersPerDay?: number | null;
  mode?: string | null;
  lumen?: string | null;
}

export interface Hold {
  from: IsoDate;
  to?: IsoDate | null;
  reason?: string | null;
}

export interface DoseOverride {
  date: IsoDate;
  given: boolean;
}

export interface PriorAuth {
  number: string;
  from: IsoDate;
  to?: IsoDate | null;
  /** authorized units per HCPCS code */
  units?: Record<string, number> | null;
}

export interface TherapyDrug {
  /** 11 digits */
  ndc: string;
  dose: Quantity;
}

export interface Therapy {
  id: string;
  patient: string;
  payer: string;
  category: string;
  qualifier?: TherapyQualifier | null;
  route: Route;
  selfAdministered: boolean;
  perDiemCode?: string | null;
  schedule: Schedule;
  start: IsoDate;
  stop?: IsoDate | null;
  holds: Hold[];
  doses: DoseOverride[];
  /** ICD-10-CM with the dot, as entered */
  diagnoses: string[];
  prescriber: string;
  priorAuths: PriorAuth[];
  drugs: TherapyDrug[];
}

export interface Dispense {
  id: string;
  therapy: string;
  date: IsoDate;
  ndc: string;
  /** NDC units */
  quantity: number;
  daysSupply: number;
  lot?: string | null;
  expiry?: IsoDate | null;
  /** R-SU-4: maintenance or repair of the patient's own equipment, never bundled */
  patientOwned?: boolean | null;
}

export interface Visit {
  id: string;
  patient: string;
  therapy: string;
  nurse: string;
  date: IsoDate;
  arrival: string;
  departure: string;
  departureDate?: IsoDate | null;
  signed: boolean;
  notes?: string | null;
}

/** Everything the office keeps, normalized. Import produces it; the store loads it. */
export interface Dataset {
  organization: Organization | null;
  clearinghouse: Clearinghouse | null;
  /** micro-dollars per unit */
  chargeMaster: PriceTable;
  payers: Payer[];
  prescribers: Prescriber[];
  nurses: Nurse[];
  products: Product[];
  patients: Patient[];
  therapies: Therapy[];
  dispenses: Dispense[];
  visits: Visit[];
}
