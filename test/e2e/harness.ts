// End-to-end harness: the real renderer (vite build) served with the real handler table over
// loopback HTTP, a temp database, a fixed clock, and Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { openStore, type Store } from '../../db/open.ts';
import { parseNow } from '../../electron/cli/now.ts';
import type { HandlerContext } from '../../electron/ipc/context.ts';
import { startHttpServer, type RunningServer } from '../../electron/ipc/httpServer.ts';
import { appRegistry } from '../../electron/ipc/registry.ts';

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
const RENDERER_SOURCES = ['renderer', 'electron/ipc/contract', 'electron/domain', 'resources'];

/** Builds the renderer when dist/renderer is missing or older than any of its sources. */
export async function ensureRenderer(): Promise<void> {
  const index = path.join(rendererDir, 'index.html');
  const sources = Math.max(...RENDERER_SOURCES.map((d) => path.join(root, d)).filter((d) => fs.existsSync(d)).map(newestMtime));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

/** Where screenshots go: PERDIEM_SHOTS or a folder in the temp dir, kept after the run to look at. */
export const SHOTS_DIR = process.env.PERDIEM_SHOTS ?? path.join(os.tmpdir(), 'perdiem-e2e-shots');

export interface E2eApp {
  url: string;
  page: Page;
  context: BrowserContext;
  store: Store;
  dir: string;
  /** full-page screenshot into SHOTS_DIR/<name>.png; returns the path */
  shot(name: string): Promise<string>;
  /** the handler table directly, to arrange data without the UI */
  call<T = unknown>(name: string, args?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startApp(opts: { now?: string; viewport?: { width: number; height: number } } = {}): Promise<E2eApp> {
  await ensureRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-e2e-'));
  const store = openStore(path.join(dir, 'office.sqlite'));
  const clock = parseNow(opts.now ?? '2026-11-05T09:00:00');
  const ctx: HandlerContext = { db: store.db, now: () => clock.now, today: () => clock.today };
  const registry = appRegistry();
  let server: RunningServer | null = null;
  let context: BrowserContext | null = null;
  try {
    server = await startHttpServer({ registry, ctx, rendererDir });
    context = await chromium.launchPersistentContext(path.join(dir, 'chromium-profile'), {
      executablePath: process.env.PERDIEM_CHROMIUM ?? '/usr/bin/chromium',
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
    return {
      url,
      page,
      context: browser,
      store,
      dir,
      async shot(name) {
        const file = path.join(SHOTS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async call<T>(name: string, args?: unknown) {
        const r = await registry.call(ctx, name, args);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as T;
      },
      async close() {
        await browser.close();
        await running.close();
        store.close();
        fs.rmSync(dir, { recursive: true, force: true });
        if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
      },
    };
  } catch (e) {
    await context?.close();
    await server?.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
