import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { setSecuritySettings } from '../../db/repos/securitySettings.ts';
import { currentActor } from '../../db/actor.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { PermissionError } from '../../electron/security/roles.ts';
import { idleExpired, LockedError, SessionManager, SignInError } from '../../electron/security/sessions.ts';
import { changePassword, createUser, updateUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, NOW, tempDir } from './helpers.ts';

let dir: string;
let store: Store;
let t: number;
const clock = () => t;
const MIN = 60_000;

beforeEach(() => {
  dir = tempDir();
  store = openStore(path.join(dir, 'office.sqlite'));
  importDataset(store.db, exampleDataset());
  const o = { now: NOW, actor: 'setup', params: TEST_SCRYPT };
  createUser(store.db, { username: 'ana', displayName: 'Ana Admin', role: 'admin', password: 'admin password 1' }, o);
  createUser(store.db, { username: 'bo', displayName: 'Bo Biller', role: 'biller', password: 'biller password 1' }, o);
  createUser(store.db, { username: 'maria', displayName: 'Maria Ortiz', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' }, o);
  t = Date.parse('2026-11-05T09:00:00Z');
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sign-in and the idle lock', () => {
  it('signs in with the right password, makes the user the audit actor and records it', () => {
    const s = new SessionManager({ db: store.db, clock });
    const u = s.signIn('Maria', 'nurse password 1');
    expect(u).toMatchObject({ username: 'maria', role: 'nurse', nurseId: 'rn-ortiz' });
    expect(s.state()).toBe('active');
    expect(currentActor(store.db)).toBe('maria');
    expect(queryAudit(store.db, { action: 'signin' })[0]).toMatchObject({ actor: 'maria', at: '2026-11-05T09:00:00.000Z' });
  });

  it('refuses a wrong password with the same words as an unknown user, and records the attempt', () => {
    const s = new SessionManager({ db: store.db, clock });
    expect(() => s.signIn('maria', 'nurse password 2')).toThrow('wrong user name or password');
    expect(() => s.signIn('nobody', 'nurse password 1')).toThrow('wrong user name or password');
    expect(s.state()).toBe('signedOut');
    expect(queryAudit(store.db, { action: 'signin.failed', order: 'asc' }).map((e) => e.actor)).toEqual(['maria', 'nobody']);
  });

  it('makes a user wait after five failures in a row', () => {
    const s = new SessionManager({ db: store.db, clock, maxFailures: 5, lockoutMs: MIN });
    for (let i = 0; i < 5; i++) expect(() => s.signIn('bo', 'guess')).toThrow(SignInError);
    expect(() => s.signIn('bo', 'biller password 1')).toThrow(/too many failed attempts: try again in 60 s/);
    t += MIN;
    expect(s.signIn('bo', 'biller password 1').username).toBe('bo');
  });

  it('locks after the configured idle time, and unlocks with the password again', () => {
    setSecuritySettings(store.db, { idleLockMinutes: 5 });
    const s = new SessionManager({ db: store.db, clock });
    s.signIn('bo', 'biller password 1');
    t += 4 * MIN;
    s.touch();
    t += 4 * MIN;
    expect(s.state()).toBe('active');
    t += 1 * MIN;
    expect(s.state()).toBe('locked');
    expect(s.current()).toBeNull();
    expect(() => s.touch()).toThrow(LockedError);
    expect(currentActor(store.db)).toBe('system');
    expect(queryAudit(store.db, { action: 'lock' })[0]).toMatchObject({ actor: 'bo', after: { reason: 'idle' } });
    s.signIn('bo', 'biller password 1');
    expect(s.state()).toBe('active');
  });

  it('reports its state with the user only while active: signed out, active, then locked by the idle time', () => {
    setSecuritySettings(store.db, { idleLockMinutes: 5 });
    const s = new SessionManager({ db: store.db, clock });
    expect(s.status()).toEqual({ state: 'signedOut', user: null });
    s.signIn('bo', 'biller password 1');
    expect(s.status()).toMatchObject({ state: 'active', user: { username: 'bo', role: 'biller' } });
    t += 5 * MIN;
    expect(s.status()).toEqual({ state: 'locked', user: null });
  });

  it('computes the idle deadline as a pure function of the times', () => {
    expect(idleExpired(0, 5 * MIN - 1, 5 * MIN)).toBe(false);
    expect(idleExpired(0, 5 * MIN, 5 * MIN)).toBe(true);
  });

  it('checks the role on every action: a nurse may not export or read the audit trail, a biller may not manage users', () => {
    const s = new SessionManager({ db: store.db, clock });
    s.signIn('maria', 'nurse password 1');
    expect(s.require('visits.own').username).toBe('maria');
    expect(() => s.require('export.837')).toThrow(PermissionError);
    expect(() => s.require('audit.view')).toThrow('a nurse may not audit.view');
    s.signOut();
    s.signIn('bo', 'biller password 1');
    expect(s.can('export.837')).toBe(true);
    expect(() => s.require('users.manage')).toThrow('a biller may not users.manage');
    expect(s.can('audit.view')).toBe(false);
    s.signOut();
    expect(() => s.require('visits.own')).toThrow(LockedError);
  });

  it('refuses a disabled user and a changed password', () => {
    const o = { now: NOW, actor: 'ana', params: TEST_SCRYPT };
    const s = new SessionManager({ db: store.db, clock });
    changePassword(store.db, 'bo', 'new biller password', o);
    expect(() => s.signIn('bo', 'biller password 1')).toThrow(SignInError);
    expect(s.signIn('bo', 'new biller password').username).toBe('bo');
    s.signOut();
    updateUser(store.db, 'bo', { disabled: true }, o);
    expect(() => s.signIn('bo', 'new biller password')).toThrow(SignInError);
  });
});

describe('user accounts', () => {
  it('names the field of every problem and keeps the last administrator', () => {
    const o = { now: NOW, actor: 'ana', params: TEST_SCRYPT };
    try {
      createUser(store.db, { username: 'bad name', displayName: '', role: 'nurse', nurseId: 'nobody', password: 'short' }, o);
      expect.unreachable();
    } catch (e) {
      expect((e as { details: string[] }).details).toEqual([
        'username: letters, digits and . _ @ - only, 1 to 64 characters, starting with a letter or digit',
        'displayName: is required',
        "nurseId: no nurse 'nobody'",
        'password: must be at least 10 characters',
      ]);
    }
    expect(() => createUser(store.db, { username: 'ANA', displayName: 'x', role: 'biller', password: 'long enough 1' }, o)).toThrow(
      /taken|not created/,
    );
    expect(() => updateUser(store.db, 'ana', { role: 'biller' }, o)).toThrow('the user was not changed');
  });

  it('records user changes in the audit trail without the password hash', () => {
    const created = queryAudit(store.db, { entity: 'users', entityId: 'maria' })[0]!;
    expect(created).toMatchObject({ actor: 'setup', action: 'create', after: { username: 'maria', role: 'nurse', nurse_id: 'rn-ortiz' } });
    expect(JSON.stringify(created.after)).not.toMatch(/hash|salt/);
    changePassword(store.db, 'maria', 'another nurse pass', { now: NOW, actor: 'ana', params: TEST_SCRYPT });
    const changed = queryAudit(store.db, { entity: 'users', entityId: 'maria', action: 'update' })[0]!;
    expect(changed).toMatchObject({ actor: 'ana', after: { password_changed: 1 } });
  });
});
