// Nursing visits (billing-rules §5): quick entry, a preview of what the visit bills, signing.
import type { CodeSet, IsoDate, Visit } from '../domain/types.ts';
import type { Versioned } from './result.ts';

export interface VisitRow extends Visit {
  patientName: string;
  nurseName: string;
  nurseCredential: 'RN' | 'LPN' | null;
  therapyLabel: string;
  /** length of the visit in minutes (null when the times do not make a visit) */
  minutes: number | null;
  /** what an edit of this row sends back as `version` (app/versions.ts) */
  version: number;
}

/** A visit as the form sends it: the stored fields, the id optional. */
export interface VisitDraft extends Omit<Visit, 'id'> {
  /** blank or absent for a new visit: the next free `V…` number */
  id?: string | null;
  /**
   * the version of the visit the form was opened on (VisitRow.version): a save over a newer change
   * is refused (`code: 'conflict'`) naming who changed it; absent, the save is not checked
   */
  version?: number;
}

export interface PreviewLine {
  code: string;
  modifiers: string[];
  units: number;
  /** the line's charge as a build would price it (R-CL-6) */
  chargeCents: number;
  /** rule id the line comes from, e.g. R-NV-1 */
  rule: string;
  description: string;
}

export interface VisitPreview {
  minutes: number | null;
  payer: { id: string; name: string; codeSet: CodeSet } | null;
  /** what the visit bills once signed (empty when the times are not valid yet) */
  lines: PreviewLine[];
  /** field path → problem, the same texts a save would give */
  problems: Record<string, string>;
  /** things to notice that do not block the save (unsigned, LPN under RN-only, …) */
  warnings: string[];
}

export type VisitsHandlers = {
  /** `nurse`: only that nurse's visits */
  'visits.recent': (args: { limit?: number; patient?: string; unsignedOnly?: boolean; nurse?: string; from?: IsoDate; to?: IsoDate }) => VisitRow[];
  'visits.preview': (args: VisitDraft) => VisitPreview;
  'visits.save': (args: VisitDraft) => Versioned<Visit>;
  'visits.sign': (args: { id: string; signed: boolean; version?: number }) => Versioned<Visit>;
};
