// The office server (perdiem serve) over real TLS on 127.0.0.1: the certificate and its pin,
// who may call, a token revoked while in use, a conflicting save, and the change events.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePath, fingerprintOf, makeCertificate, normalizeFingerprint } from '../../electron/hosting/tlsCertificate.ts';
import type { ServedOffice } from '../../electron/hosting/servedOffice.ts';
import { connectPinned, PinError, type PinnedServer } from '../../electron/hosting/pinnedHttps.ts';
import { openRemoteCaller } from '../../electron/cli/remoteCaller.ts';
import type { ChangeEvent } from '../../electron/contract/changes.ts';
import type { VisitDraft } from '../../electron/contract/visits.ts';
import { runCli } from '../../electron/cli/main.ts';
import { callerOf } from '../../electron/hosting/requestAuth.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { KeyedOffice } from '../../electron/hosting/keyedOffice.ts';
import { OfficeClient } from '../../electron/hosting/officeClient.ts';
import type { AuthStatus } from '../../electron/contract/auth.ts';
import type { CallResult } from '../../electron/contract/result.ts';
import { ADMIN, BILLER, NOW, NURSE, makeOfficeFile, remoteEnv, serve, type OfficeFile } from './fixture.ts';

let file: OfficeFile;
let served: ServedOffice;
let pinned: PinnedServer;

beforeAll(async () => {
  file = makeOfficeFile();
  served = await serve(file);
  pinned = await connectPinned(served.server.url, served.server.fingerprint);
});
afterAll(async () => {
  pinned?.close();
  await served?.close();
  file?.remove();
});

const post = async (name: string, args: unknown, headers: Record<string, string> = {}) => {
  const r = await pinned.request({ method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args ?? null) });
  return { status: r.status, body: JSON.parse(r.text) as { ok: boolean; value?: unknown; error?: { message: string; code?: string; details?: string[] } } };
};

const remote = (credentials: Record<string, string>) => openRemoteCaller({ server: served.server.url, env: remoteEnv(served, credentials) });

const visitDraft = (over: Partial<VisitDraft> = {}): VisitDraft => ({
  patient: 'P1001', therapy: 'T1', nurse: 'rn-ortiz', date: '2026-10-20', arrival: '09:00', departure: '10:30', departureDate: null, signed: true, notes: null, ...over,
});

/** the events of a stream as they arrive */
function events(res: IncomingMessage): { list: ChangeEvent[]; next(): Promise<ChangeEvent> } {
  const list: ChangeEvent[] = [];
  const waiting: ((e: ChangeEvent) => void)[] = [];
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const e = JSON.parse(data.slice(6)) as ChangeEvent;
      const w = waiting.shift();
      if (w) w(e);
      else list.push(e);
    }
  });
  return { list, next: () => (list.length ? Promise.resolve(list.shift()!) : new Promise((r) => waiting.push(r))) };
}

