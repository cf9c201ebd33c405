import type Database from 'better-sqlite3-multiple-ciphers';
import type { User } from '../../db/repos/users.ts';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { SessionManager } from '../security/sessions.ts';
import type { OfficeHost } from './officeHost.ts';

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
  /**
   * The caller's session, held by the transport (Electron: one per window; loopback HTTP: one per
   * cookie). With a session the registry checks the role's permission before every handler.
   * Absent only for trusted in-process callers (the CLI signs in its own way; tests arranging data).
   */
  session?: SessionManager;
  /** the signed-in user this request runs for (set by the registry after its check); null for a public request */
  user?: User | null;
  /** the office behind db (first-run setup, keyring, backups); absent when a bare store is served */
  office?: OfficeHost;
}
