// The permission matrix, generated from the one permission table (REQUEST_PERMISSIONS over can()):
// every request of the handler table × every role (and signed out) × every entry point (the
// table in-process, the loopback HTTP server with a cookie per role, the command line with each
// role's credentials for the commands that call the table). Allowed: the call is never refused as
// `denied`; refused: exactly the table's denial. Nothing here decides on roles by itself.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/open.ts';
import type { BaseContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import type { CallResult } from '../../electron/contract/result.ts';
import { COMMAND_NAMES, runCli } from '../../electron/cli/main.ts';
import { CREDENTIALS_HELP } from '../../electron/security/credentials.ts';
import { startHttpServer, type RunningServer } from '../../electron/hosting/httpServer.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { requestRule } from '../../electron/security/requests.ts';
import { ACTIONS, can, ROLES, type Role } from '../../electron/security/roles.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { EXAMPLE, exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';

const registry = appRegistry();
const PASSWORDS: Record<Role, { user: string; password: string }> = {
  admin: { user: 'ana', password: 'admin password 1' },
  biller: { user: 'bo', password: 'biller password 1' },
  nurse: { user: 'maria', password: 'nurse password 1' },
};
type Caller = Role | 'signedOut';
const CALLERS: readonly Caller[] = [...ROLES, 'signedOut'];

/** What the table says a caller gets for a request: allowed, or exactly this refusal. */
type Expected = { allowed: true } | { allowed: false; error: { message: string; code: 'denied' | 'locked' } };

function expected(caller: Caller, name: string): Expected {
  const rule = requestRule(name);
  if (rule === 'public') return { allowed: true };
  if (caller === 'signedOut') return { allowed: false, error: { message: 'the session is locked: sign in again to continue', code: 'locked' } };
  if (rule === 'signedIn' || can(caller, rule)) return { allowed: true };
  return { allowed: false, error: { message: `Not allowed: a ${caller} may not ${rule}`, code: 'denied' } };
}

/**
 * The arguments every request is called with: a number, which no handler's arguments accept, so
 * an allowed request stops at its argument check (after the permission check) and changes nothing.
 */
const INERT = 0;

function checkResult(caller: Caller, name: string, r: CallResult<unknown>): void {
  const e = expected(caller, name);
  if (e.allowed) {
    expect(r.ok ? null : r.error.code, `${caller} ${name}`).not.toBe('denied');
    expect(r.ok ? '' : r.error.message, `${caller} ${name}`).not.toMatch(/^Not allowed:|session is locked/);
  } else expect(r, `${caller} ${name}`).toEqual({ ok: false, error: e.error });
}

function makeOffice(dir: string): Store {
  const office = initializeOffice({ dataDir: dir, adminUser: 'ana', adminPassword: PASSWORDS.admin.password, protector: fakeProtector(), now: NOW, params: TEST_SCRYPT });
  importDataset(office.store.db, exampleDataset());
  const o = { now: NOW, actor: 'ana', keyring: office.keyring, params: TEST_SCRYPT };
  createUser(office.store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: PASSWORDS.biller.password }, o);
  createUser(office.store.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: PASSWORDS.nurse.password }, o);
  return office.store;
}

