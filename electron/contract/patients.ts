// Patients: search, the chart (everything the office keeps about one patient) and its edits.
import type { ClaimLifeStatus } from '../domain/receivables.ts';
import type { Versioned } from './result.ts';
import type { Claim, ClaimStatus } from '../domain/claims.ts';
import type { CodeSet, Coverage, IsoDate, Measure, NdcUnit, Patient, Product, Route, Sex } from '../domain/types.ts';
import type { TherapyView } from './therapies.ts';
import type { VisitRow } from './visits.ts';
import type { DispenseRow } from './dispenses.ts';

/** One search result: enough to tell two patients with the same name apart. */
export interface PatientHit {
  id: string;
  firstName: string;
  lastName: string;
  middle: string | null;
  dob: IsoDate;
  sex: Sex;
  /** member ids of the patient's coverages, primary first */
  memberIds: string[];
  /** which field the query matched, for the result list */
  matched: 'name' | 'account' | 'memberId' | 'dob';
}

export interface ClaimSummary {
  id: string;
  payer: string;
  payerName: string;
  /** first and last date of service on the claim */
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  frequency: Claim['frequency'];
  /** as every view reads it: `reversed` when the payer reversed its payment */
  status: ClaimLifeStatus;
  totalCents: number;
  lineCount: number;
  priorAuth: string | null;
  errors: number;
  warnings: number;
}

export interface PatientChart {
  patient: Patient;
  /** the patient's version (with its coverages), sent back by an edit of the chart's forms */
  version: number;
  /** payer id → name, for the coverages and therapies */
  payerNames: Record<string, string>;
  therapies: TherapyView[];
  dispenses: DispenseRow[];
  visits: VisitRow[];
  claims: ClaimSummary[];
}

/** The reference lists the chart's forms choose from. */
export interface ChartLookups {
  payers: { id: string; name: string; codeSet: CodeSet }[];
  prescribers: { id: string; name: string; npi: string }[];
  nurses: { id: string; name: string; credential: 'RN' | 'LPN' }[];
  products: (Pick<Product, 'ndc' | 'name' | 'kind' | 'hcpcs'> & { ndcUnit: NdcUnit | null })[];
  /** billing-rules §8 categories, with a label to show */
  categories: { id: string; label: string }[];
  routes: Route[];
  /** the everyHours values that divide 24 */
  everyHours: number[];
  measures: Measure[];
}

export type PatientsHandlers = {
  /** name (any order, prefixes), account number, member id or date of birth (YYYY-MM-DD or MM/DD/YYYY) */
  'patients.search': (args: { query: string; limit?: number }) => PatientHit[];
  'patients.chart': (args: { id: string }) => PatientChart;
  'patients.lookups': (args: void) => ChartLookups;
  /** a new patient (the account number must be new) */
  'patients.create': (args: Patient) => Patient;
  /** demographics and coverages of an existing patient, replaced as a whole */
  /** `version`: the chart's, when the form was opened (a newer change is refused, `code: 'conflict'`) */
  'patients.update': (args: Patient & { version?: number }) => Versioned<Patient>;
  /** adds (index null) or replaces one coverage */
  'patients.saveCoverage': (args: { patient: string; index: number | null; coverage: Coverage; version?: number }) => Versioned<Patient>;
  'patients.removeCoverage': (args: { patient: string; index: number; version?: number }) => Versioned<Patient>;
};
