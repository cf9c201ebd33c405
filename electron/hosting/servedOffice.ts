// What `perdiem serve` runs: the office opened by the server process and nothing else. The
// database key is unwrapped from the administrator's credentials given at start (PERDIEM_USER +
// PERDIEM_PASSWORD, PERDIEM_TOKEN of an admin token, or PERDIEM_DB_KEY) and held in this
// process's memory only while it runs; workstations never see it. The desktop app's own
// OfficeHost (OS keyring) is the other way to host; the command line has no OS keyring to ask.
import os from 'node:os';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import { appRegistry } from '../app/registry.ts';
import { countUsers } from '../../db/repos/users.ts';
import { UserError } from '../domain/errors.ts';
import { SessionManager } from '../security/sessions.ts';
import { KeyedOffice } from './keyedOffice.ts';
import { readCredentials, signInFromCredentials, unlockDatabase } from '../security/credentials.ts';
import { startOfficeServer, type RunningOfficeServer } from './officeServer.ts';
import { SessionTable, sessionFactory } from './sessionTable.ts';
import { loadOrCreateCertificate } from './tlsCertificate.ts';

export interface ServeOptions {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  host: string;
  port: number;
  rendererDir?: string;
  /** --now: the clock the engine sees (tests, demos); absent, the real one */
  clock: { now(): IsoDateTime; today(): IsoDate };
  backupDir?: string;
}

export interface ServedOffice {
  server: RunningOfficeServer;
  /** the certificate was made at this start (the first one) */
  certificateCreated: boolean;
  /** the administrator whose credentials opened the office */
  openedBy: string;
  close(): Promise<void>;
}

/** Opens the office with an administrator's credentials and serves it; throws UserError when they do not open it. */
export async function serveOffice(o: ServeOptions): Promise<ServedOffice> {
  const credentials = readCredentials(o.env);
  const dbKey = unlockDatabase(o.dbPath, credentials);
  const office = new KeyedOffice({ dbPath: o.dbPath, dbKey, ...(o.backupDir ? { backupDir: o.backupDir } : {}) });
  try {
    // an office nobody can sign in to would be open to whoever reaches the port first
    if (countUsers(office.db) === 0) throw new UserError(`${o.dbPath} has no users yet: set it up first (perdiem setup --admin USER, or in the app), then serve it`);
    const starter = new SessionManager({ db: office.db });
    signInFromCredentials(starter, office.db, credentials, { dbPath: o.dbPath, keyed: dbKey !== null, now: new Date().toISOString() });
    const admin = starter.current();
    if (admin?.role !== 'admin') throw new UserError('only an administrator starts the office server');
    starter.signOut();
    const names = ['localhost', '127.0.0.1', os.hostname(), ...(o.host === '0.0.0.0' || o.host === '::' ? [] : [o.host])];
    const tls = await loadOrCreateCertificate(o.dbPath, names);
    const server = await startOfficeServer({
      registry: appRegistry(),
      office,
      clock: o.clock,
      sessions: new SessionTable<string>(() => office.db, sessionFactory()),
      tls,
      host: o.host,
      port: o.port,
      ...(o.rendererDir ? { rendererDir: o.rendererDir } : {}),
    });
    return {
      server,
      certificateCreated: tls.created,
      openedBy: admin.username,
      close: async () => {
        await server.close();
        office.close();
      },
    };
  } catch (e) {
    office.close();
    throw e;
  }
}
