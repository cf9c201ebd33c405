// A new computer: the office's key is wrapped for another OS account, so the host opens nothing
// until the recovery key is typed; then the key is wrapped for this account and sign-in works.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../db/repos/audit.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { generateDbKey, keyringPath, readKeyring, unwrapWithProtector } from '../../electron/security/keyring.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { formatRecoveryKey } from '../../electron/security/recoveryKey.ts';
import { trustedSession } from '../../electron/security/sessions.ts';

const NOW = '2026-11-05T09:00:00';
const registry = appRegistry();
const setup = { username: 'ana', displayName: 'Ana Reyes', password: 'infusion office keys', confirm: 'infusion office keys' };
let dir: string;
let dbPath: string;
let office: OfficeHost;
let table: SessionTable<string>;
let recoveryKey: string;
const newMachine = memoryProtector();
const ctx = (key = 'w'): HandlerContext => ({ db: office.db, office, now: () => NOW, today: () => NOW.slice(0, 10), session: table.get(key) });

function host(protector = newMachine): OfficeHost {
  return new OfficeHost({ dbPath, protector: () => protector, now: () => NOW, params: TEST_SCRYPT });
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-recover-'));
  dbPath = path.join(dir, 'perdiem.sqlite');
  // the old computer: set up, one patient, closed
  office = host(memoryProtector());
  table = new SessionTable<string>(() => office.db, sessionFactory());
  const r = await registry.call(ctx(), 'auth.setup', setup);
  recoveryKey = (r as { value: { recoveryKey: string } }).value.recoveryKey;
  await registry.call({ db: office.db, session: trustedSession(office.db), now: () => NOW, today: () => NOW.slice(0, 10) }, 'app.loadDemo', undefined);
  office.close();
  // the new computer over the same data folder
  office = host();
  table = new SessionTable<string>(() => office.db, sessionFactory());
});
afterEach(() => {
  office.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recovering an office on a new computer', () => {
  it('answers only the status and the recovery until the key is entered', async () => {
    expect(office.needsRecovery).toBe(true);
    expect(await registry.call(ctx(), 'auth.status', undefined)).toEqual({
      ok: true,
      value: { needsSetup: false, encrypted: true, needsRecovery: true, session: { state: 'signedOut', user: null, permissions: [], idleLockMinutes: 15 } },
    });
    expect(await registry.call(ctx(), 'auth.signIn', { username: 'ana', password: setup.password })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await registry.call(ctx(), 'auth.setup', setup)).toMatchObject({ ok: false, error: { code: 'locked' } });
    // even a trusted in-process caller finds nothing of the office
    expect(await registry.call({ db: office.db, office, session: trustedSession(office.db), now: () => NOW, today: () => NOW.slice(0, 10) }, 'patients.search', { query: '' })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('refuses a mistyped key and the key of another office, changing nothing', async () => {
    const ring = fs.readFileSync(keyringPath(dbPath), 'utf8');
    const typo = recoveryKey.slice(0, -1) + (recoveryKey.endsWith('A') ? 'B' : 'A');
    expect(await registry.call(ctx(), 'auth.recover', { recoveryKey: typo })).toMatchObject({ ok: false, error: { message: 'that is not a recovery key: check for a mistyped group' } });
    const other = formatRecoveryKey(generateDbKey());
    expect(await registry.call(ctx(), 'auth.recover', { recoveryKey: other })).toMatchObject({
      ok: false,
      error: { message: "this recovery key does not open this office's data: check it is the key written down for this office" },
    });
    expect(await registry.call(ctx(), 'auth.recover', { recoveryKey: '  ' })).toMatchObject({ ok: false, error: { fields: { recoveryKey: 'is required' } } });
    expect(fs.readFileSync(keyringPath(dbPath), 'utf8')).toBe(ring);
    expect(office.needsRecovery).toBe(true);
  });

  it('opens with the key typed loosely, wraps it for this OS account, then signs in; the next start needs no key', async () => {
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(await registry.call(ctx(), 'auth.recover', { recoveryKey: typed })).toEqual({ ok: true, value: { recovered: true } });
    expect(office.needsRecovery).toBe(false);
    expect(office.encrypted).toBe(true);
    const ring = readKeyring(keyringPath(dbPath))!;
    expect(unwrapWithProtector(ring, newMachine)).toEqual(office.keyring!.dbKey);
    // the administrator's command-line wrap survived: only the OS wrap was replaced
    expect(ring.wraps.map((w) => (w.kind === 'password' ? `password:${w.user}` : w.kind)).sort()).toEqual(['os', 'password:ana']);
    expect(await registry.call(ctx(), 'auth.status', undefined)).toMatchObject({ ok: true, value: { needsSetup: false, needsRecovery: false, encrypted: true } });
    expect(await registry.call(ctx(), 'auth.signIn', { username: 'ana', password: setup.password })).toMatchObject({ ok: true, value: { state: 'active' } });
    const found = await registry.call(ctx(), 'patients.search', { query: '' });
    expect(found.ok && (found.value as unknown[]).length).toBeGreaterThan(0);
    expect(queryAudit(office.db, { action: 'office.recover' })).toHaveLength(1);
    // no second recovery once open
    expect(await registry.call(ctx(), 'auth.recover', { recoveryKey })).toMatchObject({ ok: false, error: { message: 'this office opens on this computer already: sign in instead' } });

    office.close();
    office = host();
    expect(office.needsRecovery).toBe(false);
    expect(office.needsSetup()).toBe(false);
  });
});
