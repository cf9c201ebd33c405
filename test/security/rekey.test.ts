// Issue 14 item 4: disabling a user or revoking a token changes the office's key, so an old
// keyring file, an old password or token, the old recovery key and old backups open nothing; the
// remaining administrator, the OS wrap and (after one sign-in in the app) every remaining user work.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyOpens, safetyCopyOf, storeKey } from '../../db/cipher.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { verifyChain } from '../../db/repos/auditChain.ts';
import { backupNow, listBackups } from '../../db/backups.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { SessionTable, sessionFactory } from '../../electron/hosting/sessionTable.ts';
import { KEY_CHANGED_TOKEN, KEY_CHANGED_USER } from '../../electron/security/credentials.ts';
import { keyId, keyringPath, readKeyring, writeKeyring, type KeyringFile } from '../../electron/security/keyring.ts';
import { switchKey } from '../../electron/security/keySwitch.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { parseRecoveryKey } from '../../electron/security/recoveryKey.ts';
import { createToken } from '../../electron/security/tokens.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';
import { runOn } from '../export837/cliStore.ts';

const admin = { PERDIEM_USER: 'ana', PERDIEM_PASSWORD: 'admin password 1' };
const biller = { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 1' };
const nurse = { PERDIEM_USER: 'maria', PERDIEM_PASSWORD: 'nurse password 1' };
const registry = appRegistry();
let dir: string;
let dbPath: string;
let oldRecovery: string;
let token: string;
let protector: ReturnType<typeof fakeProtector>;

beforeEach(() => {
  dir = tempDir('perdiem-rekey-');
  dbPath = path.join(dir, 'perdiem.sqlite');
  protector = fakeProtector();
  const office = initializeOffice({ dataDir: dir, adminUser: 'ana', adminPassword: admin.PERDIEM_PASSWORD, protector, now: NOW, params: TEST_SCRYPT });
  oldRecovery = office.recoveryKey;
  importDataset(office.store.db, exampleDataset());
  const o = { now: NOW, actor: 'ana', keyring: office.keyring, params: TEST_SCRYPT };
  createUser(office.store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: biller.PERDIEM_PASSWORD }, o);
  createUser(office.store.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: nurse.PERDIEM_PASSWORD }, o);
  token = createToken(office.store.db, { label: 'nightly', role: 'biller' }, o).token;
  backupNow(office.store.db, path.join(dir, 'backups'), new Date('2026-11-05T08:00:00Z'));
  office.store.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (argv: string[], env: Record<string, string>) => runOn(dbPath, NOW, argv, env);

const newKeyFrom = (out: string) => /NEW RECOVERY KEY \(write it down now; it is not shown again\): (\S+)\n/.exec(out)?.[1] ?? '';
const keyOf = (recovery: string) => storeKey(parseRecoveryKey(recovery)!);

function appHost(): OfficeHost {
  return new OfficeHost({ dbPath, protector: () => protector, now: () => NOW, params: TEST_SCRYPT });
}

function appCtx(host: OfficeHost, table: SessionTable<string>, key: string): HandlerContext {
  return { db: host.db, office: host, now: () => NOW, today: () => NOW.slice(0, 10), session: table.get(key), via: 'ipc' };
}

describe('disabling a user from the command line', () => {
  it('changes the key: the old keyring with the old password, the old recovery key and the old backups open nothing', async () => {
    const oldRing = fs.readFileSync(keyringPath(dbPath), 'utf8');
    const r = await cli(['user', 'disable', 'maria'], admin);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('user maria disabled');
    const recovery = newKeyFrom(r.out);
    expect(parseRecoveryKey(recovery)).not.toBeNull();

    // maria with yesterday's keyring copy and her password: nothing
    fs.writeFileSync(keyringPath(dbPath), oldRing);
    expect(await cli(['claims'], nurse)).toEqual({ code: 1, out: '', err: 'perdiem: wrong user name or password\n' });
    expect((await cli(['claims'], { PERDIEM_DB_KEY: oldRecovery })).code).toBe(1);
    expect(keyOpens(dbPath, keyOf(oldRecovery))).toBe(false);
    expect(keyOpens(dbPath, keyOf(recovery))).toBe(true);
    const [backup] = listBackups(path.join(dir, 'backups'));
    expect(keyOpens(backup!.file, keyOf(oldRecovery))).toBe(false);
    expect(keyOpens(backup!.file, keyOf(recovery))).toBe(true);
    expect(fs.existsSync(safetyCopyOf(dbPath))).toBe(false);
  });

  it('keeps the acting administrator working, tells the others to sign in to the app once, and renews them there', async () => {
    const recovery = newKeyFrom((await cli(['user', 'disable', 'maria'], admin)).out);
    expect((await cli(['user', 'list'], admin)).out).toContain('maria            nurse   disabled');
    expect(await cli(['user', 'list'], biller)).toEqual({ code: 1, out: '', err: `perdiem: ${KEY_CHANGED_USER}\n` });
    expect(await cli(['user', 'list'], nurse)).toEqual({ code: 1, out: '', err: 'perdiem: wrong user name or password\n' });
    expect(await cli(['claims'], { PERDIEM_TOKEN: token })).toEqual({ code: 1, out: '', err: `perdiem: ${KEY_CHANGED_TOKEN}\n` });

    // the command line cannot reach the app's OS keyring: the app asks for the new recovery key once
    let host = appHost();
    expect(host.needsRecovery).toBe(true);
    host.recover(recovery);
    host.close();
    host = appHost();
    expect(host.needsRecovery).toBe(false);
    // bo signs in to the app once: his command line opens the office again
    const table = new SessionTable<string>(() => host.db, sessionFactory());
    expect(await registry.call(appCtx(host, table, 'w'), 'auth.signIn', { username: 'bo', password: biller.PERDIEM_PASSWORD })).toMatchObject({ ok: true });
    host.close();
    expect((await cli(['claims'], biller)).code).toBe(0);
    expect(readKeyring(keyringPath(dbPath))!.wraps.map((w) => `${w.kind}:${'user' in w ? w.user : 'tokenId' in w ? w.tokenId : ''}`).sort()).toEqual(
      ['os:', 'password:ana', 'password:bo', `reissue:${token.slice(4, 16)}`].sort(),
    );
  });

  it('records the change of key in the audit chain', async () => {
    await cli(['user', 'disable', 'maria'], admin);
    const json = JSON.parse((await cli(['audit', '--action', 'office.rekey', '--format', 'json'], admin)).out) as { actor: string; after: { reason: string; backupsReencrypted: number } }[];
    expect(json.map((e) => [e.actor, e.after.reason, e.after.backupsReencrypted])).toEqual([['ana', 'user maria disabled', 1]]);
    expect((await cli(['audit', 'verify'], admin)).code).toBe(0);
  });

  it('changes nothing when the change is refused (the last administrator) or another program holds the office open', async () => {
    const before = fs.readFileSync(keyringPath(dbPath), 'utf8');
    expect((await cli(['user', 'disable', 'ana'], admin)).code).toBe(1);
    const host = appHost();
    const r = await cli(['user', 'disable', 'maria'], admin);
    host.close();
    expect(r.code).toBe(1);
    expect(r.err).toBe('perdiem: the office is open in another program (the app, a command, the office server): its key can change only while nobody else has it open; close the others and try again\n');
    expect(fs.readFileSync(keyringPath(dbPath), 'utf8')).toBe(before);
    expect(keyOpens(dbPath, keyOf(oldRecovery))).toBe(true);
    // maria still opens the office (and meets only her role's limit)
    expect((await cli(['user', 'list'], nurse)).err).toMatch(/^perdiem: Not allowed: a nurse may not /);
  });
});

describe('disabling a user and revoking a token in the app', () => {
  it('wraps the new key for this OS account and the acting administrator, shows the recovery key once, keeps the sessions', async () => {
    const host = appHost();
    const table = new SessionTable<string>(() => host.db, sessionFactory());
    expect(await registry.call(appCtx(host, table, 'a'), 'auth.signIn', { username: 'ana', password: admin.PERDIEM_PASSWORD })).toMatchObject({ ok: true });
    expect(await registry.call(appCtx(host, table, 'a'), 'users.update', { username: 'maria', disabled: true, password: 'not her password' })).toMatchObject({
      ok: false,
      error: { fields: { password: 'is not your password' } },
    });
    expect(keyOpens(dbPath, keyOf(oldRecovery))).toBe(true);
    const r = await registry.call(appCtx(host, table, 'a'), 'users.update', { username: 'maria', disabled: true, password: admin.PERDIEM_PASSWORD });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ username: 'maria', disabled: true });
    const recovery = (r.value as { recoveryKey: string }).recoveryKey;
    expect(keyOpens(dbPath, keyOf(recovery))).toBe(true);
    // the same session carries on
    expect((await registry.call(appCtx(host, table, 'a'), 'users.list', undefined)).ok).toBe(true);

    const t = await registry.call(appCtx(host, table, 'a'), 'tokens.revoke', { id: token.slice(4, 16), password: admin.PERDIEM_PASSWORD });
    if (!t.ok) throw new Error(t.error.message);
    const revoked = t.value as { revoked: boolean; recoveryKey: string };
    expect(revoked.revoked).toBe(true);
    const recovery2 = revoked.recoveryKey;
    expect(keyOpens(dbPath, keyOf(recovery))).toBe(false);
    expect(keyOpens(dbPath, keyOf(recovery2))).toBe(true);
    expect(verifyChain(host.db, []).ok).toBe(true);
    expect(queryAudit(host.db, { action: 'office.rekey' }).map((e) => e.actor)).toEqual(['ana', 'ana']);
    host.close();
    // the OS wrap opens it at the next start; the administrator's command line works at once
    const again = appHost();
    expect(again.needsRecovery).toBe(false);
    again.close();
    expect((await cli(['claims'], admin)).code).toBe(0);
    expect(await cli(['claims'], { PERDIEM_TOKEN: token })).toMatchObject({ code: 1 });
  });
});

