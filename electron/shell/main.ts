// Electron main process: one window, the app:// scheme, the handler table over checked IPC.
// Everything else (handlers, services, store) is plain TypeScript shared with the CLI and tests.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, webContents } from 'electron';
import { setMigrationsDir } from '../../db/migrate.ts';
import { clockOf } from '../domain/clock.ts';
import type { HandlerContext } from '../app/context.ts';
import { decideNavigation, decidePermission, decideWebview, decideWindowOpen } from '../hosting/policy.ts';
import { getSecuritySettings } from '../../db/repos/securitySettings.ts';
import { runScheduledBackup } from '../../db/backups.ts';
import { OfficeHost } from '../hosting/officeHost.ts';
import { announcing, ChangeFeed, fanOut } from '../hosting/changeEvents.ts';
import { HostController } from '../hosting/hostController.ts';
import { CHANGE_EVENTS_CHANNEL } from '../contract/shellChannels.ts';
import { appRegistry } from '../app/registry.ts';
import { SessionTable, sessionFactory } from '../hosting/sessionTable.ts';
import { APP_ORIGIN } from '../hosting/senderCheck.ts';
import { APP_NAME, defaultDataDir, defaultDbPath } from '../paths.ts';
import { buildMenu } from './menu.ts';
import { nativeBindingPath } from './nativeBinding.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { registerChannels, SHELL_HANDLERS } from './registerChannels.ts';
import { safeStorageProtector } from './safeStorageProtector.ts';
import { pinCertificates } from './certificatePin.ts';
import { readJoinedServer, type JoinedServer } from './joinedServer.ts';
import { joinedForwarder, registerJoinedChannels } from './joinedChannels.ts';
import { JOINED_SERVER_FILE, leaveServerChannel } from './officeChoice.ts';
import { senderValidatingHandle } from './secureIpc.ts';

// dist-electron/main.cjs → the project (or app.asar) root
const root = path.join(__dirname, '..');

// userData must be the folder the CLI uses (electron/paths.ts), whatever the package name says.
app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());
registerAppScheme();

function clock(): Pick<HandlerContext, 'now' | 'today'> {
  // PERDIEM_NOW pins the clock (demos, support), like the CLI's --now
  return clockOf(process.env.PERDIEM_NOW);
}

function openOfficeHost(now: () => string): OfficeHost {
  const binding = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    projectRoot: root,
    electronVersion: process.versions.electron ?? '',
  });
  if (!fs.existsSync(binding)) {
    throw new Error(`The SQLite driver for Electron is missing (${binding}). Run \`npm start\` again to build it.`);
  }
  (globalThis as { __perdiemNativeBinding?: string }).__perdiemNativeBinding = binding;
  setMigrationsDir(path.join(__dirname, 'migrations'));
  // an encrypted office opens with the key this OS account holds (docs/security.md); the OS
  // keyring is asked only then (and at first-run setup), so a plain or new office opens without one.
  // When this account holds no key (a new computer), the window shows the recovery screen.
  return new OfficeHost({ dbPath: defaultDbPath(), protector: safeStorageProtector, now });
}

/** The daily backup (docs/security.md): at start, then checked hourly; never before first-run setup or recovery. */
function scheduleBackups(office: OfficeHost): void {
  const run = () => {
    try {
      // nothing to back up before first-run setup, nor before the recovery key opened the office on a new computer
      if (!office.needsRecovery && !office.needsSetup()) runScheduledBackup(office.db, office.backupDir, new Date(), getSecuritySettings(office.db));
    } catch (e) {
      console.error('[perdiem] scheduled backup failed', e);
    }
  };
  run();
  setInterval(run, 3_600_000).unref();
}

function lockDown(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (decideNavigation(url) === 'deny') event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (decideNavigation(url) === 'deny') event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url));
    contents.on('will-attach-webview', (event) => {
      if (decideWebview() === 'deny') event.preventDefault();
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** A computer joined to an office server: no office file, no key; every window's requests go to the server. */
function startJoined(joined: JoinedServer): void {
  // each window signed in on the server gets the server's change events over IPC, as a local window does
  const forward = joinedForwarder(joined, (id, data) => {
    const contents = webContents.fromId(id);
    if (contents && !contents.isDestroyed()) contents.send(CHANGE_EVENTS_CHANNEL, data);
  });
  // "Leave this office server" (settings): this computer's sessions there end before it forgets the server
  registerJoinedChannels(forward, { ...SHELL_HANDLERS, 'shell.leaveServer': () => leaveServerChannel(forward) }, senderValidatingHandle);
  app.on('web-contents-created', (_e, contents) => {
    const id = contents.id;
    contents.once('destroyed', () => void forward.forget(id));
  });
  createWindow();
  app.on('window-all-closed', () => app.quit());
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  // Chromium's own requests to the joined server (if any) accept only the pinned certificate
  pinCertificates(session.defaultSession, () => readJoinedServer(JOINED_SERVER_FILE));
  serveRenderer(path.join(root, 'dist', 'renderer'));
  const joined = readJoinedServer(JOINED_SERVER_FILE);
  if (joined) return startJoined(joined);

  const time = clock();
  const office = openOfficeHost(time.now);
  // the office's change events: this app's windows and, while it hosts, the workstations share one feed
  const feed = new ChangeFeed();
  const table = appRegistry();
  const registry = announcing(table, feed);
  // "Host this office" (settings): the same office, table and feed served to the office network
  const hosting = new HostController({ registry: table, office, dbPath: defaultDbPath(), clock: time, feed, rendererDir: path.join(root, 'dist', 'renderer') });
  // one session per window, held here: the renderer never names its role or user
  const sessions = new SessionTable<number>(() => office.db, sessionFactory());
  const contextFor = (contentsId: number | null): HandlerContext => ({
    ...time,
    db: office.db,
    office,
    hosting,
    via: 'ipc',
    session: contentsId === null ? sessions.fresh() : sessions.get(contentsId),
  });
  // every change (a window's, a workstation's) to each signed-in window, as the browsers get it over SSE
  fanOut(
    feed,
    CHANGE_EVENTS_CHANNEL,
    () => BrowserWindow.getAllWindows().map((w) => ({ id: w.webContents.id, isDestroyed: () => w.isDestroyed(), send: (channel: string, data: string) => w.webContents.send(channel, data) })),
    (id) => (sessions.find(id)?.current() ?? null) !== null,
  );
  app.on('web-contents-created', (_e, contents) => {
    const id = contents.id;
    contents.once('destroyed', () => {
      try {
        sessions.find(id)?.signOut();
      } catch {
        // the office is already closed (quitting): nothing left to record on
      }
      sessions.delete(id);
    });
  });

  registerChannels(registry, (event) => contextFor(event.sender.id));
  scheduleBackups(office);
  // hosts again when an administrator chose so; a failure (the port taken) waits on the settings screen
  void hosting.startRemembered();

  Menu.setApplicationMenu(buildMenu(registry, (w) => contextFor(w?.webContents.id ?? null)));
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void hosting.close();
    office.close();
  });
}

// one running copy per data folder: a second launch focuses the first
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const w = BrowserWindow.getAllWindows()[0];
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
  start().catch((e: unknown) => {
    console.error(e);
    dialog.showErrorBox('Perdiem could not start', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}
