// The command line's way into the application: the same handler table as the app's windows and
// the servers, called in-process under a session signed in from the environment's credentials.
// A command is a thin caller of handlers; what the table refuses or reports comes back as a
// UserError with the table's own message (exit 1).
import fs from 'node:fs';
import type { DeliveredFile, HandlerContext } from '../app/context.ts';
import { appRegistry } from '../app/registry.ts';
import type { ArgsOf, Handlers } from '../contract/index.ts';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import { UserError } from '../domain/errors.ts';
import { SessionManager } from '../security/sessions.ts';
import { KeyedOffice } from '../hosting/keyedOffice.ts';
import { readCredentials, signInFromCredentials, unlockDatabase } from '../security/credentials.ts';
import { openRemoteCaller } from './remoteCaller.ts';

export type HandlerName = keyof Handlers & string;
/** the arguments of a handler, as a list: none for a handler that takes none */
export type ArgList<K extends HandlerName> = Parameters<Handlers[K]> extends [] | [void] | [undefined] ? [] : [ArgsOf<K>];

type Result<K extends HandlerName> = Promise<ReturnType<Handlers[K]>>;

export interface Caller {
  call<K extends HandlerName>(name: K, ...args: ArgList<K>): Result<K>;
  /** a call whose file goes out through `deliver` (the command's --out), inside the service's transaction */
  callDelivering<K extends HandlerName>(name: K, args: ArgsOf<K>, deliver: (file: DeliveredFile) => void): Result<K>;
  /** the folder of the office's backups */
  readonly backupDir: string;
  close(): void;
}

export interface CallerOptions {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  now: IsoDateTime;
  today: IsoDate;
  backupDir?: string;
  /** a backup file named on the command line (`backup restore FILE`) */
  namedBackup?: string;
  /** tests only (--plain, PERDIEM_PLAIN=1): a missing database is created unencrypted instead of refused */
  plain?: boolean;
  /** where the warning about a plain new database goes */
  warn?: (text: string) => void;
}

export const NO_OFFICE = (dbPath: string) =>
  `there is no office at ${dbPath}: create its encrypted database first with \`perdiem setup --admin USER\` (PERDIEM_NEW_PASSWORD), or pass --plain for a test database that is not encrypted`;

/**
 * Signs in from the environment and opens the office; throws UserError when the credentials do
 * not open it. With PERDIEM_SERVER set, the office is the server's (remoteCaller.ts) and --db is not used.
 */
export function openCaller(o: CallerOptions): Caller {
  const server = o.env.PERDIEM_SERVER?.trim();
  if (server) return openRemoteCaller({ server, env: o.env, ...(o.namedBackup ? { namedBackup: o.namedBackup } : {}) });
  // every new database is encrypted (perdiem setup, the app); a plain one only when a test says so, and it is said
  if (!fs.existsSync(o.dbPath)) {
    if (!o.plain) throw new UserError(NO_OFFICE(o.dbPath));
    o.warn?.(`perdiem: warning: ${o.dbPath} is a new database that is NOT encrypted (--plain): for tests only\n`);
  }
  const credentials = readCredentials(o.env);
  const dbKey = unlockDatabase(o.dbPath, credentials, o.backupDir);
  const office = new KeyedOffice({ dbPath: o.dbPath, dbKey, ...(o.backupDir ? { backupDir: o.backupDir } : {}), ...(o.namedBackup ? { namedBackup: o.namedBackup } : {}) });
  const registry = appRegistry();
  let session: SessionManager;
  try {
    session = new SessionManager({ db: office.db });
    // the audit trail keeps the wall clock, not --now (which only pins what the engine sees)
    signInFromCredentials(session, office.db, credentials, { dbPath: o.dbPath, keyed: dbKey !== null, now: new Date().toISOString() });
  } catch (e) {
    office.close();
    throw e;
  }
  async function send(name: string, args: unknown, deliver?: (file: DeliveredFile) => void): Promise<unknown> {
    const ctx: HandlerContext = { db: office.db, office, session, via: 'cli', now: () => o.now, today: () => o.today, ...(deliver ? { deliver } : {}) };
    const r = await registry.call(ctx, name, args);
    if (!r.ok) throw new UserError(r.error.message, r.error.details ?? Object.entries(r.error.fields ?? {}).map(([k, v]) => `${k}: ${v}`));
    return r.value;
  }
  return {
    call: (name, ...args) => send(name, args[0]) as Result<typeof name>,
    callDelivering: (name, args, deliver) => send(name, args, deliver) as Result<typeof name>,
    backupDir: office.backupDir,
    close: () => office.close(),
  };
}
