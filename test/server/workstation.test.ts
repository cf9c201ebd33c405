// The desktop app's side of joining an office server, without Electron: the certificate pin's
// verdict, the joined server kept in the data folder, and the main process's client keeping one
// session per window and saying `unreachable` (not throwing) while the server is down.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT, CHROMIUM_DECIDES, REFUSE, certificateVerdict, electronFingerprint, pinCertificates } from '../../electron/shell/certificatePin.ts';
import { forgetJoinedServer, joinedServerFile, readJoinedServer, writeJoinedServer } from '../../electron/shell/joinedServer.ts';
import { normalizeServerAddress } from '../../electron/domain/fingerprint.ts';
import { fingerprintOf, makeCertificate } from '../../electron/hosting/tlsCertificate.ts';
import { OfficeClient } from '../../electron/hosting/officeClient.ts';
import { connectPinned } from '../../electron/hosting/pinnedHttps.ts';
import type { AuthStatus } from '../../electron/contract/auth.ts';
import type { CallResult } from '../../electron/contract/result.ts';
import type { ChangeEvent } from '../../electron/contract/changes.ts';
import { BILLER, NURSE, makeOfficeFile, serve } from './fixture.ts';
import { servedForBlock } from './servedForBlock.ts';
import { joinServer } from '../../electron/shell/joinServer.ts';
import { joinedForwarder } from '../../electron/shell/joinedChannels.ts';
import { leaveServer } from '../../electron/shell/leaveServer.ts';
import Database from 'better-sqlite3-multiple-ciphers';
import { JoinForm } from '../../renderer/screens/auth/joinForm.svelte.ts';
import { OfficeServerState } from '../../renderer/screens/settings/officeServer.svelte.ts';
import type { Caller } from '../../renderer/lib/contract.ts';

const PIN = '3F:A1:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:9C';
const joined = { url: 'https://192.168.1.20:5443', fingerprint: PIN };

describe('the certificate pin of the desktop app', () => {
  it('writes the pinned fingerprint as Electron shows a certificate’s', async () => {
    const c = await makeCertificate(['127.0.0.1']);
    const der = Buffer.from(c.cert.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const { createHash } = await import('node:crypto');
    expect(electronFingerprint(fingerprintOf(c.cert))).toBe(`sha256/${createHash('sha256').update(der).digest('base64')}`);
  });

  it('accepts the joined server only with the pinned certificate and leaves every other host to Chromium', () => {
    const pinned = electronFingerprint(PIN);
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: pinned }, joined)).toBe(ACCEPT);
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: 'sha256/AAAA' }, joined)).toBe(REFUSE);
    expect(certificateVerdict({ hostname: 'example.org', fingerprint: 'sha256/AAAA' }, joined)).toBe(CHROMIUM_DECIDES);
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: pinned }, null)).toBe(CHROMIUM_DECIDES);
    expect(certificateVerdict({ hostname: '[::1]', fingerprint: pinned }, { url: 'https://[::1]:5443', fingerprint: PIN })).toBe(ACCEPT);
  });

  it('is asked of the joined server at each verification', () => {
    let proc: ((r: { hostname: string; certificate: { fingerprint: string } }, cb: (v: number) => void) => void) | null = null;
    const session = { setCertificateVerifyProc: (p: typeof proc) => void (proc = p) };
    let current: typeof joined | null = null;
    pinCertificates(session as never, () => current);
    const answers: number[] = [];
    proc!({ hostname: '192.168.1.20', certificate: { fingerprint: 'sha256/AAAA' } }, (v) => answers.push(v));
    current = joined;
    proc!({ hostname: '192.168.1.20', certificate: { fingerprint: 'sha256/AAAA' } }, (v) => answers.push(v));
    expect(answers).toEqual([CHROMIUM_DECIDES, REFUSE]);
  });
});

