// A nurse sees and records only the patients assigned to her (kept by a biller or an
// administrator) and those of visits she logged: in search, therapies and visits. In the example,
// lpn-kim logged a visit of P1002 only; P1001 is not hers until she is assigned to it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, NOW, tempDir } from './helpers.ts';

const registry = appRegistry();
let dir: string;
let store: Store;
beforeEach(() => {
  dir = tempDir('perdiem-scope-');
  store = openStore(path.join(dir, 'office.sqlite'));
  importDataset(store.db, exampleDataset());
  const o = { now: NOW, actor: 'setup' };
  createUser(store.db, { username: 'kim', displayName: 'Kim', role: 'nurse', nurseId: 'lpn-kim', password: 'nurse password 1' }, o);
  createUser(store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' }, o);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function as(username: string, password: string): HandlerContext {
  const session = new SessionManager({ db: store.db });
  session.signIn(username, password);
  return { db: store.db, session, now: () => NOW, today: () => NOW.slice(0, 10) };
}
const kim = () => as('kim', 'nurse password 1');
const bo = () => as('bo', 'biller password 1');

async function ids(ctx: HandlerContext, query: string): Promise<string[]> {
  const r = await registry.call(ctx, 'patients.search', { query });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string }[]).map((p) => p.id);
}

const visit = { patient: 'P1001', therapy: 'T1', nurse: 'lpn-kim', date: '2026-10-08', arrival: '09:00', departure: '10:00', signed: false };

describe('a nurse’s patients', () => {
  it('are those of her visits: an empty search does not list every patient, nor does a search by name', async () => {
    expect(await ids(kim(), '')).toEqual(['P1002']);
    expect(await ids(kim(), 'Garza')).toEqual([]);
    expect(await ids(bo(), '')).toEqual(['P1001', 'P1002']);
  });

  it('keeps another patient’s therapies and visits from her', async () => {
    expect(await registry.call(kim(), 'therapies.forPatient', { patient: 'P1001' })).toEqual({
      ok: false,
      error: { message: 'Patient P1001 is not assigned to you', fields: { patient: 'not one of your patients' }, details: ['patient: not one of your patients'] },
    });
    expect((await registry.call(kim(), 'therapies.forPatient', { patient: 'P1002' })).ok).toBe(true);
    expect(await registry.call(kim(), 'visits.save', visit)).toMatchObject({ ok: false, error: { message: 'Patient P1001 is not assigned to you' } });
    expect(await registry.call(kim(), 'visits.preview', visit)).toMatchObject({ ok: false, error: { message: 'Patient P1001 is not assigned to you' } });
  });

  it('grow when a biller assigns one, audited; a visit she logged keeps its patient after the assignment ends', async () => {
    expect(await registry.call(kim(), 'patients.assignNurse', { patient: 'P1001', nurse: 'lpn-kim', assigned: true })).toEqual({
      ok: false,
      error: { message: 'Not allowed: a nurse may not patients.edit', code: 'denied' },
    });
    expect(await registry.call(bo(), 'patients.assignNurse', { patient: 'P1001', nurse: 'lpn-kim', assigned: true })).toEqual({ ok: true, value: ['lpn-kim'] });
    expect(queryAudit(store.db, { entity: 'patient_nurses' }).map((e) => [e.actor, e.action, e.entityId])).toEqual([['bo', 'create', 'P1001:lpn-kim']]);
    expect(await ids(kim(), '')).toEqual(['P1001', 'P1002']);
    expect(await registry.call(kim(), 'visits.save', visit)).toMatchObject({ ok: true, value: { patient: 'P1001', nurse: 'lpn-kim' } });

    expect(await registry.call(bo(), 'patients.assignNurse', { patient: 'P1001', nurse: 'lpn-kim', assigned: false })).toEqual({ ok: true, value: [] });
    expect(await ids(kim(), '')).toEqual(['P1001', 'P1002']);
  });

  it('are kept for existing patients and nurses only', async () => {
    expect(await registry.call(bo(), 'patients.assignNurse', { patient: 'P9', nurse: 'rn-x', assigned: true })).toMatchObject({
      ok: false,
      error: { fields: { patient: "no patient 'P9'", nurse: "no nurse 'rn-x'" } },
    });
  });
});