describe('the permission matrix: the handler table in-process and over loopback HTTP', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  const cookies = new Map<Caller, string>();
  const base = (): BaseContext => ({ db: store.db, now: () => NOW, today: () => NOW.slice(0, 10) });

  function post(name: string, body: unknown, cookie?: string): Promise<{ result: CallResult<unknown>; setCookie: string[] }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${server.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ result: JSON.parse(text) as CallResult<unknown>, setCookie: res.headers['set-cookie'] ?? [] }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  beforeAll(async () => {
    dir = tempDir('perdiem-matrix-');
    store = makeOffice(dir);
    server = await startHttpServer({ registry, ctx: base(), sessions: new SessionTable<string>(() => store.db, sessionFactory()) });
    for (const role of ROLES) {
      const r = await post('auth.signIn', { username: PASSWORDS[role].user, password: PASSWORDS[role].password });
      expect(r.result.ok).toBe(true);
      cookies.set(role, r.setCookie[0]!.split(';')[0]!);
    }
  });
  afterAll(async () => {
    await server.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('covers every request of the table, each with a rule', () => {
    expect(registry.names.length).toBeGreaterThan(60);
    for (const name of registry.names) expect(['public', 'signedIn', ...ACTIONS], name).toContain(requestRule(name));
  });

  for (const caller of CALLERS) {
    it(`in-process: ${caller}`, async () => {
      for (const name of registry.names) {
        // a fresh session per request: an allowed sign-out or lock must not change the next row
        const session = new SessionManager({ db: store.db });
        if (caller !== 'signedOut') session.signIn(PASSWORDS[caller].user, PASSWORDS[caller].password);
        checkResult(caller, name, await registry.call({ ...base(), session, via: 'test' }, name, INERT));
      }
    });

    it(`loopback HTTP: ${caller}`, async () => {
      for (const name of registry.names) {
        const { result } = await post(name, INERT, cookies.get(caller));
        checkResult(caller, name, result);
      }
    });
  }

  it('refuses the same way whichever entry point the request came through, and audits each refusal', () => {
    const denied = store.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'request.denied'").get() as { n: number };
    const refusals = registry.names.filter((n) => !expected('nurse', n).allowed).length + registry.names.filter((n) => !expected('biller', n).allowed).length;
    // once in-process, once over HTTP
    expect(denied.n).toBe(2 * refusals);
  });
});

describe('the permission matrix: the command line', () => {
  let dir: string;
  let dbPath: string;
  let backup: string;
  let n = 0;
  const out = () => path.join(dir, `out-${++n}.bin`);

  async function cli(argv: string[], caller: Caller) {
    let stdout = '';
    let err = '';
    const created = { PERDIEM_NEW_PASSWORD: 'new user password 1' };
    const env = caller === 'signedOut' ? created : { ...created, PERDIEM_USER: PASSWORDS[caller].user, PERDIEM_PASSWORD: PASSWORDS[caller].password };
    const code = await runCli([...argv, '--db', dbPath, '--now', NOW], { out: (t) => (stdout += t), err: (t) => (err += t) }, env);
    return { code, out: stdout, err };
  }

  beforeAll(async () => {
    dir = tempDir('perdiem-matrix-cli-');
    makeOffice(dir).close();
    dbPath = path.join(dir, 'perdiem.sqlite');
    const b = await cli(['backup', '--dir', path.join(dir, 'backups')], 'admin');
    expect(b.code).toBe(0);
    backup = /backup written: (\S+)/.exec(b.out)![1]!;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** each command line as typed (option orders included) → the request of the table it makes */
  const COMMANDS: ReadonlyArray<readonly [() => string[], string]> = [
    [() => ['import', EXAMPLE], 'app.importFile'],
    [() => ['demo', '--scale', '1'], 'app.loadDemo'],
    [() => ['build', '--from', '2026-10-01', '--to', '2026-10-31'], 'claims.build'],
    [() => ['build', '--to', '2026-10-31', '--from', '2026-10-01', '--json'], 'claims.build'],
    [() => ['export', '837', '--out', out(), '--from', '2026-10-01', '--to', '2026-10-31'], 'billing.export837'],
    [() => ['export', '837', '--to', '2026-10-31', '--from', '2026-10-01', '--out', out(), '--accept-warnings'], 'billing.export837'],
    [() => ['export', 'pdf', '--out', out()], 'billing.exportPdf'],
    [() => ['export', 'pdf', '--preview', '--out', out()], 'billing.exportPdf'],
    [() => ['export', 'pdf', '--test-page', '--out', out()], 'settings.testPage'],
    [() => ['export', 'pdf', '--out', out(), '--test-page'], 'settings.testPage'],
    [() => ['audit'], 'audit.query'],
    [() => ['audit', '--limit', '5', '--actor', 'ana'], 'audit.query'],
    [() => ['audit', '--format', 'json'], 'audit.export'],
    [() => ['audit', '--out', out(), '--format', 'csv'], 'audit.export'],
    [() => ['backup'], 'backups.run'],
    [() => ['backup', 'now', '--dir', path.join(dir, 'backups')], 'backups.run'],
    [() => ['backup', '--keep', '3', 'now'], 'backups.run'],
    [() => ['backup', 'list'], 'backups.list'],
    [() => ['backup', '--dir', path.join(dir, 'backups'), 'list'], 'backups.list'],
    [() => ['backup', 'restore', backup], 'backups.restore'],
    [() => ['backup', 'restore', backup, '--dir', path.join(dir, 'backups')], 'backups.restore'],
    [() => ['backup', '--dir', path.join(dir, 'backups'), 'restore', backup], 'backups.restore'],
    [() => ['token', 'create', '--label', 'nightly', '--role', 'nurse'], 'tokens.create'],
    [() => ['token', '--role', 'biller', '--label', 'weekly', 'create'], 'tokens.create'],
    [() => ['token', 'list'], 'tokens.list'],
    [() => ['token', 'revoke', '0123456789ab'], 'tokens.revoke'],
    [() => ['user', 'add', 'nina', '--role', 'nurse', '--nurse', 'rn-ortiz'], 'users.create'],
    [() => ['user', '--role', 'biller', '--name', 'Nick', 'add', 'nick'], 'users.create'],
    [() => ['user', 'list'], 'users.list'],
    [() => ['user', 'disable', 'nobody'], 'users.update'],
    // first run, before anybody can sign in: public, and refused on an office already set up
    [() => ['setup', '--admin', 'root'], 'auth.setup'],
    [() => ['audit', 'verify'], 'audit.verify'],
    [() => ['audit', 'access', 'P1001'], 'audit.patientAccess'],
    [() => ['receive', EXAMPLE], 'remit.receive'],
    [() => ['claims', '--json'], 'claims.list'],
    [() => ['claims', '--status', 'draft', '--payer', 'bcbstx'], 'claims.list'],
    [() => ['ar', '--json'], 'ar.report'],
    [() => ['ar', '--basis', 'service', '--as-of', '2026-11-05'], 'ar.report'],
    [() => ['followups'], 'remit.followUps'],
    [() => ['followups', '--json', '--as-of', '2026-11-05'], 'remit.followUps'],
    [() => ['statements', '--month', '2026-10', '--out', out()], 'statements.print'],
    [() => ['statements', '--out', out(), '--patient', 'P1001', '--month', '2026-10'], 'statements.print'],
  ];
  /**
   * Commands that make no request of the table: `serve` starts the office server, whose every
   * request is a row of the HTTP entry point above; who may start it is tested in
   * test/server/serveCommand.test.ts (an administrator only).
   */
  const NOT_A_REQUEST = ['serve'];

  for (const caller of CALLERS) {
    it(`command line: ${caller}`, async () => {
      for (const [argv, name] of COMMANDS) {
        const typed = argv();
        const r = await cli(typed, caller);
        const label = `${caller}: perdiem ${typed.join(' ')}`;
        const e = expected(caller, name);
        if (caller === 'signedOut' && !e.allowed) expect([r.code, r.err], label).toEqual([1, `perdiem: ${dbPath} is encrypted: ${CREDENTIALS_HELP}\n`]);
        else if (e.allowed) expect(r.err, label).not.toContain('Not allowed');
        else expect([r.code, r.err, r.out], label).toEqual([1, `perdiem: ${e.error.message}\n`, '']);
      }
    }, 120_000);
  }

  it('names a request of the table for every command', () => {
    const commands = new Set([...COMMANDS.map(([argv]) => argv()[0]), ...NOT_A_REQUEST]);
    expect([...commands].sort()).toEqual([...COMMAND_NAMES].sort());
    for (const [, name] of COMMANDS) expect(registry.has(name), name).toBe(true);
  });
});
