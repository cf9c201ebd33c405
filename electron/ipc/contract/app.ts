import type { IsoDate, IsoDateTime } from '../../domain/types.ts';

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
  counts: OfficeCounts;
  /** `path: message` for every invalid record when nothing was written */
  problems: string[];
}

export type AppHandlers = {
  'app.state': (args: void) => AppState;
  'app.loadDemo': (args: void) => AppState;
  /** the text of an import file (import-example.json format); all or nothing */
  'app.importFile': (args: { fileName: string; text: string }) => ImportOutcome;
};
