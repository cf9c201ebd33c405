import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { auditRequest, guardRequest, requestRule } from '../../electron/security/requests.ts';
import { PermissionError } from '../../electron/security/roles.ts';
import { LockedError, SessionManager } from '../../electron/security/sessions.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, NOW, tempDir } from './helpers.ts';

let dir: string;
let store: Store;
let session: SessionManager;

beforeEach(() => {
  dir = tempDir();
  store = openStore(path.join(dir, 'office.sqlite'));
  importDataset(store.db, exampleDataset());
  const o = { now: NOW, actor: 'setup', params: TEST_SCRYPT };
  createUser(store.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' }, o);
  createUser(store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' }, o);
  session = new SessionManager({ db: store.db });
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('requests of the handler table', () => {
  it('keeps every request but sign-in behind a signed-in session', () => {
    expect(guardRequest(session, 'auth.signIn')).toBeNull();
    expect(() => guardRequest(session, 'patients.chart')).toThrow(LockedError);
  });

  it('lets a nurse record her visits but not export, print, build or read the audit trail', () => {
    session.signIn('maria', 'nurse password 1');
    for (const ok of ['visits.save', 'visits.sign', 'patients.search', 'therapies.forPatient', 'settings.get']) {
      expect(guardRequest(session, ok)?.username, ok).toBe('maria');
    }
    for (const no of ['billing.export837', 'billing.exportPdf', 'billing.build', 'billing.downloadBatch', 'audit.query', 'audit.export', 'patients.update']) {
      expect(() => guardRequest(session, no), no).toThrow(PermissionError);
    }
  });

  it('closes a request nobody classified to everyone but administrators', () => {
    expect(requestRule('billing.somethingNew')).toBe('users.manage');
    session.signIn('bo', 'biller password 1');
    expect(() => guardRequest(session, 'billing.somethingNew')).toThrow('a biller may not users.manage');
    expect(guardRequest(session, 'billing.export837')?.role).toBe('biller');
  });

  it('records builds and prints with their arguments and outcome, and nothing for plain reads', () => {
    session.signIn('bo', 'biller password 1');
    const u = guardRequest(session, 'billing.build');
    auditRequest(store.db, u, 'billing.build', { from: '2026-10-01', to: '2026-10-31' }, true);
    auditRequest(store.db, u, 'billing.exportPdf', { claims: ['C1'] }, false);
    auditRequest(store.db, u, 'patients.chart', { id: 'P1001' }, true);
    expect(queryAudit(store.db, { entity: 'request', order: 'asc' }).map((e) => [e.actor, e.action, e.after])).toEqual([
      ['bo', 'claims.build', { args: { from: '2026-10-01', to: '2026-10-31' }, ok: true }],
      ['bo', 'export.pdf', { args: { claims: ['C1'] }, ok: false }],
    ]);
  });
});
