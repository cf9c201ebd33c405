// "Leave this office server" in Chromium: a workstation window joined to a real office server
// (HTTPS, pinned). Electron cannot run here, so the main process is stood in by the same plain
// pieces main.ts wires: the page's `window.perdiem.invoke` reaches a Node function that answers
// the shell's channels (`shell.officeLocation`, `shell.leaveServer` through leaveServer.ts, the
// app's restart left out) and forwards every other request with joinedForwarder, as
// registerJoinedChannels does. The loopback server only serves the renderer's files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedOffice } from '../../electron/hosting/servedOffice.ts';
import { joinedForwarder, type JoinedForwarder } from '../../electron/shell/joinedChannels.ts';
import { joinedServerFile, readJoinedServer } from '../../electron/shell/joinedServer.ts';
import { joinServer } from '../../electron/shell/joinServer.ts';
import { leaveServer } from '../../electron/shell/leaveServer.ts';
import { BILLER, makeOfficeFile, serve, type OfficeFile } from '../server/fixture.ts';
import { signInThroughTheForm, startApp, type E2eApp } from './harness.ts';

let app: E2eApp;
let file: OfficeFile;
let served: ServedOffice;
let dir: string;
/** the stand-in main process's state: the joined server's file and the forwarder to it (made at the first request) */
const main: { kept: string; forward: JoinedForwarder | null; asked: string[] } = { kept: '', forward: null, asked: [] };
beforeAll(async () => {
  file = makeOfficeFile();
  served = await serve(file);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-leave-e2e-'));
  app = await startApp({ user: false });
  // the stand-in main process: one window (id 1)
  await app.page.exposeFunction('__perdiemMain', async (channel: string, args: unknown) => {
    main.asked.push(channel);
    const joined = readJoinedServer(main.kept);
    if (channel === 'shell.officeLocation') return { ok: true, value: { server: joined } };
    if (channel === 'shell.leaveServer') {
      try {
        return { ok: true, value: await leaveServer(main.kept, main.forward, { timeoutMs: 2000 }) };
      } catch (e) {
        return { ok: false, error: { message: (e as Error).message } };
      }
    }
    main.forward ??= joinedForwarder(joined!);
    return main.forward.call(1, channel, args);
  });
  // the preload's bridge, as the page sees it (window.perdiem), over the stand-in
  await app.page.addInitScript(`window.perdiem = { invoke: (c, a) => window.__perdiemMain(c, a), onChange: () => () => undefined };`);
});

/** this computer joins `office` (as the join screen does) and the window starts on it */
async function joinAndOpen(office: ServedOffice, sub: string): Promise<string> {
  main.kept = joinedServerFile(fs.mkdtempSync(path.join(dir, sub)));
  main.forward = null;
  main.asked = [];
  await joinServer(main.kept, { url: office.server.url, fingerprint: office.server.fingerprint });
  // a new page load (the same URL with a hash only would not load again), as the app's restart gives
  await app.page.goto('about:blank');
  await app.page.goto(`${app.url}/#/settings`);
  return main.kept;
}
afterAll(async () => {
  await app?.close();
  await served?.close();
  file?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** the served office's trail of sign-outs */
function signOuts(): string[] {
  const db = new Database(file.dbPath, { readonly: true });
  try {
    return (db.prepare(`SELECT actor FROM audit_log WHERE action = 'signout' ORDER BY id`).all() as { actor: string }[]).map((r) => r.actor);
  } finally {
    db.close();
  }
}

describe('a joined workstation leaving its office server', () => {
  it('shows the server in the settings, confirms what leaving does, and leaves', async () => {
    const kept = await joinAndOpen(served, 'settings-');
    const { page } = app;
    // the server's own sign-in, through the window's main process
    await signInThroughTheForm(app, BILLER.username, BILLER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Settings/ }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Office server' }).click();
    await page.getByRole('heading', { name: 'Office server', level: 2 }).waitFor();
    expect(await page.locator('dl.joined code').allInnerTexts()).toEqual([served.server.url, served.server.fingerprint]);
    await app.shot('leave-server-01-settings');

    // the confirmation says what leaving does; staying closes it and leaves nothing
    await page.getByRole('button', { name: 'Leave this office server…' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Leave the office server at ${served.server.url}?` });
    await confirm.waitFor();
    expect(await confirm.locator('li').allInnerTexts()).toEqual([
      'Nothing on the server is deleted or changed. The office’s patients, visits and claims stay there for everyone else.',
      'This computer’s sign-ins on the server end, and it forgets the server’s address and certificate fingerprint: to join again, you need both again from the office administrator.',
      'Perdiem then starts again on this computer’s own office file, as it was before joining: its sign-in screen if an office was set up on this computer, otherwise the first-start choice (set up an office here, or join an office server).',
      'Unsaved changes in any open window are lost.',
    ]);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Stay on it');
    await app.shot('leave-server-02-confirm');
    await confirm.getByRole('button', { name: 'Stay on it' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect([main.asked.includes('shell.leaveServer'), readJoinedServer(kept)]).toEqual([false, { url: served.server.url, fingerprint: served.server.fingerprint }]);

    const before = signOuts();
    await page.getByRole('button', { name: 'Leave this office server…' }).click();
    await confirm.getByRole('button', { name: 'Leave the office server' }).click();
    await page.getByText(`This computer left the office server at ${served.server.url}.`).waitFor();
    await app.shot('leave-server-03-left');
    // the session there ended, the pin and address are forgotten, and the window's requests stop there
    expect(signOuts().slice(before.length)).toEqual([BILLER.username]);
    expect(fs.existsSync(kept)).toBe(false);
    const r = await main.forward!.call(1, 'auth.status', undefined);
    expect(!r.ok && r.error.message).toBe(`This computer left the office server at ${served.server.url}: Perdiem starts again on its own office.`);
    // and the office on the server is as it was
    const db = new Database(file.dbPath, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('leaves from the sign-in screen (a nurse has no settings), and when the server no longer answers', async () => {
    const other = makeOfficeFile();
    const gone = await serve(other);
    try {
      const kept = await joinAndOpen(gone, 'signin-');
      const { page } = app;
      await page.getByRole('heading', { name: 'Sign in to Perdiem' }).waitFor();
      await page.getByText(`This computer works on the office server at ${gone.server.url}.`).waitFor();
      await page.getByRole('button', { name: 'Leave this office server…' }).waitFor();
      await app.shot('leave-server-04-sign-in');

      // the server goes away for good: the window cannot sign in, and can still leave
      await gone.close();
      await page.reload();
      await page.getByRole('status').filter({ hasText: `cannot reach the office server at ${gone.server.url}` }).waitFor();
      await page.getByRole('button', { name: 'Leave this office server…' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Leave the office server' }).click();
      await page.getByText(`This computer left the office server at ${gone.server.url}.`).waitFor();
      await app.shot('leave-server-05-server-gone');
      expect(fs.existsSync(kept)).toBe(false);
    } finally {
      other.remove();
    }
  });
});
