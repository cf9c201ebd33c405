import type { IsoDate, IsoDateTime } from '../domain/types.ts';

/** What every command gets: where the database is, the clock, and where to write. */
export interface CliContext {
  dbPath: string;
  /** --now, or the clock: an ISO date-time */
  now: IsoDateTime;
  /** the date part of `now` */
  today: IsoDate;
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** returns the exit code (0 when omitted) */
  run(ctx: CliContext, argv: string[]): Promise<number | void>;
}
