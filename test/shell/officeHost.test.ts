// First run through the handler table: the administrator and the encryption happen once, a
// refused password changes nothing, and sessions made before the office was replaced are dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/app/context.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { isEncryptedFile } from '../../db/cipher.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { parseRecoveryKey } from '../../electron/security/recoveryKey.ts';

const NOW = '2026-11-05T09:00:00';
const registry = appRegistry();
let dir: string;
let dbPath: string;
let office: OfficeHost;
let table: SessionTable<string>;
const ctx = (key: string): HandlerContext => ({ db: office.db, office, now: () => NOW, today: () => NOW.slice(0, 10), session: table.get(key) });
const setup = { username: 'ana', displayName: 'Ana Reyes', password: 'infusion office keys', confirm: 'infusion office keys' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-host-'));
  dbPath = path.join(dir, 'perdiem.sqlite');
  const protector = memoryProtector();
  office = new OfficeHost({ dbPath, protector: () => protector, now: () => NOW, params: TEST_SCRYPT });
  table = new SessionTable<string>(() => office.db, sessionFactory());
});
afterEach(() => {
  office.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('first run over the handler table', () => {
  it('reports an office nobody set up, and refuses a weak or mistyped password without encrypting anything', async () => {
    expect(await registry.call(ctx('w'), 'auth.status', undefined)).toMatchObject({ ok: true, value: { needsSetup: true, encrypted: false, session: { state: 'signedOut' } } });
    expect(await registry.call(ctx('w'), 'auth.setup', { ...setup, password: 'short', confirm: 'short' })).toMatchObject({
      ok: false,
      error: { fields: { password: expect.stringContaining('10') } },
    });
    expect(await registry.call(ctx('w'), 'auth.setup', { ...setup, confirm: 'infusion office key' })).toMatchObject({
      ok: false,
      error: { fields: { confirm: 'does not match the password' } },
    });
    expect(isEncryptedFile(dbPath)).toBe(false);
    expect(office.needsSetup()).toBe(true);
  });

  it('creates the administrator once, encrypts the office, returns a working recovery key and drops older sessions', async () => {
    const before = table.get('w');
    const r = await registry.call(ctx('w'), 'auth.setup', setup);
    expect(r.ok).toBe(true);
    const key = (r as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(parseRecoveryKey(key)).not.toBeNull();
    expect(isEncryptedFile(dbPath)).toBe(true);
    expect(office.encrypted).toBe(true);
    // the session made on the plain connection is gone; a new one signs in
    expect(table.get('w')).not.toBe(before);
    expect(await registry.call(ctx('w'), 'auth.signIn', { username: 'ana', password: setup.password })).toMatchObject({ ok: true, value: { state: 'active', user: { role: 'admin' } } });
    expect(await registry.call(ctx('x'), 'auth.setup', { ...setup, username: 'mallory' })).toMatchObject({
      ok: false,
      error: { message: 'this office is already set up: sign in instead' },
    });
  });
});

describe('opening an encrypted office at start', () => {
  it('asks the OS protection for the key once (on macOS each ask can be a keychain prompt) and opens the office', () => {
    const inner = memoryProtector();
    let asked = 0;
    const counting = { encrypt: (b: Buffer) => inner.encrypt(b), decrypt: (b: Buffer) => (asked++, inner.decrypt(b)) };
    const file = path.join(dir, 'held.sqlite');
    const first = new OfficeHost({ dbPath: file, protector: () => counting, now: () => NOW, params: TEST_SCRYPT });
    first.setup(setup);
    first.close();
    asked = 0;
    const again = new OfficeHost({ dbPath: file, protector: () => counting, now: () => NOW, params: TEST_SCRYPT });
    try {
      expect([asked, again.needsRecovery, again.encrypted, again.needsSetup()]).toEqual([1, false, true, false]);
    } finally {
      again.close();
    }
  });
});
