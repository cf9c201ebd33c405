// "Host this office" from the desktop app (hosting/hostController.ts through handlers/hosting.ts):
// an administrator starts serving the open office from a window's request, a workstation joins
// with the address and the fingerprint shown and works through the same table, the settings
// screen sees who is connected, and after the stop the workstation is refused. The choice is kept
// beside the database and read at the next start.
import fs from 'node:fs';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import type { HostingStatus } from '../../electron/contract/hosting.ts';
import type { CallResult } from '../../electron/contract/result.ts';
import { ChangeFeed, type ChangeEvent } from '../../electron/hosting/changeEvents.ts';
import { HostController, hostingChoiceFile } from '../../electron/hosting/hostController.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { OfficeClient } from '../../electron/hosting/officeClient.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { connectPinned } from '../../electron/hosting/pinnedHttps.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { ADMIN, BILLER, makeOfficeFile, NOW, type OfficeFile } from './fixture.ts';

const registry = appRegistry();
const clock = { now: () => NOW, today: () => NOW.slice(0, 10) };

let file: OfficeFile;
let office: OfficeHost;
let feed: ChangeFeed;
let controller: HostController;

beforeEach(() => {
  file = makeOfficeFile();
  const protector = memoryProtector();
  office = new OfficeHost({ dbPath: file.dbPath, protector: () => protector, now: clock.now });
  feed = new ChangeFeed();
  controller = new HostController({ registry, office, dbPath: file.dbPath, clock, feed, addresses: () => ['192.168.1.20', '127.0.0.1'] });
});
afterEach(async () => {
  await controller.close();
  office.close();
  file.remove();
});

/** a desktop window of the hosting app, signed in as `who` */
function windowOf(who: { username: string; password: string }): (name: string, args?: unknown) => Promise<CallResult<unknown>> {
  const session = new SessionManager({ db: office.db });
  session.signIn(who.username, who.password);
  const ctx: HandlerContext = { ...clock, db: office.db, office, via: 'ipc', session, hosting: controller };
  return (name, args) => registry.call(ctx, name, args);
}

