// "Host this office" in the desktop app: the app that holds the office (its OS keyring holds the
// key, officeHost.ts) serves it to the office's workstations with the same server `perdiem serve`
// runs (officeServer.ts): the same handler table, the same queue (one request at a time per
// office, desktop windows and workstations alike), the same certificate kept beside the
// database (so workstations keep their pin whichever way the office is served). The shell makes
// one controller and hands it to the handlers through the context; an administrator starts and
// stops it from the settings screen (handlers/hosting.ts). The choice (address, port, start at
// launch) is kept beside the database too, `<db>.hosting.json` (0600), and read at app start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWhole } from '../../db/files/privateFile.ts';
import type { BaseContext, Office } from '../app/context.ts';
import type { Registry } from '../app/registry.ts';
import type { HostingChoice, HostingStatus, HostedConnection, OfficeHosting } from '../contract/hosting.ts';
import { UserError } from '../domain/errors.ts';
import { OFFICE_SERVER_PORT } from '../domain/fingerprint.ts';
import type { ChangeFeed } from './changeEvents.ts';
import { startOfficeServer, type RunningOfficeServer } from './officeServer.ts';
import { SessionTable, sessionFactory, type SessionFactory } from './sessionTable.ts';
import { loadOrCreateCertificate } from './tlsCertificate.ts';

export interface HostControllerOptions {
  registry: Registry;
  /** the office the app opened (its connection and key); served as it is, never reopened */
  office: Office;
  /** the office's database file: its certificate and the hosting choice are kept beside it */
  dbPath: string;
  clock: Pick<BaseContext, 'now' | 'today'>;
  /** the app windows' change events: workstations' changes reach the windows and the windows' reach the workstations */
  feed?: ChangeFeed;
  /** the built renderer, so browsers on the office network can use the app too */
  rendererDir?: string;
  /** tests: sessions with their own clock */
  sessions?: SessionFactory;
  /** this computer's addresses on the office network (tests give their own) */
  addresses?: () => string[];
}

/** The default choice: the office network's usual port, every address of this computer. */
const DEFAULT_CHOICE: HostingChoice = { host: '0.0.0.0', port: OFFICE_SERVER_PORT, startAtLaunch: false };

export function hostingChoiceFile(dbPath: string): string {
  return `${dbPath}.hosting.json`;
}

/** The kept choice, or the default when none is kept (or the file does not hold one). */
function readHostingChoice(file: string): HostingChoice {
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<HostingChoice>;
    const port = Number(kept.port);
    return {
      host: typeof kept.host === 'string' && kept.host !== '' ? kept.host : DEFAULT_CHOICE.host,
      port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_CHOICE.port,
      startAtLaunch: kept.startAtLaunch === true,
    };
  } catch {
    return { ...DEFAULT_CHOICE };
  }
}

/** IPv4 addresses of this computer's network interfaces, loopback last. */
function localAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return [...out.sort(), '127.0.0.1'];
}

/** "the port 5443 is taken" rather than `listen EADDRINUSE …` */
function listenProblem(e: unknown, c: HostingChoice): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${c.port} is already in use on this computer: choose another port, or stop what uses it`;
  if (code === 'EADDRNOTAVAIL') return `${c.host} is not an address of this computer`;
  if (code === 'EACCES') return `this account may not listen on port ${c.port}: choose a port above 1023`;
  return e instanceof Error ? e.message : String(e);
}

export class HostController implements OfficeHosting {
  private server: RunningOfficeServer | null = null;
  private sessions: SessionTable<string> | null = null;
  private choice: HostingChoice;
  private problem: string | null = null;
  private readonly file: string;

  constructor(private readonly o: HostControllerOptions) {
    this.file = hostingChoiceFile(o.dbPath);
    this.choice = readHostingChoice(this.file);
  }

  status(): HostingStatus {
    const s = this.server;
    return {
      serving: s !== null,
      url: s?.url ?? null,
      host: this.choice.host,
      port: s?.port ?? this.choice.port,
      fingerprint: s?.fingerprint ?? null,
      startAtLaunch: this.choice.startAtLaunch,
      addresses: (this.o.addresses ?? localAddresses)(),
      connected: this.connected(),
      problem: this.problem,
    };
  }

  /** Serves the office at the chosen address (a running server is stopped first) and keeps the choice. */
  async start(choice: HostingChoice): Promise<HostingStatus> {
    const office = this.o.office;
    if (office.needsRecovery) throw new UserError('the office is not open on this computer yet: enter the recovery key first');
    if (office.needsSetup()) throw new UserError('set up the office first (an administrator and a password): a server on an office without users would belong to whoever reached it first');
    await this.close();
    const names = ['localhost', '127.0.0.1', os.hostname(), ...(choice.host === '0.0.0.0' || choice.host === '::' ? [] : [choice.host])];
    try {
      const tls = await loadOrCreateCertificate(this.o.dbPath, names);
      const sessions = new SessionTable<string>(() => office.db, this.o.sessions ?? sessionFactory());
      this.server = await startOfficeServer({
        registry: this.o.registry,
        office,
        clock: this.o.clock,
        sessions,
        tls,
        host: choice.host,
        port: choice.port,
        ...(this.o.rendererDir ? { rendererDir: this.o.rendererDir } : {}),
        ...(this.o.feed ? { feed: this.o.feed } : {}),
      });
      this.sessions = sessions;
      this.problem = null;
    } catch (e) {
      this.problem = listenProblem(e, choice);
      throw new UserError(`The office is not served at ${choice.host}:${choice.port}: ${this.problem}`);
    }
    // a free port picked by the system (0) is kept as the one it got: the workstations' address stays
    this.remember({ ...choice, port: this.server.port });
    return this.status();
  }

  /** Stops serving: every workstation is refused from now on, and the app no longer hosts at launch. */
  async stop(): Promise<HostingStatus> {
    await this.close();
    this.problem = null;
    this.remember({ ...this.choice, startAtLaunch: false });
    return this.status();
  }

  /** At app start: hosts again when the administrator chose so; a failure is kept for the settings screen to show, never thrown. */
  async startRemembered(): Promise<HostingStatus> {
    if (!this.choice.startAtLaunch) return this.status();
    try {
      await this.start(this.choice);
    } catch (e) {
      this.problem ??= e instanceof Error ? e.message : String(e);
    }
    return this.status();
  }

  /** The app quits: the server goes, the choice stays. */
  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    this.sessions = null;
    if (s) await s.close();
  }

  private remember(c: HostingChoice): void {
    this.choice = { host: c.host, port: c.port, startAtLaunch: c.startAtLaunch };
    fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    writeWhole(this.file, Buffer.from(JSON.stringify(this.choice, null, 2)));
  }

  private connected(): HostedConnection[] {
    const seen = new Map<string, HostedConnection>();
    for (const { key, user } of this.sessions?.live() ?? []) {
      const kind = key.startsWith('token:') ? 'token' : 'session';
      seen.set(`${kind}:${user.username}`, { username: user.username, role: user.role, kind });
    }
    return [...seen.values()].sort((a, b) => a.username.localeCompare(b.username) || a.kind.localeCompare(b.kind));
  }
}