describe('the certificate', () => {
  it('is made at the first start, kept beside the database (0600) and printed as its SHA-256 fingerprint', async () => {
    const kept = JSON.parse(fs.readFileSync(certificatePath(file.dbPath), 'utf8')) as { cert: string; key: string };
    expect(served.certificateCreated).toBe(true);
    expect(served.server.fingerprint).toBe(fingerprintOf(kept.cert));
    expect(served.server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fs.statSync(certificatePath(file.dbPath)).mode & 0o777).toBe(0o600);
    expect(normalizeFingerprint(served.server.fingerprint.toLowerCase().replace(/:/g, ' '))).toBe(served.server.fingerprint);
  });

  it('is the same after a restart, so the workstations keep their pin', async () => {
    const again = await serve(file);
    try {
      expect([again.certificateCreated, again.server.fingerprint]).toEqual([false, served.server.fingerprint]);
    } finally {
      await again.close();
    }
  });

  it('of another server is refused by a pinned client before any request is sent', async () => {
    const other = await makeCertificate(['127.0.0.1']);
    let requests = 0;
    const rogue = https.createServer({ key: other.key, cert: other.cert }, (_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((r) => rogue.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(rogue.address() as AddressInfo).port}`;
    try {
      await expect(connectPinned(url, served.server.fingerprint)).rejects.toThrow(PinError);
      await expect(connectPinned(url, served.server.fingerprint)).rejects.toThrow(`its certificate has fingerprint ${other.fingerprint}, but the pinned one is ${served.server.fingerprint}`);
      const cli = openRemoteCaller({ server: url, env: { PERDIEM_SERVER_FINGERPRINT: served.server.fingerprint, PERDIEM_TOKEN: file.token } });
      await expect(cli.call('patients.search', { query: 'a' })).rejects.toThrow(PinError);
      expect(requests).toBe(0);
    } finally {
      rogue.close();
    }
  });
});

describe('every request', () => {
  it('is refused without a session or a token, except the sign-in screen\'s own', async () => {
    const r = await post('patients.search', { query: 'Ortiz' });
    expect([r.status, r.body.ok, r.body.error?.code]).toEqual([200, false, 'locked']);
    const status = await post('auth.status', null);
    expect(status.body.ok).toBe(true);
  });

  it('refuses first-run setup and recovery over the network', async () => {
    const r = await post('auth.setup', { username: 'x', displayName: 'x', password: 'long enough password' });
    expect([r.status, r.body.error?.message]).toEqual([403, 'auth.setup is done on the office server itself, not over the network']);
  });

  it('refuses a post from another site', async () => {
    const r = await post('auth.status', null, { origin: 'https://evil.example' });
    expect([r.status, r.body.error?.message]).toEqual([403, 'forbidden: another site']);
  });

  it('runs under a signed-in user: the role decides, and the command line signs in from its environment', async () => {
    const nurse = remote({ PERDIEM_USER: NURSE.username, PERDIEM_PASSWORD: NURSE.password });
    await expect(nurse.call('claims.build', { from: '2026-10-01', to: '2026-10-31' })).rejects.toThrow(/^Not allowed/);
    const rows = await nurse.call('visits.recent', {});
    expect(new Set(rows.map((v) => v.nurse))).toEqual(new Set(['rn-ortiz']));
    nurse.close();
    const wrong = remote({ PERDIEM_USER: BILLER.username, PERDIEM_PASSWORD: 'not it' });
    await expect(wrong.call('visits.recent', {})).rejects.toThrow('wrong user name or password');
  });
});

describe('signing in', () => {
  it('without a cookie runs on a session of that user name only, so two people never share one', () => {
    const office = new KeyedOffice({ dbPath: file.dbPath, dbKey: null });
    const table = new SessionTable<string>(() => office.db, sessionFactory());
    try {
      const of = (username: string | undefined) => {
        const c = callerOf({}, table, office, NOW, username);
        if ('refused' in c) throw new Error(c.refused.message);
        return c;
      };
      const a = of('nora');
      const b = of('bill');
      expect([a.session === b.session, a.key, b.key]).toEqual([false, 'signin:nora', 'signin:bill']);
      expect(of(' NORA ').session).toBe(a.session);
      // a status asked without a cookie is nobody's session, and kept nowhere
      const status = of(undefined);
      expect([status.session === a.session, status.key, table.size]).toEqual([false, null, 2]);
    } finally {
      office.close();
    }
  });

  it('at the same moment, as different people, gives each their own session', async () => {
    const client = new OfficeClient<number>(pinned);
    const people = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? ADMIN : i % 3 === 1 ? BILLER : NURSE));
    // a print renders asynchronously: the sign-ins arrive while it holds the office's queue
    expect((await client.call(99, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
    expect((await client.call(99, 'claims.build', { from: '2026-10-01', to: '2026-10-31' })).ok).toBe(true);
    const printing = client.call(99, 'billing.exportPdf', { from: '2026-10-01', to: '2026-10-31', form: 'full', preview: true });
    const signedIn = await Promise.all(people.map((p, i) => client.call(i, 'auth.signIn', { username: p.username, password: p.password })));
    expect((await printing).ok).toBe(true);
    expect(signedIn.every((r) => r.ok)).toBe(true);
    const who = await Promise.all(people.map(async (_, i) => {
      const r = (await client.call(i, 'auth.status', undefined)) as CallResult<AuthStatus>;
      return r.ok ? r.value.session.user?.username : null;
    }));
    expect(who).toEqual(people.map((p) => p.username));
    await Promise.all(people.map((_, i) => client.forget(i)));
  });
});

describe('an API token', () => {
  it('stops at its next request once an administrator revokes it', async () => {
    const robot = remote({ PERDIEM_TOKEN: file.token });
    expect((await robot.call('patients.search', { query: 'P1001' })).map((p) => p.id)).toEqual(['P1001']);
    const admin = remote({ PERDIEM_USER: ADMIN.username, PERDIEM_PASSWORD: ADMIN.password });
    expect((await admin.call('tokens.revoke', { id: file.tokenId })).revoked).toBe(true);
    await expect(robot.call('patients.search', { query: 'P1001' })).rejects.toThrow('the API token is not valid for this office (unknown or revoked)');
    const again = await post('patients.search', { query: 'P1001' }, { authorization: `Bearer ${file.token}` });
    expect([again.status, again.body.error?.code]).toEqual([401, 'locked']);
    robot.close();
    admin.close();
  });
});

describe('two people on one record', () => {
  it('refuses the second save made from the same version, naming who changed what', async () => {
    const nurse = remote({ PERDIEM_USER: NURSE.username, PERDIEM_PASSWORD: NURSE.password });
    const biller = remote({ PERDIEM_USER: BILLER.username, PERDIEM_PASSWORD: BILLER.password });
    const saved = await nurse.call('visits.save', visitDraft());
    expect(saved.version).toBe(1);
    await nurse.call('visits.save', { ...visitDraft({ notes: 'dressing changed' }), id: saved.id, version: 1 });
    await expect(biller.call('visits.save', { ...visitDraft({ departure: '11:00' }), id: saved.id, version: 1 })).rejects.toThrow(
      new RegExp(`^Visit ${saved.id} was not saved: nora changed it at .+, after you opened it\\. Reload it to see their change, then make yours again\\.$`),
    );
    const row = (await biller.call('visits.recent', { patient: 'P1001' })).find((v) => v.id === saved.id)!;
    expect([row.departure, row.notes, row.version]).toEqual(['10:30', 'dressing changed', 2]);
    nurse.close();
    biller.close();
  });
});

describe('the change events', () => {
  it('tell an open window who saved which visit, and nothing to a caller without a session', async () => {
    const anonymous = await pinned.request({ method: 'GET', path: '/api/events' });
    expect(anonymous.status).toBe(401);
    const admin = remote({ PERDIEM_USER: ADMIN.username, PERDIEM_PASSWORD: ADMIN.password });
    const { token } = await admin.call('tokens.create', { label: 'workbench', role: 'biller' });
    const stream = await pinned.stream('/api/events', { authorization: `Bearer ${token}` });
    expect([stream.statusCode, stream.headers['content-type']]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const feed = events(stream);
    const nurse = remote({ PERDIEM_USER: NURSE.username, PERDIEM_PASSWORD: NURSE.password });
    const saved = await nurse.call('visits.save', visitDraft({ date: '2026-10-21' }));
    await nurse.call('visits.recent', {});
    const e = await feed.next();
    expect({ ...e, seq: 0, at: '' }).toEqual({ seq: 0, name: 'visits.save', entity: 'visits', id: saved.id, patient: 'P1001', by: 'nora', at: '' });
    // a read announces nothing: the next event is the next change
    await admin.call('claims.build', { from: '2026-10-01', to: '2026-10-31' });
    expect((await feed.next()).name).toBe('claims.build');
    stream.destroy();
    nurse.close();
    admin.close();
  });
});

describe('the command line against the server', () => {
  it('builds and exports an 837 with --out written here, whole', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const env = remoteEnv(served, { PERDIEM_USER: BILLER.username, PERDIEM_PASSWORD: BILLER.password });
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
    expect(await runCli(['build', '--from', '2026-10-01', '--to', '2026-10-31', '--json'], io, env)).toBe(0);
    const built = JSON.parse(out.join('')) as { claims: unknown[] };
    expect(built.claims.length).toBeGreaterThan(0);
    const target = `${file.dir}/october.837`;
    const code = await runCli(['export', '837', '--out', target, '--from', '2026-10-01', '--to', '2026-10-31', '--accept-warnings'], io, env);
    expect([code, err.join('')]).toEqual([0, '']);
    expect(fs.readFileSync(target, 'utf8').startsWith('ISA*')).toBe(true);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('says so when the fingerprint is missing', async () => {
    const err: string[] = [];
    const code = await runCli(['build', '--from', '2026-10-01', '--to', '2026-10-31'], { out: () => undefined, err: (t) => void err.push(t) }, { PERDIEM_SERVER: served.server.url, PERDIEM_TOKEN: file.token });
    expect([code, err.join('')]).toEqual([1, 'perdiem: PERDIEM_SERVER needs PERDIEM_SERVER_FINGERPRINT: the SHA-256 fingerprint `perdiem serve` printed (AA:BB:…)\n']);
  });
});