describe('the joined server', () => {
  it('is kept in the data folder (0600), read back as typed addresses normalised, and forgotten', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-join-'));
    try {
      const file = joinedServerFile(dir);
      expect(readJoinedServer(file)).toBeNull();
      writeJoinedServer(file, joined);
      expect([readJoinedServer(file), fs.statSync(file).mode & 0o777]).toEqual([joined, 0o600]);
      fs.writeFileSync(file, '{"url":"not an address","fingerprint":"x"}');
      expect(readJoinedServer(file)).toBeNull();
      forgetJoinedServer(file);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is an https address with a port, whatever way it was typed', () => {
    expect(['192.168.1.20', 'office-pc:6000', 'https://office-pc:5443/', 'http://office-pc', 'office-pc/path', ''].map((t) => normalizeServerAddress(t))).toEqual([
      'https://192.168.1.20:5443',
      'https://office-pc:6000',
      'https://office-pc:5443',
      null,
      null,
      null,
    ]);
  });
});

describe('the main process’s client of the office server', () => {
  const office = servedForBlock();

  it('keeps one session per window, and says unreachable while the server is down', async () => {
    const s = office.served;
    const client = new OfficeClient<number>(await connectPinned(s.server.url, s.server.fingerprint));
    try {
      expect((await client.call(1, 'auth.signIn', { username: NURSE.username, password: NURSE.password })).ok).toBe(true);
      expect((await client.call(2, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
      const who = async (k: number) => {
        const r = (await client.call(k, 'auth.status', undefined)) as CallResult<AuthStatus>;
        return r.ok ? r.value.session.user?.username : null;
      };
      expect([await who(1), await who(2), await who(3)]).toEqual(['nora', 'bill', undefined]);
      await client.forget(1);
      expect(await who(1)).toBe(undefined);
      const port = s.server.port;
      await office.close();
      // the window's kept connection is reset; the next one is refused
      const reset = await client.call(2, 'visits.recent', {});
      expect(!reset.ok && [reset.error.code, reset.error.message]).toEqual(['unreachable', `cannot reach the office server at https://127.0.0.1:${port} (ECONNRESET)`]);
      const down = await client.call(2, 'visits.recent', {});
      expect(!down.ok && [down.error.code, down.error.message]).toEqual(['unreachable', `cannot reach the office server at https://127.0.0.1:${port} (ECONNREFUSED)`]);
    } finally {
      client.close();
    }
  });
});

describe('joining an office server from the desktop app', () => {
  const office = servedForBlock();
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-joining-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the server only when it shows the pinned certificate', async () => {
    const kept = joinedServerFile(dir);
    const typed = { url: office.served.server.url.replace('https://', ''), fingerprint: office.served.server.fingerprint.toLowerCase() };
    const other = (await makeCertificate(['x'])).fingerprint;
    await expect(joinServer(kept, { ...typed, fingerprint: other })).rejects.toThrow(`its certificate has fingerprint ${office.served.server.fingerprint}, but the pinned one is ${other}`);
    expect(fs.existsSync(kept)).toBe(false);
    await expect(joinServer(kept, { url: 'http://x', fingerprint: 'ab' })).rejects.toThrow('the office server was not joined');
    expect(await joinServer(kept, typed)).toEqual({ url: office.served.server.url, fingerprint: office.served.server.fingerprint });
    expect(readJoinedServer(kept)).toEqual({ url: office.served.server.url, fingerprint: office.served.server.fingerprint });
  });

  it('forwards each window’s requests with its own session, and names a changed certificate instead of retrying', async () => {
    const forward = joinedForwarder({ url: office.served.server.url, fingerprint: office.served.server.fingerprint });
    expect((await forward.call(7, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
    const rows = await forward.call(7, 'visits.recent', { limit: 2 });
    expect(rows.ok && (rows.value as unknown[]).length).toBe(2);
    expect((await forward.call(8, 'visits.recent', { limit: 2 })).ok).toBe(false);
    await forward.forget(7);
    const wrong = joinedForwarder({ url: office.served.server.url, fingerprint: PIN });
    const r = await wrong.call(1, 'auth.status', undefined);
    expect(!r.ok && [r.error.code, r.error.message.startsWith(`refusing the office server at ${office.served.server.url}`)]).toEqual([undefined, true]);
  });
});

describe('leaving an office server from the desktop app', () => {
  const office = servedForBlock();
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-leaving-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** the server's trail of sign-ins and sign-outs, in order (the office file read beside the server) */
  const signings = () => {
    const db = new Database(office.file.dbPath, { readonly: true });
    try {
      return (db.prepare(`SELECT actor, action FROM audit_log WHERE action IN ('signin', 'signin.failed', 'signout') ORDER BY id`).all() as { actor: string; action: string }[]).map((r) => `${r.actor} ${r.action}`);
    } finally {
      db.close();
    }
  };

  it('ends this computer’s sessions there, stops calling it, forgets the pin, and asks for the fingerprint to join again', async () => {
    const kept = joinedServerFile(dir);
    const served = office.served;
    const pinned = { url: served.server.url, fingerprint: served.server.fingerprint };
    expect(await joinServer(kept, { url: served.server.url.replace('https://', ''), fingerprint: served.server.fingerprint })).toEqual(pinned);
    const forward = joinedForwarder(readJoinedServer(kept)!, () => undefined, 50);
    expect((await forward.call(1, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
    expect((await forward.call(2, 'auth.signIn', { username: NURSE.username, password: NURSE.password })).ok).toBe(true);
    for (let i = 0; i < 200 && served.server.feed.size < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(served.server.feed.size).toBe(2);
    const before = signings();
    expect(before.slice(-2)).toEqual(['bill signin', 'nora signin']);

    expect(await leaveServer(kept, forward)).toEqual(pinned);
    // both windows' sessions ended on the server (its trail says so) and their change streams closed
    expect(signings().slice(before.length).sort()).toEqual(['bill signout', 'nora signout']);
    for (let i = 0; i < 100 && served.server.feed.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(served.server.feed.size).toBe(0);
    // the kept address and pin are gone: the next start opens this computer's own file, and Chromium's pin no longer accepts the server
    expect([fs.existsSync(kept), readJoinedServer(kept)]).toEqual([false, null]);
    expect(certificateVerdict({ hostname: '127.0.0.1', fingerprint: electronFingerprint(served.server.fingerprint) }, readJoinedServer(kept))).toBe(CHROMIUM_DECIDES);

    // no request reaches the server any more: not even a sign-in, which its trail would record
    const after = signings();
    const r = await forward.call(1, 'auth.signIn', { username: BILLER.username, password: BILLER.password });
    expect(r).toEqual({ ok: false, error: { message: `This computer left the office server at ${served.server.url}: Perdiem starts again on its own office.` } });
    expect(signings()).toEqual(after);
    // nothing is left to leave
    await expect(leaveServer(kept, null)).rejects.toThrow('This computer has not joined an office server: its office is the file on this computer.');

    // joining again is joining anew: the fingerprint is asked for and checked again
    await expect(joinServer(kept, { url: served.server.url, fingerprint: '' })).rejects.toThrow('the office server was not joined');
    const other = (await makeCertificate(['x'])).fingerprint;
    await expect(joinServer(kept, { url: served.server.url, fingerprint: other })).rejects.toThrow(`its certificate has fingerprint ${served.server.fingerprint}, but the pinned one is ${other}`);
    expect(fs.existsSync(kept)).toBe(false);
    expect(await joinServer(kept, pinned)).toEqual(pinned);
  });

  it('leaves a server that is gone (its sessions there end with it)', async () => {
    const other = makeOfficeFile();
    const gone = await serve(other);
    const kept = joinedServerFile(fs.mkdtempSync(path.join(dir, 'gone-')));
    try {
      const joined = await joinServer(kept, { url: gone.server.url, fingerprint: gone.server.fingerprint });
      const forward = joinedForwarder(joined);
      expect((await forward.call(1, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
      await gone.close();
      expect(await leaveServer(kept, forward, { timeoutMs: 2000 })).toEqual(joined);
      expect(readJoinedServer(kept)).toBeNull();
    } finally {
      other.remove();
    }
  });
});

describe('change events in a joined desktop app', () => {
  const office = servedForBlock();

  it('relays the server’s events to each window signed in there, and stops at its sign-out', async () => {
    const sent: Array<[number, ChangeEvent]> = [];
    const forward = joinedForwarder({ url: office.served.server.url, fingerprint: office.served.server.fingerprint }, (w, data) => sent.push([w, JSON.parse(data) as ChangeEvent]), 50);
    expect((await forward.call(1, 'auth.signIn', { username: BILLER.username, password: BILLER.password })).ok).toBe(true);
    expect((await forward.call(2, 'auth.signIn', { username: NURSE.username, password: NURSE.password })).ok).toBe(true);
    // window 3 is not signed in: it hears nothing
    await forward.call(3, 'auth.status', undefined);
    const waitFor = async (n: number) => {
      for (let i = 0; i < 100 && sent.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    };
    const chart = await forward.call(1, 'patients.chart', { id: 'P1001' });
    const c = (chart.ok ? chart.value : null) as { patient: Record<string, unknown>; version: number };
    // the two signed-in windows' streams are open on the server
    for (let i = 0; i < 200 && office.served.server.feed.size < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(office.served.server.feed.size).toBe(2);
    expect((await forward.call(1, 'patients.update', { ...c.patient, phone: '5125550177', version: c.version })).ok).toBe(true);
    await waitFor(2);
    expect(sent.map(([w, e]) => [w, e.name, e.id, e.by]).sort()).toEqual([
      [1, 'patients.update', 'P1001', BILLER.username],
      [2, 'patients.update', 'P1001', BILLER.username],
    ]);
    await forward.call(2, 'auth.signOut', undefined);
    await forward.call(1, 'patients.update', { ...c.patient, phone: '5125550178', version: c.version + 1 });
    await waitFor(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.slice(2).map(([w, e]) => [w, e.name])).toEqual([[1, 'patients.update']]);
    await forward.forget(1);
  });
});

describe('the join form', () => {
  it('checks the address and fingerprint before asking, then reports the main process’s answer', async () => {
    const asked: unknown[] = [];
    const form = new JoinForm(async (a) => {
      asked.push(a);
      return { ok: false, error: { message: 'refusing the office server at https://office-pc:5443: …' } };
    });
    form.url = 'http://office-pc';
    form.fingerprint = 'AB:CD';
    expect(await form.submit()).toBe(false);
    expect([asked, Object.keys(form.fields)]).toEqual([[], ['url', 'fingerprint']]);
    form.url = 'office-pc';
    form.fingerprint = PIN.toLowerCase();
    expect(await form.submit()).toBe(false);
    expect([asked, form.error]).toEqual([[{ url: 'https://office-pc:5443', fingerprint: PIN }], 'refusing the office server at https://office-pc:5443: …']);
  });
});

describe('the office server section of the settings', () => {
  const bridge = (answers: Record<string, CallResult<unknown>>) => {
    const asked: string[] = [];
    const api = { call: async (name: string) => (asked.push(name), answers[name] ?? { ok: false, error: { message: `unexpected ${name}` } }) } as unknown as Caller;
    return { api, asked };
  };

  it('shows the joined server, leaves it only once confirmed, and says what comes next', async () => {
    const { api, asked } = bridge({ 'shell.officeLocation': { ok: true, value: { server: joined } }, 'shell.leaveServer': { ok: true, value: joined } });
    const s = new OfficeServerState(api, true);
    await s.load();
    expect([s.server, s.confirming]).toEqual([joined, false]);
    s.ask();
    s.cancel();
    expect([s.confirming, asked]).toEqual([false, ['shell.officeLocation']]);
    s.ask();
    expect(await s.leave()).toBe(true);
    expect([asked, s.left, s.confirming]).toEqual([['shell.officeLocation', 'shell.leaveServer'], joined.url, false]);
  });

  it('keeps the confirmation open with the main process’s refusal', async () => {
    const { api } = bridge({ 'shell.officeLocation': { ok: true, value: { server: joined } }, 'shell.leaveServer': { ok: false, error: { message: 'This computer has not joined an office server: its office is the file on this computer.' } } });
    const s = new OfficeServerState(api, true);
    await s.load();
    s.ask();
    expect(await s.leave()).toBe(false);
    expect([s.confirming, s.left, s.error]).toEqual([true, null, 'This computer has not joined an office server: its office is the file on this computer.']);
  });

  it('has nothing to show on this computer’s own office, nor in a browser (which it does not even ask)', async () => {
    const own = bridge({ 'shell.officeLocation': { ok: true, value: { server: null } } });
    const s = new OfficeServerState(own.api, true);
    await s.load();
    expect(s.server).toBeNull();
    const browser = bridge({});
    const b = new OfficeServerState(browser.api, false);
    await b.load();
    expect([b.server, browser.asked]).toEqual([null, []]);
  });
});
