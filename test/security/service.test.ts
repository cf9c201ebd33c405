import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../db/repos/audit.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { PermissionError } from '../../electron/security/roles.ts';
import * as svc from '../../electron/security/service.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';
import { readKeyring, keyringPath } from '../../electron/security/keyring.ts';
import { isEncryptedFile } from '../../db/cipher.ts';

let dir: string;
let ctx: svc.SecurityContext;
let close: () => void;
let t: number;

beforeEach(() => {
  dir = tempDir();
  const office = initializeOffice({ dataDir: dir, adminUser: 'ana', adminPassword: 'admin password 1', protector: fakeProtector(), now: NOW, params: TEST_SCRYPT });
  importDataset(office.store.db, exampleDataset());
  t = Date.parse('2026-11-05T09:00:00Z');
  ctx = {
    db: office.store.db,
    session: new SessionManager({ db: office.store.db, clock: () => t }),
    keyring: office.keyring,
    backupDir: path.join(dir, 'backups'),
    now: () => new Date(t).toISOString(),
  };
  close = () => office.store.close();
});
afterEach(() => {
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the security service behind the screens', () => {
  it('shows a signed-out session, then the user and her permissions', () => {
    expect(svc.sessionView(ctx)).toEqual({ state: 'signedOut', user: null, permissions: [], idleLockMinutes: 15 });
    const v = svc.signIn(ctx, { username: 'ana', password: 'admin password 1' });
    expect(v.state).toBe('active');
    expect(v.user).toEqual({ username: 'ana', displayName: 'ana', role: 'admin', nurseId: null });
    expect(v.permissions).toContain('audit.view');
    expect(svc.lock(ctx).state).toBe('locked');
  });

  it('lets an administrator add a nurse who then cannot query or export the audit trail', () => {
    svc.signIn(ctx, { username: 'ana', password: 'admin password 1' });
    const maria = svc.usersCreate(ctx, { username: 'maria', displayName: 'Maria Ortiz', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' });
    expect(maria.role).toBe('nurse');
    // the command line can open the encrypted database with her password too
    expect(readKeyring(keyringPath(path.join(dir, 'perdiem.sqlite')))!.wraps.map((w) => (w.kind === 'password' ? w.user : w.kind)).sort()).toEqual(['ana', 'maria', 'os']);
    svc.signOut(ctx);
    const v = svc.signIn(ctx, { username: 'maria', password: 'nurse password 1' });
    expect(v.permissions).toEqual(['visits.own']);
    expect(() => svc.auditQuery(ctx, {})).toThrow(PermissionError);
    expect(() => svc.auditExport(ctx, { format: 'csv' })).toThrow('a nurse may not audit.export');
    expect(() => svc.recordPrint(ctx, { what: 'CMS-1500' })).toThrow('a nurse may not export.pdf');
    expect(() => svc.usersList(ctx)).toThrow(PermissionError);
  });

  it('shows an administrator the trail with its total, and records the export of it', () => {
    svc.signIn(ctx, { username: 'ana', password: 'admin password 1' });
    const page = svc.auditQuery(ctx, { entity: 'patients', limit: 1 });
    expect(page.total).toBe(2);
    expect(page.entries).toHaveLength(1);
    const file = svc.auditExport(ctx, { format: 'csv', filter: { entity: 'patients' } });
    expect(file.fileName).toBe('perdiem-audit-2026-11-05.csv');
    expect(file.text.split('\r\n')).toHaveLength(4);
    expect(queryAudit(ctx.db, { action: 'audit.export' })[0]).toMatchObject({ actor: 'ana', after: { format: 'csv', filter: { entity: 'patients' } } });
  });

  it('lets a user change her own password only with the current one', () => {
    svc.signIn(ctx, { username: 'ana', password: 'admin password 1' });
    svc.usersCreate(ctx, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' });
    svc.signOut(ctx);
    svc.signIn(ctx, { username: 'bo', password: 'biller password 1' });
    expect(() => svc.usersSetPassword(ctx, { username: 'bo', password: 'new biller pass', currentPassword: 'wrong one here' })).toThrow('the password was not changed');
    expect(() => svc.usersSetPassword(ctx, { username: 'ana', password: 'taken over admin' })).toThrow('a biller may not users.manage');
    svc.usersSetPassword(ctx, { username: 'bo', password: 'new biller pass', currentPassword: 'biller password 1' });
    svc.signOut(ctx);
    expect(svc.signIn(ctx, { username: 'bo', password: 'new biller pass' }).state).toBe('active');
  });

  it('runs an encrypted backup and saves security settings for administrators only', () => {
    svc.signIn(ctx, { username: 'ana', password: 'admin password 1' });
    const b = svc.backupsRun(ctx);
    expect(isEncryptedFile(b.file)).toBe(true);
    expect(svc.backupsList(ctx).map((x) => x.name)).toEqual([b.name]);
    expect(svc.securitySettingsSet(ctx, { idleLockMinutes: 5 }).idleLockMinutes).toBe(5);
    expect(() => svc.securitySettingsSet(ctx, { idleLockMinutes: 0 })).toThrow('the settings were not saved');
    expect(queryAudit(ctx.db, { entity: 'security_settings' })[0]).toMatchObject({ actor: 'ana', before: { value: '15' }, after: { value: '5' } });
  });
});
