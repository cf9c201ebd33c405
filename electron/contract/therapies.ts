// Therapies: one prescribed regimen of a patient (billing-rules §1), with its holds, dose
// overrides, prior authorizations and drugs.
import type { IsoDate, Quantity, Therapy } from '../domain/types.ts';
import type { Versioned } from './result.ts';

/** R-CL-5: authorized units per code against what built or exported claims already bill. */
export interface AuthCodeUsage {
  code: string;
  authorized: number;
  used: number;
  remaining: number;
}

export interface AuthUsage {
  number: string;
  from: IsoDate;
  to: IsoDate | null;
  codes: AuthCodeUsage[];
}

export interface TherapyDrugView {
  ndc: string;
  dose: Quantity;
  productName: string | null;
  hcpcs: string | null;
}

export interface TherapyView {
  therapy: Therapy;
  /** the therapy's version (with its holds, doses, authorizations and drugs), sent back by the therapy form's save */
  version: number;
  payerName: string;
  prescriberName: string;
  /** one per prior authorization, in the therapy's order */
  authorizations: AuthUsage[];
  drugs: TherapyDrugView[];
  /** e.g. "Anti-infective" */
  categoryLabel: string;
  /** e.g. "every 8 hours" */
  scheduleText: string;
  /** on hold on the office's today */
  onHoldToday: boolean;
}

/** A therapy as the visit and dispense forms list it. */
export interface TherapyOption {
  id: string;
  patient: string;
  payer: string;
  payerName: string;
  label: string;
  start: IsoDate;
  stop: IsoDate | null;
  /** NDCs of the therapy's drugs (dispense form suggests them first) */
  ndcs: string[];
}

export type TherapiesHandlers = {
  'therapies.get': (args: { id: string }) => TherapyView;
  'therapies.forPatient': (args: { patient: string }) => TherapyOption[];
  /** a new therapy; a blank id gets the next free `T…` number */
  'therapies.create': (args: Therapy) => Versioned<Therapy>;
  /** `version`: the chart's, when the form was opened (a newer change is refused, `code: 'conflict'`) */
  'therapies.update': (args: Therapy & { version?: number }) => Versioned<Therapy>;
};
