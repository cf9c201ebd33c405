// Changing one's own password: the current one first, the new one twice; the other sessions of
// the account end, this one carries on, the command line's key follows, the trail records it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../db/repos/audit.ts';
import { keyringPath, readKeyring, unwrapWithPassword } from '../../electron/security/keyring.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import * as svc from '../../electron/security/service.ts';
import * as removals from '../../electron/security/removals.ts';
import { LockedError, SessionManager } from '../../electron/security/sessions.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';

let dir: string;
let db: ReturnType<typeof initializeOffice>['store']['db'];
let office: ReturnType<typeof initializeOffice>;
const t = Date.parse('2026-11-05T09:00:00Z');
const ring = () => readKeyring(keyringPath(path.join(dir, 'perdiem.sqlite')))!;

function context(): svc.SecurityContext {
  return { db, session: new SessionManager({ db, clock: () => t }), keyring: office.keyring, backupDir: path.join(dir, 'backups'), now: () => NOW };
}

beforeEach(() => {
  dir = tempDir();
  office = initializeOffice({ dataDir: dir, adminUser: 'ana', adminPassword: 'admin password 1', protector: fakeProtector(), now: NOW, params: TEST_SCRYPT });
  db = office.store.db;
  importDataset(db, exampleDataset());
  const admin = context();
  svc.signIn(admin, { username: 'ana', password: 'admin password 1' });
  svc.usersCreate(admin, { username: 'maria', displayName: 'Maria Ortiz', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' });
});
afterEach(() => {
  office.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('changing your own password', () => {
  it('lets a nurse change hers: this window carries on, her other sessions end, the old password stops working', () => {
    const here = context();
    const elsewhere = context();
    svc.signIn(here, { username: 'maria', password: 'nurse password 1' });
    svc.signIn(elsewhere, { username: 'maria', password: 'nurse password 1' });
    const v = svc.changeOwnPassword(here, { currentPassword: 'nurse password 1', password: 'a new nurse phrase', confirm: 'a new nurse phrase' });
    expect(v).toMatchObject({ state: 'active', user: { username: 'maria' } });
    expect(here.session.touch().username).toBe('maria');
    expect(elsewhere.session.state()).toBe('signedOut');
    expect(() => elsewhere.session.touch()).toThrow(LockedError);
    expect(() => svc.signIn(context(), { username: 'maria', password: 'nurse password 1' })).toThrow('wrong user name or password');
    expect(svc.signIn(context(), { username: 'maria', password: 'a new nurse phrase' }).state).toBe('active');

    const rows = queryAudit(db, { entityId: 'maria', order: 'asc' });
    expect(rows.filter((r) => r.action === 'password.change').map((r) => [r.actor, r.after])).toEqual([['maria', { commandLineKey: 'rewrapped' }]]);
    expect(rows.some((r) => r.action === 'signout' && (r.after as { reason?: string } | null)?.reason === 'password changed or account disabled')).toBe(true);
  });

  it('re-wraps the command line key for the new password only', () => {
    const here = context();
    svc.signIn(here, { username: 'maria', password: 'nurse password 1' });
    expect(unwrapWithPassword(ring(), 'maria', 'nurse password 1')).toEqual(office.dbKey);
    svc.changeOwnPassword(here, { currentPassword: 'nurse password 1', password: 'a new nurse phrase', confirm: 'a new nurse phrase' });
    expect(unwrapWithPassword(ring(), 'maria', 'a new nurse phrase')).toEqual(office.dbKey);
    expect(unwrapWithPassword(ring(), 'maria', 'nurse password 1')).toBeNull();
    // one wrap per user, the administrator's untouched
    expect(ring().wraps.filter((w) => w.kind === 'password').map((w) => (w.kind === 'password' ? w.user : '')).sort()).toEqual(['ana', 'maria']);
    expect(unwrapWithPassword(ring(), 'ana', 'admin password 1')).toEqual(office.dbKey);
  });

  it('refuses a wrong current password, a weak or unchanged new one and a mismatch, changing nothing', () => {
    const here = context();
    svc.signIn(here, { username: 'ana', password: 'admin password 1' });
    const before = JSON.stringify(ring());
    const attempt = (a: { currentPassword: string; password: string; confirm: string }) => {
      try {
        svc.changeOwnPassword(here, a);
      } catch (e) {
        return (e as { fields?: Record<string, string> }).fields;
      }
      throw new Error('was accepted');
    };
    // an administrator too must know her current password to change her own
    expect(attempt({ currentPassword: 'wrong password 9', password: 'a fine new phrase', confirm: 'a fine new phrase' })).toEqual({ currentPassword: 'is not your current password' });
    expect(attempt({ currentPassword: 'admin password 1', password: 'short', confirm: 'short' })).toEqual({ password: expect.stringContaining('10') });
    expect(attempt({ currentPassword: 'admin password 1', password: 'admin password 1', confirm: 'admin password 1' })).toEqual({ password: 'is the current password: choose a new one' });
    expect(attempt({ currentPassword: 'admin password 1', password: 'a fine new phrase', confirm: 'a fine new phrasE' })).toEqual({ confirm: 'does not match the new password' });
    expect(JSON.stringify(ring())).toBe(before);
    expect(svc.signIn(context(), { username: 'ana', password: 'admin password 1' }).state).toBe('active');
    expect(queryAudit(db, { action: 'password.change.failed' }).map((r) => r.actor)).toEqual(['ana']);
    expect(queryAudit(db, { action: 'password.change' })).toHaveLength(0);
  });

  it('ends the sessions of a user whose password an administrator set, or whom she disabled', () => {
    const admin = context();
    svc.signIn(admin, { username: 'ana', password: 'admin password 1' });
    const nurse = context();
    svc.signIn(nurse, { username: 'maria', password: 'nurse password 1' });
    svc.usersSetPassword(admin, { username: 'maria', password: 'set by the office' });
    expect(nurse.session.state()).toBe('signedOut');
    expect(admin.session.state()).toBe('active');
    svc.signIn(nurse, { username: 'maria', password: 'set by the office' });
    removals.usersUpdate(admin, { username: 'maria', disabled: true });
    expect(nurse.session.state()).toBe('signedOut');
  });
});