describe('a key switch stopped half-way leaves an office that opens', () => {
  /** A whole switch, then the keyring put back as it was between the database's rekey and the keyring's switch. */
  function halfSwitch(): { newKey: Buffer; finalRing: KeyringFile } {
    const host = appHost();
    const oldKey = Buffer.from(host.keyring!.dbKey);
    const before = fs.readFileSync(keyringPath(dbPath), 'utf8');
    const r = switchKey(host.db, oldKey, { remove: { user: 'maria' } }, { dbPath, protector });
    host.close();
    const finalRing = readKeyring(keyringPath(dbPath))!;
    const old = JSON.parse(before) as KeyringFile;
    writeKeyring(keyringPath(dbPath), { ...old, pending: { keyId: keyId(r.dbKey), wraps: finalRing.wraps } });
    return { newKey: r.dbKey, finalRing };
  }

  it('after the database was rekeyed but before the keyring switched: the next opener finishes the switch', async () => {
    const { newKey, finalRing } = halfSwitch();
    const host = appHost();
    expect(host.needsRecovery).toBe(false);
    expect(host.keyring!.dbKey.equals(newKey)).toBe(true);
    host.close();
    expect(readKeyring(keyringPath(dbPath))).toEqual({ ...finalRing });
  });

  it('after the keyring was written but before the database was rekeyed: the old key opens, the pending wraps wait', async () => {
    const host = appHost();
    const oldKey = Buffer.from(host.keyring!.dbKey);
    host.close();
    const ring = readKeyring(keyringPath(dbPath))!;
    writeKeyring(keyringPath(dbPath), { ...ring, pending: { keyId: 'ffffffffffffffff', wraps: [] } });
    const again = appHost();
    expect(again.keyring!.dbKey.equals(oldKey)).toBe(true);
    again.close();
    expect((await cli(['claims'], biller)).code).toBe(0);
  });

  it('a database that neither key opens (killed during its rekey) is put back from its safety copy', async () => {
    const host = appHost();
    const oldKey = Buffer.from(host.keyring!.dbKey);
    host.db.exec(`VACUUM INTO '${safetyCopyOf(dbPath)}'`);
    host.close();
    // what a kill in the middle of PRAGMA rekey can leave: pages no key reads, and a journal
    const bytes = fs.readFileSync(dbPath);
    bytes.fill(7, 0, 4096);
    fs.writeFileSync(dbPath, bytes);
    fs.writeFileSync(`${dbPath}-journal`, Buffer.alloc(512, 1));
    const again = appHost();
    expect(again.keyring!.dbKey.equals(oldKey)).toBe(true);
    again.close();
    expect(fs.existsSync(safetyCopyOf(dbPath))).toBe(false);
    expect(fs.existsSync(`${dbPath}-journal`)).toBe(false);
    expect((await cli(['claims'], biller)).code).toBe(0);
  });
});
