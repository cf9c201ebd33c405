// The handler table under sessions: every request classified, the registry checking the caller's
// own session before a handler runs, and both transports keeping that session themselves (a
// cookie the page cannot read on the loopback server, the window in Electron).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryAudit } from '../../db/repos/audit.ts';
import type { BaseContext, HandlerContext } from '../../electron/app/context.ts';
import { sessionCookie, SESSION_COOKIE, startHttpServer, type RunningServer } from '../../electron/hosting/httpServer.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { SHELL_CHANNELS } from '../../electron/contract/shellChannels.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { REQUEST_PERMISSIONS, requestRule } from '../../electron/security/requests.ts';
import { ACTIONS, can, type Role } from '../../electron/security/roles.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

const EXAMPLE = JSON.parse(fs.readFileSync(EXAMPLE_IMPORT, 'utf8')) as unknown;
const NOW = '2026-11-05T09:00:00';
const registry = appRegistry();

let dir: string;
let office: OfficeHost;
let clockMs: number;
const base = (): BaseContext => ({ db: office.db, office, now: () => NOW, today: () => NOW.slice(0, 10) });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-sessions-'));
  const protector = memoryProtector();
  office = new OfficeHost({ dbPath: path.join(dir, 'office.sqlite'), protector: () => protector, now: () => NOW, params: TEST_SCRYPT });
  importDataset(office.db, EXAMPLE);
  const o = { now: NOW, actor: 'setup', params: TEST_SCRYPT };
  createUser(office.db, { username: 'ana', displayName: 'Ana', role: 'admin', password: 'admin password 1' }, o);
  createUser(office.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' }, o);
  createUser(office.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' }, o);
  clockMs = Date.parse(`${NOW}Z`);
});
afterEach(() => {
  office.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function signedIn(username: string, password: string): SessionManager {
  const s = new SessionManager({ db: office.db, clock: () => clockMs });
  s.signIn(username, password);
  return s;
}

describe('the permission table of the handler table', () => {
  it('names the rule of every request the app serves, so none is open or closed by accident', () => {
    const unlisted = [...registry.names, ...SHELL_CHANNELS].filter((n) => !Object.prototype.hasOwnProperty.call(REQUEST_PERMISSIONS, n));
    expect(unlisted).toEqual([]);
  });

  it('gives a nurse only the visit log, its lookups and her own session', () => {
    const nurseMay = registry.names.filter((n) => {
      const rule = requestRule(n);
      return rule === 'public' || rule === 'signedIn' || can('nurse', rule);
    });
    expect(nurseMay.filter((n) => !n.startsWith('auth.') && !n.startsWith('settings.'))).toEqual([
      'app.state',
      'patients.lookups',
      'patients.search',
      'therapies.forPatient',
      'users.setPassword',
      'visits.preview',
      'visits.recent',
      'visits.save',
      'visits.sign',
      'security.settings',
    ].sort());
  });

  it('gives a biller everything but users, tokens, the audit trail, restores and hosting; an administrator everything', () => {
    const refused = (role: Role) =>
      registry.names.filter((n) => {
        const rule = requestRule(n);
        return rule !== 'public' && rule !== 'signedIn' && !can(role, rule);
      });
    expect(refused('biller')).toEqual(
      ['audit.export', 'audit.patientAccess', 'audit.query', 'audit.verify', 'backups.restore', 'backups.verify', 'hosting.start', 'hosting.status', 'hosting.stop', 'security.saveSettings', 'tokens.create', 'tokens.list', 'tokens.revoke', 'users.create', 'users.list', 'users.update'].sort(),
    );
    expect(refused('admin')).toEqual([]);
    expect(ACTIONS.every((a) => can('admin', a))).toBe(true);
  });
});

describe('the registry with a session', () => {
  it('refuses a request the role may not make before the handler runs, and records the attempt', async () => {
    const ctx = { ...base(), session: signedIn('maria', 'nurse password 1') };
    const before = queryAudit(office.db, { entity: 'batches' }).length;
    const r = await registry.call(ctx, 'billing.export837', { claimIds: ['anything'] });
    expect(r).toEqual({ ok: false, error: { message: 'Not allowed: a nurse may not export.837', code: 'denied' } });
    expect(queryAudit(office.db, { entity: 'batches' }).length).toBe(before);
    const denied = queryAudit(office.db, { action: 'request.denied' });
    expect(denied.map((e) => [e.actor, e.entityId, e.after])).toEqual([['maria', 'billing.export837', { role: 'nurse', needs: 'export.837' }]]);
  });

  it('answers a signed-out or idle session with `locked` and runs nothing', async () => {
    const session = signedIn('bo', 'biller password 1');
    clockMs += 15 * 60_000;
    const r = await registry.call({ ...base(), session }, 'patients.search', { query: 'Garza' });
    expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    const signedOut = new SessionManager({ db: office.db });
    expect(await registry.call({ ...base(), session: signedOut }, 'app.state', undefined)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await registry.call({ ...base(), session: signedOut }, 'auth.status', undefined)).ok).toBe(true);
  });

  it('runs a nurse’s visit requests for her own visits only, whatever the page sends', async () => {
    const ctx = { ...base(), session: signedIn('maria', 'nurse password 1') };
    const list = await registry.call(ctx, 'visits.recent', { nurse: 'lpn-kim' });
    expect(list.ok && (list.value as { id: string }[]).map((v) => v.id)).toEqual(['V2', 'V1']);
    expect(await registry.call(ctx, 'visits.sign', { id: 'V3', signed: true })).toMatchObject({ ok: false, error: { message: 'Visit V3 belongs to another nurse' } });
    const other = { patient: 'P1001', therapy: 'T1', nurse: 'lpn-kim', date: '2026-10-08', arrival: '09:00', departure: '10:00', signed: false };
    expect(await registry.call(ctx, 'visits.save', other)).toMatchObject({ ok: false, error: { fields: { nurse: 'you may record only your own visits' } } });
    const own = await registry.call(ctx, 'visits.save', { ...other, nurse: 'rn-ortiz' });
    expect(own).toMatchObject({ ok: true, value: { id: 'V4', nurse: 'rn-ortiz' } });
    // the trigger's actor is the session's user
    expect(queryAudit(office.db, { entity: 'visits', entityId: 'V4' }).map((e) => [e.actor, e.action])).toEqual([['maria', 'create']]);
  });

  it('records a build as an audit event with its arguments, long texts shortened', async () => {
    const ctx = { ...base(), session: signedIn('bo', 'biller password 1') };
    expect((await registry.call(ctx, 'billing.build', { from: '2026-10-01', to: '2026-10-31' })).ok).toBe(true);
    await registry.call(ctx, 'app.importFile', { fileName: 'x.json', text: 'x'.repeat(5000) });
    const events = queryAudit(office.db, { entity: 'request', order: 'asc' });
    expect(events.map((e) => [e.actor, e.action, e.after])).toEqual([
      ['bo', 'claims.build', { args: { from: '2026-10-01', to: '2026-10-31' }, ok: true }],
      ['bo', 'data.import', { args: { fileName: 'x.json', text: '<5000 characters>' }, ok: false }],
    ]);
  });
});

describe('the loopback server’s sessions', () => {
  let server: RunningServer;
  let table: SessionTable<string>;
  beforeEach(async () => {
    table = new SessionTable<string>(() => office.db, sessionFactory({ clock: () => clockMs }));
    server = await startHttpServer({ registry, ctx: base(), office, sessions: table });
  });
  afterEach(() => server.close());

  function post(name: string, body: unknown, cookie?: string): Promise<{ body: { ok: boolean; value?: unknown; error?: { code?: string; message: string } }; setCookie: string[] }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${server.url}/api/${name}`,
        { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ body: JSON.parse(text) as never, setCookie: res.headers['set-cookie'] ?? [] }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  it('sets an HttpOnly SameSite=Strict cookie at sign-in, a new one each time, and serves that session only', async () => {
    expect((await post('patients.search', { query: 'Garza' })).body.error?.code).toBe('locked');
    const a = await post('auth.signIn', { username: 'bo', password: 'biller password 1' });
    expect(a.body.ok).toBe(true);
    expect(a.setCookie).toHaveLength(1);
    expect(a.setCookie[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    const cookie = a.setCookie[0]!.split(';')[0]!;
    expect((await post('patients.search', { query: 'Garza' }, cookie)).body.ok).toBe(true);
    // no cookie, or one the server never gave: signed out
    expect((await post('patients.search', { query: 'Garza' })).body.error?.code).toBe('locked');
    expect((await post('patients.search', { query: 'Garza' }, `${SESSION_COOKIE}=forged`)).body.error?.code).toBe('locked');
    // signing in again replaces the value
    const b = await post('auth.signIn', { username: 'bo', password: 'biller password 1' }, cookie);
    expect(b.setCookie[0]!.split(';')[0]).not.toBe(cookie);
    expect((await post('patients.search', { query: 'Garza' }, cookie)).body.error?.code).toBe('locked');
  });

  it('keeps two browsers apart: a nurse’s cookie never gets the biller’s role', async () => {
    const bo = (await post('auth.signIn', { username: 'bo', password: 'biller password 1' })).setCookie[0]!.split(';')[0]!;
    const maria = (await post('auth.signIn', { username: 'maria', password: 'nurse password 1' })).setCookie[0]!.split(';')[0]!;
    expect((await post('billing.listClaims', {}, maria)).body.error?.code).toBe('denied');
    expect((await post('auth.status', null, maria)).body.value).toMatchObject({ session: { user: { username: 'maria', role: 'nurse' } } });
    expect((await post('auth.status', null, bo)).body.value).toMatchObject({ session: { user: { username: 'bo', role: 'biller' } } });
  });

  it('locks an idle session, unlocks it with the password, and forgets it at sign-out', async () => {
    const cookie = (await post('auth.signIn', { username: 'bo', password: 'biller password 1' })).setCookie[0]!.split(';')[0]!;
    clockMs += 16 * 60_000;
    expect((await post('patients.search', { query: 'Garza' }, cookie)).body.error?.code).toBe('locked');
    expect((await post('auth.status', null, cookie)).body.value).toMatchObject({ session: { state: 'locked' } });
    const again = await post('auth.signIn', { username: 'bo', password: 'biller password 1' }, cookie);
    const next = again.setCookie[0]!.split(';')[0]!;
    expect((await post('patients.search', { query: 'Garza' }, next)).body.ok).toBe(true);
    const out = await post('auth.signOut', null, next);
    expect(out.setCookie[0]).toContain('Max-Age=0');
    expect((await post('patients.search', { query: 'Garza' }, next)).body.error?.code).toBe('locked');
    expect(table.find(next.split('=')[1])).toBeNull();
  });

  it('gives each request without a cookie its own signed-out session, as the office server does', async () => {
    // a status without a cookie is kept nowhere; sign-ins are kept only under the name they give
    expect((await post('auth.status', null)).body.ok).toBe(true);
    expect(table.size).toBe(0);
    await post('auth.signIn', { username: 'bo', password: 'wrong' });
    await post('auth.signIn', { username: 'maria', password: 'wrong' });
    expect([table.find('signin:bo') === table.find('signin:maria'), table.size]).toEqual([false, 2]);
    // a sign-in moves its session to the new cookie: nothing of it stays under the name
    const bo = (await post('auth.signIn', { username: ' BO ', password: 'biller password 1' })).setCookie[0]!.split(';')[0]!;
    expect(table.find('signin:bo')).toBeNull();
    expect((await post('auth.status', null, bo)).body.value).toMatchObject({ session: { user: { username: 'bo' } } });
    // another browser without a cookie is signed out, whoever signed in before it
    expect((await post('auth.status', null)).body.value).toMatchObject({ session: { state: 'signedOut', user: null } });
  });

  it('still adds up failed sign-ins without a cookie, whoever tries (the wait is read from the audit trail)', async () => {
    for (let i = 0; i < 5; i++) expect((await post('auth.signIn', { username: 'bo', password: `wrong ${i}` })).body.error?.message).toMatch(/wrong user name or password/);
    const sixth = await post('auth.signIn', { username: 'bo', password: 'biller password 1' });
    expect([sixth.body.ok, sixth.body.error?.message, sixth.setCookie]).toEqual([false, 'too many failed attempts: try again in 60 s', []]);
    expect(queryAudit(office.db, { action: 'signin.failed' }).length).toBe(5);
  });

  it('reads only its own cookie from the header', () => {
    expect(sessionCookie(`a=1; ${SESSION_COOKIE}=abc; b=2`)).toBe('abc');
    expect(sessionCookie(`x${SESSION_COOKIE}=abc`)).toBeNull();
    expect(sessionCookie(undefined)).toBeNull();
  });
});

describe('the Electron transport’s sessions', () => {
  it('gives each window its own session from the main process, whatever the renderer sends', async () => {
    const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
    vi.doMock('electron', () => ({
      ipcMain: { handle: (c: string, fn: (event: unknown, args: unknown) => Promise<unknown>) => handlers.set(c, fn) },
      BrowserWindow: { fromWebContents: () => null },
      dialog: {},
    }));
    const { registerChannels } = await import('../../electron/shell/registerChannels.ts');
    const windows = new SessionTable<number>(() => office.db, sessionFactory({ clock: () => clockMs }));
    registerChannels(registry, (event) => ({ ...base(), session: windows.get(event.sender.id) }));
    const from = (id: number) => ({ senderFrame: { url: 'app://perdiem/index.html' }, sender: { id } });

    const signIn = handlers.get('auth.signIn')!;
    expect(await signIn(from(1), { username: 'maria', password: 'nurse password 1' })).toMatchObject({ ok: true, value: { state: 'active' } });
    // a role in the arguments means nothing: the window's session decides
    const build = handlers.get('billing.build')!;
    expect(await build(from(1), { from: '2026-10-01', to: '2026-10-31', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'denied' } });
    // another window is not signed in at all, and native dialogs need a session too
    expect(await handlers.get('patients.search')!(from(2), { query: 'Garza' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await handlers.get('shell.saveFile')!(from(2), { fileName: 'x.txt', base64: '' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    vi.doUnmock('electron');
  });
});
