// End-to-end harness: the real renderer (vite build) served with the real handler table over
// loopback HTTP, a temp database, a fixed clock, and Debian's Chromium driven by playwright-core.
// Sessions are real (cookie per browser context): by default an administrator exists and the
// browser is signed in before the test starts, so screen tests start where they always did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Store } from '../../db/open.ts';
import { parseNow } from '../../electron/domain/clock.ts';
import type { BaseContext } from '../../electron/app/context.ts';
import { startHttpServer, type RunningServer } from '../../electron/hosting/httpServer.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { HostController } from '../../electron/hosting/hostController.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import type { Role } from '../../electron/security/roles.ts';
import { createUser } from '../../electron/security/users.ts';
import { trustedSession } from '../../electron/security/sessions.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Debian's Chromium in CI; on a developer's Mac or Windows machine an installed Chrome or Edge
// works as well. PERDIEM_CHROMIUM wins over all of them.
const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = fs.existsSync): string {
  if (env.PERDIEM_CHROMIUM) {
    if (exists(env.PERDIEM_CHROMIUM)) return env.PERDIEM_CHROMIUM;
    throw new Error(`PERDIEM_CHROMIUM=${env.PERDIEM_CHROMIUM} does not exist`);
  }
  const found = BROWSER_CANDIDATES.find(exists);
  if (found) return found;
  throw new Error(
    'The end-to-end tests need Chromium or Chrome and found none. Install it (Debian: apt-get install chromium) ' +
      'or point PERDIEM_CHROMIUM at a Chromium-based browser.',
  );
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** What the renderer bundle is made of (its own code and the plain modules it imports values from). */
const RENDERER_SOURCES = ['renderer', 'electron/contract', 'electron/domain', 'resources'];

/** Builds the renderer when dist/renderer is missing or older than any of its sources. */
export async function ensureRenderer(): Promise<void> {
  const index = path.join(rendererDir, 'index.html');
  const sources = Math.max(...RENDERER_SOURCES.map((d) => path.join(root, d)).filter((d) => fs.existsSync(d)).map(newestMtime));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

/** Where screenshots go: PERDIEM_SHOTS or a folder in the temp dir, kept after the run to look at. */
export const SHOTS_DIR = process.env.PERDIEM_SHOTS ?? path.join(os.tmpdir(), 'perdiem-e2e-shots');

/** The account startApp creates and signs in with unless told otherwise. */
export const ADMIN = { username: 'admin', displayName: 'Office Admin', password: 'admin password 1', role: 'admin' as Role };

export interface E2eApp {
  url: string;
  page: Page;
  context: BrowserContext;
  /** the office's current connection (setup and restore replace it) */
  store: Store;
  office: OfficeHost;
  dir: string;
  /** full-page screenshot into SHOTS_DIR/<name>.png; returns the path */
  shot(name: string): Promise<string>;
  /** goes to a screen by its route (`ar`, `billing?from=…`) and waits for its level-1 heading */
  open(route: string, heading: string): Promise<void>;
  /** the file the browser downloads when `trigger` runs: its suggested name and bytes (saved in `dir`) */
  download(trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }>;
  /** the handler table directly, to arrange data without the UI (trusted: no session) */
  call<T = unknown>(name: string, args?: unknown): Promise<T>;
  /** a user straight into the database (cheap scrypt), e.g. a nurse linked to a nurse record */
  addUser(u: { username: string; displayName: string; role: Role; password: string; nurseId?: string | null }): void;
  /** signs the browser in over HTTP (the cookie lands in the context); reload the page after */
  signIn(username: string, password: string): Promise<void>;
  /** moves the sessions' clock (idle lock) forward */
  advance(ms: number): void;
  /** "Host this office", as the desktop app's shell wires it (startApp with `hosting`) */
  hosting: HostController | null;
  close(): Promise<void>;
}

/** Signs in as a person does: the sign-in form, until the main navigation shows. */
export async function signInThroughTheForm(app: E2eApp, username: string, password: string): Promise<void> {
  const { page } = app;
  await page.getByRole('heading', { name: 'Sign in to Perdiem' }).waitFor();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export interface StartOptions {
  now?: string;
  viewport?: { width: number; height: number };
  /** the account to create and sign in with (default ADMIN); false: an office nobody set up (first run) */
  user?: { username: string; displayName: string; password: string; role: Role } | false;
  /** the idle lock, instead of the stored setting */
  idleTimeoutMs?: number;
  /**
   * an existing data folder (office.sqlite inside) instead of a new temp one, kept at close: a
   * second startApp over the folder of a closed first one is "the same office on a new computer"
   * (the OS-side key lived only in the first server's memory). Use with `user: false`.
   */
  dir?: string;
  /** the app can host its office (the desktop app's HostController, given to every request as the shell does), with these addresses */
  hosting?: { addresses: string[] };
}

export async function startApp(opts: StartOptions = {}): Promise<E2eApp> {
  await ensureRenderer();
  const ownDir = opts.dir === undefined;
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-e2e-'));
  const removeDir = () => {
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
    // the browser profile is the run's own either way
    else fs.rmSync(path.join(dir, 'chromium-profile'), { recursive: true, force: true });
  };
  const clock = parseNow(opts.now ?? '2026-11-05T09:00:00');
  const protector = memoryProtector();
  const office = new OfficeHost({ dbPath: path.join(dir, 'office.sqlite'), protector: () => protector, now: () => clock.now, params: TEST_SCRYPT });
  const base = { now: () => clock.now, today: () => clock.today };
  const registry = appRegistry();
  const hosting = opts.hosting
    ? new HostController({ registry, office, dbPath: path.join(dir, 'office.sqlite'), clock: base, rendererDir, addresses: () => opts.hosting!.addresses })
    : null;
  const ctxNow = (): BaseContext => ({ ...base, db: office.db, office, ...(hosting ? { hosting } : {}) });
  // the sessions' clock: the fixed day, moved on by advance()
  let sessionMs = Date.parse(`${clock.now}Z`);
  const sessions = new SessionTable<string>(() => office.db, sessionFactory({ clock: () => sessionMs, ...(opts.idleTimeoutMs ? { idleTimeoutMs: opts.idleTimeoutMs } : {}) }));
  const addUser: E2eApp['addUser'] = (u) => {
    createUser(office.db, { ...u, nurseId: u.nurseId ?? null }, { now: clock.now, actor: 'e2e', params: TEST_SCRYPT, ...(office.keyring ? { keyring: office.keyring } : {}) });
  };
  const user = opts.user === undefined ? ADMIN : opts.user;
  if (user) addUser(user);
  let server: RunningServer | null = null;
  let context: BrowserContext | null = null;
  try {
    server = await startHttpServer({ registry, ctx: ctxNow(), office, sessions, rendererDir });
    context = await chromium.launchPersistentContext(path.join(dir, 'chromium-profile'), {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      headless: true,
      acceptDownloads: true,
      viewport: opts.viewport ?? { width: 1440, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const url = server.url;
    const running = server;
    const browser = context;
    const signIn = async (username: string, password: string) => {
      const r = await browser.request.post(`${url}/api/auth.signIn`, { data: { username, password }, headers: { 'content-type': 'application/json' } });
      const body = (await r.json()) as { ok: boolean; error?: { message: string } };
      if (!body.ok) throw new Error(`sign-in as ${username}: ${body.error?.message}`);
    };
    if (user) await signIn(user.username, user.password);
    return {
      url,
      page,
      context: browser,
      get store(): Store {
        return { db: office.db, close: () => office.close() };
      },
      office,
      dir,
      hosting,
      addUser,
      signIn,
      advance(ms) {
        sessionMs += ms;
      },
      async open(route, heading) {
        await page.goto(`${url}/#/${route}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      },
      async download(trigger) {
        const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]);
        const file = path.join(dir, `dl-${Date.now()}-${dl.suggestedFilename()}`);
        await dl.saveAs(file);
        return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
      },
      async shot(name) {
        const file = path.join(SHOTS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async call<T>(name: string, args?: unknown) {
        const r = await registry.call({ ...ctxNow(), session: trustedSession(office.db), via: 'test' }, name, args);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as T;
      },
      async close() {
        await browser.close();
        await hosting?.close();
        await running.close();
        office.close();
        removeDir();
        if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
      },
    };
  } catch (e) {
    await context?.close();
    await hosting?.close();
    await server?.close();
    office.close();
    removeDir();
    throw e;
  }
}
