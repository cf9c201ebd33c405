// Migration 0012 (secondary claims) on an office made before it: its payers, coverages and claims
// read as before (coverages open, billSecondaryWithOwnCodes off, no claim follows another), and the
// regenerated audit triggers record the new columns.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedVersions, migrationsDir, setMigrationsDir } from '../../db/migrate.ts';
import { openStore } from '../../db/open.ts';
import { getPatient, savePatient } from '../../db/repos/patients.ts';
import { getPayer } from '../../db/repos/payers.ts';
import { followupsOf } from '../../db/repos/claimFollowups.ts';

let dir = '';
afterEach(() => {
  setMigrationsDir(undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0012 on an existing office', () => {
  it('keeps its records as they were and audits the new columns', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'perdiem-0012-'));
    const before = path.join(dir, 'migrations');
    mkdirSync(before);
    const all = readdirSync(migrationsDir()).filter((f) => /^\d{4}_.*\.sql$/.test(f));
    for (const f of all.filter((x) => Number(x.slice(0, 4)) < 12)) copyFileSync(path.join(migrationsDir(), f), path.join(before, f));
    setMigrationsDir(before);
    const file = path.join(dir, 'office.sqlite');
    const old = openStore(file);
    expect(Math.max(...appliedVersions(old.db))).toBe(11);
    old.db.exec(`
      INSERT INTO payers (id, name, code_set, per_diem_days, line_span, concurrency_order, concurrency_modifier59, incidental_per_diems,
        self_administered_covered, drugs_on_medical_claim, waste_modifiers, compound_kp_kq, ndc_units, nursing_rn_only, claim_period, timely_filing_days, pdf_page_totals)
      VALUES ('bcbstx', 'BCBS TX', 'commercial', 'administration', 'day', 'highestCharge', 0, '[]', 0, 1, 'JW', 0, '["UN"]', 1, 'month', 365, 'continued');
      INSERT INTO patients (id, first_name, last_name, dob, sex) VALUES ('P1', 'Helen', 'Garza', '1950-01-01', 'F');
      INSERT INTO coverages (patient_id, priority, payer_id, member_id, relationship, seq) VALUES ('P1', 1, 'bcbstx', 'X1', 'self', 0);`);
    old.close();

    setMigrationsDir(undefined);
    const store = openStore(file);
    // 0012 and every later migration ran on the old office
    expect(appliedVersions(store.db)).toEqual(all.map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b));
    expect(getPatient(store.db, 'P1')!.coverages).toEqual([{ payer: 'bcbstx', priority: 1, memberId: 'X1', groupNumber: null, relationship: 'self', subscriber: null }]);
    expect(getPayer(store.db, 'bcbstx')!.settings).not.toHaveProperty('billSecondaryWithOwnCodes');
    expect(followupsOf(store.db, ['C1'])).toEqual([]);
    // a coverage's new dates are a change the audit trail records, with before and after
    savePatient(store.db, { ...getPatient(store.db, 'P1')!, coverages: [{ payer: 'bcbstx', priority: 1, memberId: 'X1', relationship: 'self', to: '2026-12-31' }] });
    const row = store.db.prepare(`SELECT action, before, after FROM audit_log WHERE entity = 'coverages' ORDER BY id DESC LIMIT 1`).get() as { action: string; before: string; after: string };
    expect(row.action).toBe('update');
    expect([JSON.parse(row.before).active_to, JSON.parse(row.after).active_to]).toEqual([null, '2026-12-31']);
    expect(getPatient(store.db, 'P1')!.coverages[0]).toMatchObject({ to: '2026-12-31' });
    expect(getPatient(store.db, 'P1')!.coverages[0]).not.toHaveProperty('from');
    store.close();
  });
});
