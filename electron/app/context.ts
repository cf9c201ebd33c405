import type Database from 'better-sqlite3-multiple-ciphers';
import type { User } from '../../db/repos/users.ts';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { SessionManager } from '../security/sessions.ts';
import type { KeyringContext } from '../security/users.ts';
import type { OfficeHosting } from '../contract/hosting.ts';
import type { KeyChange, SwitchResult } from '../security/keySwitch.ts';

export type EntryPoint = 'ipc' | 'http' | 'cli' | 'test';

import type { DeliveredFile } from '../domain/files.ts';

export type { DeliveredFile };

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
   * The caller's session, held by the entry point (Electron: one per window; HTTP: one per cookie;
   * the command line: one per command, signed in from its credentials; tests: a trusted one). The
   * registry checks the role's permission for every request against it and audits as its user.
   */
  session: SessionManager;
  /** which entry point the request came through, for the audit trail */
  via?: EntryPoint;
  /**
   * The trusted caller's delivery step for a file a handler produces (the command line's --out):
   * called inside the service's transaction, so a write that fails records nothing.
   */
  deliver?: (file: DeliveredFile) => void;
  /** the signed-in user this request runs for (set by the registry after its check); null for a public request */
  user?: User | null;
  /** the office behind db (first-run setup, keyring, backups); absent when a bare store is served */
  office?: Office;
  /** "Host this office": the desktop app serving its office to the workstations; absent where nothing hosts */
  hosting?: OfficeHosting;
}

/** What an entry point knows before a request names its caller: everything but the session. */
export type BaseContext = Omit<HandlerContext, 'session' | 'user'>;

export interface SetupInput {
  username: string;
  displayName: string;
  password: string;
}

/**
 * The office behind `db`, as the handlers see it: first-run setup, the recovery key, backups and
 * restore. The desktop app and the servers host one (hosting/officeHost.ts: the OS keyring holds
 * the key); the command line opens one with the key its credentials unwrapped (cli/cliOffice.ts).
 */
export interface Office {
  /** the current connection: setup, recovery and restore replace it */
  readonly db: Database.Database;
  /** the office is encrypted and this OS account does not hold its key: only the recovery key opens it */
  readonly needsRecovery: boolean;
  readonly encrypted: boolean;
  /** the database key and its keyring file, for an encrypted office */
  readonly keyring: KeyringContext | undefined;
  readonly backupDir: string;
  /** the file of a backup a person may verify or restore by name: one of the office's own, never a path from the caller */
  backupFile(name: string): string | null;
  /** first run: nobody can sign in yet */
  needsSetup(): boolean;
  recover(recoveryKey: string): void;
  /** creates the administrator and encrypts the office; returns the recovery key (shown once) */
  setup(input: SetupInput): { recoveryKey: string };
  /** replaces the office with a verified backup (the current one is kept as a pre-restore backup) */
  restore(file: string): { version: number; previous: string | null };
  /** changes the key of an encrypted office (security/keySwitch.ts) and holds the new one; null for a plain office */
  rekey(change: KeyChange): SwitchResult | null;
}
