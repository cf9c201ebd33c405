import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { Caller } from './caller.ts';

export interface OpenOptions {
  /** the backups folder (--dir) */
  backupDir?: string;
  /** a backup file named on the command line */
  namedBackup?: string;
}

/** What every command gets: where the database is, the clock, where to write, and the way in. */
export interface CliContext {
  dbPath: string;
  /** the office's journal of pending writes: every --out file is noted there while it is written (files/leftovers.ts) */
  journal: string;
  /** the environment: credentials (PERDIEM_USER, …), a new user's password (PERDIEM_NEW_PASSWORD), PERDIEM_SERVER */
  env: NodeJS.ProcessEnv;
  /** --now, or the clock: an ISO date-time */
  now: IsoDateTime;
  /** the date part of `now` */
  today: IsoDate;
  /** --now as given (absent: the real clock), for a command that runs on (serve) */
  fixedNow?: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * Signs in from the environment and opens the office, once per command (closed after it):
   * every command works through the handler table, never on the store directly.
   */
  open(o?: OpenOptions): Caller;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** returns the exit code (0 when omitted) */
  run(ctx: CliContext, argv: string[]): Promise<number | void>;
}