const value = <T>(r: CallResult<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

describe('Host this office', () => {
  it('serves the open office to a pinned workstation from an administrator’s request, and refuses it after the stop', async () => {
    const admin = windowOf(ADMIN);
    const before = value<HostingStatus>(await admin('hosting.status'));
    expect(before).toEqual({ serving: false, url: null, host: '0.0.0.0', port: 5443, fingerprint: null, startAtLaunch: false, addresses: ['192.168.1.20', '127.0.0.1'], connected: [], problem: null });

    const started = value<HostingStatus>(await admin('hosting.start', { host: '127.0.0.1', port: 0, startAtLaunch: true }));
    expect(started.serving).toBe(true);
    expect(started.url).toBe(`https://127.0.0.1:${started.port}`);
    expect(started.port).toBeGreaterThan(0);
    expect(started.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // the choice is kept beside the database (the free port as the one it got), private to this account
    const kept = hostingChoiceFile(file.dbPath);
    expect(JSON.parse(fs.readFileSync(kept, 'utf8'))).toEqual({ host: '127.0.0.1', port: started.port, startAtLaunch: true });
    expect(fs.statSync(kept).mode & 0o777).toBe(0o600);

    // a workstation joins with the address and the fingerprint the screen shows
    const pinned = await connectPinned(started.url!, started.fingerprint!);
    const workstation = new OfficeClient<number>(pinned);
    expect((await workstation.call(1, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
    const found = value<{ id: string }[]>(await workstation.call(1, 'patients.search', { query: 'P1001' }));
    expect(found.map((p) => p.id)).toContain('P1001');
    // hosting is the hosting computer's: over the network even an administrator cannot stop it
    expect((await workstation.call(2, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    const remote = await workstation.call(2, 'hosting.stop', undefined);
    expect(!remote.ok && remote.error.message).toMatch(/^This office is not hosted from here/);

    const status = value<HostingStatus>(await admin('hosting.status'));
    expect(status.connected).toEqual([
      { username: ADMIN.username, role: 'admin', kind: 'session' },
      { username: BILLER.username, role: 'biller', kind: 'session' },
    ]);

    const stopped = value<HostingStatus>(await admin('hosting.stop'));
    expect([stopped.serving, stopped.url, stopped.fingerprint, stopped.startAtLaunch, stopped.connected]).toEqual([false, null, null, false, []]);
    const after = await workstation.call(1, 'patients.search', { query: 'P1001' });
    expect(!after.ok && after.error.code).toBe('unreachable');
    await expect(connectPinned(started.url!, started.fingerprint!)).rejects.toThrow(`cannot reach the office server at ${started.url!} (ECONNREFUSED)`);
    workstation.close();
    expect(JSON.parse(fs.readFileSync(kept, 'utf8'))).toEqual({ host: '127.0.0.1', port: started.port, startAtLaunch: false });
  });

  it('is for administrators only, and only for an office that has users', async () => {
    const biller = windowOf(BILLER);
    expect(await biller('hosting.start', { host: '127.0.0.1', port: 0, startAtLaunch: false })).toEqual({ ok: false, error: { message: 'Not allowed: a biller may not users.manage', code: 'denied' } });
    const bad = await windowOf(ADMIN)('hosting.start', { host: '999.1.1.1', port: 70000, startAtLaunch: false });
    expect(!bad.ok && bad.error.fields).toEqual({ host: 'is not an IPv4 address (each part 0–255)', port: 'must be 0–65535' });
    expect(controller.status().serving).toBe(false);
  });

  it('names what is wrong with an address before anything listens: a name or stray colons, a dotted address out of range', async () => {
    const admin = windowOf(ADMIN);
    const fieldsOf = async (host: string) => {
      const r = await admin('hosting.start', { host, port: 0, startAtLaunch: false });
      return !r.ok && r.error.fields;
    };
    const notOurs = 'is not an address of this computer (e.g. 192.168.1.20, or 0.0.0.0 for all of them)';
    expect(await fieldsOf('office-pc.local')).toEqual({ host: notOurs });
    expect(await fieldsOf(':::')).toEqual({ host: notOurs });
    expect(await fieldsOf('192.168.1')).toEqual({ host: 'is not an IPv4 address (each part 0–255)' });
    expect(controller.status().serving).toBe(false);
  });

  it('keeps the same certificate (the workstations’ pin) from one start to the next, and hosts again at launch when chosen', async () => {
    const admin = windowOf(ADMIN);
    const first = value<HostingStatus>(await admin('hosting.start', { host: '127.0.0.1', port: 0, startAtLaunch: true }));
    await controller.close();
    // the app starts again: a new controller reads the choice and hosts at the same address
    controller = new HostController({ registry, office, dbPath: file.dbPath, clock, feed });
    const again = await controller.startRemembered();
    expect([again.serving, again.url, again.fingerprint]).toEqual([true, first.url, first.fingerprint]);
  });

  it('says why it cannot serve when the port is taken, at launch without failing the app', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const r = await windowOf(ADMIN)('hosting.start', { host: '127.0.0.1', port, startAtLaunch: true });
      expect(!r.ok && r.error.message).toBe(`The office is not served at 127.0.0.1:${port}: port ${port} is already in use on this computer: choose another port, or stop what uses it`);
      expect(controller.status()).toMatchObject({ serving: false, startAtLaunch: false, problem: `port ${port} is already in use on this computer: choose another port, or stop what uses it` });
      fs.writeFileSync(hostingChoiceFile(file.dbPath), JSON.stringify({ host: '127.0.0.1', port, startAtLaunch: true }));
      controller = new HostController({ registry, office, dbPath: file.dbPath, clock });
      expect(await controller.startRemembered()).toMatchObject({ serving: false, startAtLaunch: true, problem: `port ${port} is already in use on this computer: choose another port, or stop what uses it` });
    } finally {
      taken.close();
    }
  });

  it('announces a workstation’s change on the app’s own feed (the desktop windows’ one)', async () => {
    const seen: ChangeEvent[] = [];
    feed.subscribe((e) => seen.push(e));
    const s = value<HostingStatus>(await windowOf(ADMIN)('hosting.start', { host: '127.0.0.1', port: 0, startAtLaunch: false }));
    const workstation = new OfficeClient<number>(await connectPinned(s.url!, s.fingerprint!));
    await workstation.call(1, 'auth.signIn', { username: BILLER.username, password: BILLER.password });
    const chart = value<{ patient: Record<string, unknown>; version: number }>(await workstation.call(1, 'patients.chart', { id: 'P1001' }));
    expect((await workstation.call(1, 'patients.update', { ...chart.patient, phone: '5125550199', version: chart.version })).ok).toBe(true);
    expect(seen.map((e) => [e.name, e.entity, e.id, e.by])).toEqual([['patients.update', 'patients', 'P1001', BILLER.username]]);
    workstation.close();
  });
});
