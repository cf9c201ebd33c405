import type { IsoDate, IsoDateTime } from '../domain/types.ts';

export interface OfficeCounts {
  patients: number;
  therapies: number;
  visits: number;
  dispenses: number;
  payers: number;
  claims: number;
}

export interface AppState {
  /** nothing entered yet: the first-run screen offers demo data or an import */
  empty: boolean;
  organization: string | null;
  counts: OfficeCounts;
  now: IsoDateTime;
  today: IsoDate;
}

export interface ImportOutcome {
  fileName: string;
  /** records written per section (patients, therapies, …) */
  imported: Record<string, number>;
  state: AppState;
}

export type AppHandlers = {
  'app.state': (args: void) => AppState;
  /** a demo office of `patients` patients (300 when absent) into an empty database */
  'app.loadDemo': (args?: { patients?: number }) => AppState;
  /** the text of an import file (import-example.json format); all or nothing: a failure lists every problem in `details` */
  'app.importFile': (args: { fileName: string; text: string }) => ImportOutcome;
};
