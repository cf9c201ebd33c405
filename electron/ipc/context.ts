import type Database from 'better-sqlite3-multiple-ciphers';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';

/**
 * What every handler gets besides its arguments. The clock is injected so the same handlers
 * run under Electron (real clock), the CLI (--now) and the end-to-end server (a fixed clock).
 */
export interface HandlerContext {
  db: Database.Database;
  /** an ISO date-time, e.g. 2026-11-05T09:00:00 */
  now(): IsoDateTime;
  /** the date part of now() */
  today(): IsoDate;
}
