import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/open.ts';
import { appendAudit, countAudit, exportAuditCsv, exportAuditJson, queryAudit } from '../../db/repos/audit.ts';
import { getPatient, savePatient } from '../../db/repos/patients.ts';
import { listVisits, saveVisit } from '../../db/repos/visits.ts';
import { asActor, setActor } from '../../db/actor.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, tempDir } from './helpers.ts';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = tempDir();
  store = openStore(path.join(dir, 'office.sqlite'));
  importDataset(store.db, exampleDataset());
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = (entity: string, entityId: string) =>
  queryAudit(store.db, { entity, entityId, order: 'asc' }).map((e) => ({ actor: e.actor, action: e.action, before: e.before, after: e.after }));

describe('the audit trail of patient data', () => {
  it('records who created, changed and deleted a patient, with the row before and after', () => {
    const db = store.db;
    const p = getPatient(db, 'P1001')!;
    asActor(db, 'dana', () => savePatient(db, { ...p, id: 'P9000', lastName: 'Nguyen', coverages: [] }));
    asActor(db, 'erin', () => savePatient(db, { ...p, id: 'P9000', lastName: 'Nguyen-Park', coverages: [] }));
    asActor(db, 'dana', () => db.prepare('DELETE FROM patients WHERE id = ?').run('P9000'));
    const trail = rows('patients', 'P9000');
    expect(trail.map((t) => [t.actor, t.action])).toEqual([
      ['dana', 'create'],
      ['erin', 'update'],
      ['dana', 'delete'],
    ]);
    expect(trail[0]!.before).toBeNull();
    expect(trail[0]!.after).toMatchObject({ id: 'P9000', last_name: 'Nguyen', first_name: p.firstName, dob: p.dob });
    expect(trail[1]!.before).toMatchObject({ last_name: 'Nguyen' });
    expect(trail[1]!.after).toMatchObject({ last_name: 'Nguyen-Park' });
    expect(trail[2]!.before).toMatchObject({ id: 'P9000', last_name: 'Nguyen-Park' });
    expect(trail[2]!.after).toBeNull();
  });

  it('records a visit changed and deleted, and nothing for a save that changes nothing', () => {
    const db = store.db;
    const v = listVisits(db)[0]!;
    const before = countAudit(db, { entity: 'visits', entityId: v.id });
    asActor(db, 'rn-ortiz', () => saveVisit(db, v));
    expect(countAudit(db, { entity: 'visits', entityId: v.id })).toBe(before);
    asActor(db, 'rn-ortiz', () => saveVisit(db, { ...v, departure: '12:15', notes: 'line flushed' }));
    asActor(db, 'admin', () => db.prepare('DELETE FROM visits WHERE id = ?').run(v.id));
    const trail = rows('visits', v.id);
    expect(trail.map((t) => [t.actor, t.action])).toEqual([
      ['system', 'create'],
      ['rn-ortiz', 'update'],
      ['admin', 'delete'],
    ]);
    expect(trail[1]!.before).toMatchObject({ id: v.id, departure: v.departure });
    expect(trail[1]!.after).toMatchObject({ id: v.id, departure: '12:15', notes: 'line flushed' });
    expect(trail[2]!.before).toMatchObject({ id: v.id, departure: '12:15', nurse_id: v.nurse });
  });

  it('records an import row by row under the actor of the connection', () => {
    const db = store.db;
    setActor(db, 'biller-1');
    const ds = exampleDataset();
    (ds.patients as { id: string; phone?: string }[])[0]!.phone = '5125550199';
    importDataset(db, ds);
    setActor(db, null);
    const change = queryAudit(db, { entity: 'patients', action: 'update' });
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({ actor: 'biller-1', entityId: 'P1001', after: { phone: '5125550199' } });
  });

  it('cannot be changed or deleted, even by SQL', () => {
    const db = store.db;
    const n = countAudit(db);
    expect(n).toBeGreaterThan(50);
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE id = 1').run('someone-else')).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(countAudit(db)).toBe(n);
    expect(queryAudit(db, { order: 'asc', limit: 1 })[0]!.actor).toBe('system');
  });

  it('filters by actor, action prefix, entity, time and text', () => {
    const db = store.db;
    appendAudit(db, { actor: 'dana', action: 'export.837', entity: 'batches', entityId: 'B1', after: { claims: 3 }, at: '2026-11-01T10:00:00.000Z' });
    appendAudit(db, { actor: 'dana', action: 'export.pdf', entity: 'batches', entityId: 'B1', at: '2026-11-02T10:00:00.000Z' });
    appendAudit(db, { actor: 'erin', action: 'signin', at: '2026-11-03T08:00:00.000Z' });
    expect(queryAudit(db, { action: 'export.' }).map((e) => e.action)).toEqual(['export.pdf', 'export.837']);
    expect(queryAudit(db, { action: 'export*', actor: 'dana', order: 'asc' }).map((e) => e.action)).toEqual(['export.837', 'export.pdf']);
    expect(queryAudit(db, { from: '2026-11-02', to: '2026-11-02' }).map((e) => e.action)).toEqual(['export.pdf']);
    expect(queryAudit(db, { text: 'Ortiz' }).map((e) => [e.entity, e.action])).toEqual([['nurses', 'create']]);
    expect(countAudit(db, { actor: 'erin' })).toBe(1);
    expect(queryAudit(db, { limit: 2, offset: 1, actor: 'dana' }).map((e) => e.action)).toEqual(['export.837']);
  });

  it('exports CSV that a spreadsheet cannot mistake for formulas, and JSON that reads back', () => {
    const db = store.db;
    appendAudit(db, { actor: '=HYPERLINK("x")', action: 'signin.failed', entity: 'users', entityId: 'a,b' });
    const csv = exportAuditCsv(db, { action: 'signin.failed' });
    expect(csv).toBe(
      'id,at,actor,action,entity,entity_id,before,after\r\n' +
        `${queryAudit(db, { action: 'signin.failed' })[0]!.id},${queryAudit(db, { action: 'signin.failed' })[0]!.at},"'=HYPERLINK(""x"")",signin.failed,users,"a,b",,\r\n`,
    );
    const json = JSON.parse(exportAuditJson(db, { entity: 'patients' })) as { entity: string; action: string }[];
    expect(json.length).toBe(2);
    expect(json.every((e) => e.entity === 'patients' && e.action === 'create')).toBe(true);
  });
});
