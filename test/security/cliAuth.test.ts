import fs from 'node:fs';
import { NO_OFFICE } from '../../electron/cli/caller.ts';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { runCli } from '../../electron/cli/main.ts';
import { storeKey } from '../../db/cipher.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { createToken, revokeToken } from '../../electron/security/tokens.ts';
import { createUser } from '../../electron/security/users.ts';
import { EXAMPLE, exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';
import { importDataset } from '../../electron/services/importDataset.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

/** An encrypted office with an admin, a biller and a nurse, and the example data. */
function encryptedOffice() {
  const office = initializeOffice({ dataDir: dir, adminUser: 'ana', adminPassword: 'admin password 1', protector: fakeProtector(), now: NOW, params: TEST_SCRYPT });
  importDataset(office.store.db, exampleDataset());
  const o = { now: NOW, actor: 'ana', keyring: office.keyring, params: TEST_SCRYPT };
  createUser(office.store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' }, o);
  createUser(office.store.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' }, o);
  const token = createToken(office.store.db, { label: 'nightly', role: 'biller' }, o);
  return { office, dbPath: path.join(dir, 'perdiem.sqlite'), token, o };
}

function trail(dbPath: string, key?: string) {
  const s = openStore(dbPath, key ? { key } : {});
  try {
    // the command's request as the table audits it, and a sign-in with the database key
    return queryAudit(s.db, { order: 'asc' }).filter((e) => e.entity === 'request' || e.action === 'signin');
  } finally {
    s.close();
  }
}

describe('the command line signs in from the environment', () => {
  it('makes no new plain database unless a test says so (--plain, with a warning); then needs no credentials and records the request as "cli"', async () => {
    const dbPath = path.join(dir, 'plain.sqlite');
    const refused = await cli(['import', EXAMPLE, '--db', dbPath]);
    expect([refused.code, refused.err]).toEqual([1, `perdiem: ${NO_OFFICE(dbPath)}\n`]);
    expect(fs.existsSync(dbPath)).toBe(false);
    const r = await cli(['import', EXAMPLE, '--db', dbPath, '--plain']);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`perdiem: warning: ${dbPath} is a new database that is NOT encrypted (--plain): for tests only\n`);
    expect(trail(dbPath).map((e) => [e.actor, e.action, e.entityId, (e.after as { via: string }).via])).toEqual([['cli', 'data.import', 'app.importFile', 'cli']]);
  });

  it('refuses an encrypted database without credentials, saying which to set', async () => {
    const { office, dbPath } = encryptedOffice();
    office.store.close();
    const r = await cli(['import', EXAMPLE, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is encrypted: set PERDIEM_USER and PERDIEM_PASSWORD, or PERDIEM_TOKEN');
  });

  it('opens an encrypted database with a user and password and records the user as actor', async () => {
    const { office, dbPath } = encryptedOffice();
    const key = storeKey(office.dbKey!);
    office.store.close();
    const r = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 1' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(trail(dbPath, key).map((e) => [e.actor, e.action, (e.after as { via: string } | null)?.via ?? null])).toEqual([
      ['bo', 'signin', null],
      ['bo', 'data.import', 'cli'],
    ]);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const { office, dbPath } = encryptedOffice();
    office.store.close();
    const wrong = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 2' });
    const nobody = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_USER: 'zed', PERDIEM_PASSWORD: 'biller password 1' });
    expect([wrong.code, nobody.code]).toEqual([1, 1]);
    expect(wrong.err).toBe('perdiem: wrong user name or password\n');
    expect(nobody.err).toBe(wrong.err);
  });

  it('does not let a nurse import from the command line', async () => {
    const { office, dbPath } = encryptedOffice();
    office.store.close();
    const r = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_USER: 'maria', PERDIEM_PASSWORD: 'nurse password 1' });
    expect(r.code).toBe(1);
    expect(r.err).toBe('perdiem: Not allowed: a nurse may not data.import\n');
  });

  it('accepts an API token until it is revoked', async () => {
    const { office, dbPath, token, o } = encryptedOffice();
    const ok = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_TOKEN: token.token });
    expect(ok.code).toBe(0);
    revokeToken(office.store.db, token.record.id, o);
    const key = storeKey(office.dbKey!);
    office.store.close();
    const revoked = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_TOKEN: token.token });
    expect(revoked.code).toBe(1);
    expect(revoked.err).toContain('PERDIEM_TOKEN is not a valid token');
    const forged = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_TOKEN: token.token.slice(0, -4) + 'AAAA' });
    expect(forged.code).toBe(1);
    expect(trail(dbPath, key).map((e) => e.actor)).toEqual(['token:nightly']);
  });

  it('opens with the recovery key in PERDIEM_DB_KEY, acting as "db-key"', async () => {
    const { office, dbPath } = encryptedOffice();
    const key = storeKey(office.dbKey!);
    office.store.close();
    const r = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_DB_KEY: office.recoveryKey });
    expect(r.code).toBe(0);
    expect(trail(dbPath, key).map((e) => [e.actor, e.action])).toEqual([
      ['db-key', 'signin'],
      ['db-key', 'data.import'],
    ]);
    const bad = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_DB_KEY: 'ABCD-EFGH' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('PERDIEM_DB_KEY is neither a recovery key nor 64 hex digits');
  });

  it('requires credentials on a plain database once it has users', async () => {
    const dbPath = path.join(dir, 'plain.sqlite');
    const s = openStore(dbPath);
    createUser(s.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' }, { now: NOW, actor: 'setup', params: TEST_SCRYPT });
    s.close();
    const none = await cli(['import', EXAMPLE, '--db', dbPath]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('has users: set PERDIEM_USER');
    const claimed = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_DB_KEY: 'f'.repeat(64) });
    expect(claimed.code).toBe(1);
    expect(claimed.err).toContain('has users: set PERDIEM_USER');
    const ok = await cli(['import', EXAMPLE, '--db', dbPath], { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 1' });
    expect(ok.code).toBe(0);
  });
});
