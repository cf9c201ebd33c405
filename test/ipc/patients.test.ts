import { afterEach, describe, expect, it } from 'vitest';
import type { Patient } from '../../electron/domain/types.ts';
import { openOffice, type Office } from './fixture.ts';

const rosa: Patient = {
  id: 'P2001',
  firstName: 'Rosa',
  lastName: 'Delgado',
  middle: null,
  dob: '1948-11-02',
  sex: 'F',
  address: { line1: '12 Elm St', city: 'Austin', state: 'TX', zip: '78701' },
  phone: '512-555-0199',
  coverages: [{ payer: 'bcbstx', priority: 1, memberId: 'XOB998877', groupNumber: 'G100', relationship: 'self', subscriber: null }],
};

let office: Office;
afterEach(() => office?.close());

describe('patients', () => {
  it('creates a patient and shows the coverages in the chart', async () => {
    office = openOffice();
    const saved = await office.get('patients.create', rosa);
    expect(saved.phone).toBe('5125550199');
    const chart = await office.get('patients.chart', { id: 'P2001' });
    expect(chart.patient.coverages).toEqual([
      { payer: 'bcbstx', priority: 1, memberId: 'XOB998877', groupNumber: 'G100', relationship: 'self', subscriber: null },
    ]);
    expect(chart.payerNames).toEqual({ bcbstx: 'Blue Cross and Blue Shield of Texas' });
    expect(chart.therapies).toEqual([]);
  });

  it('finds patients by name, account number, member id and date of birth', async () => {
    office = openOffice({ withPatients: true });
    const ids = async (query: string) => (await office.get('patients.search', { query })).map((h) => `${h.id}:${h.matched}`);
    expect(await ids('garz')).toEqual(['P1001:name']);
    expect(await ids('silva mat')).toEqual(['P1002:name']);
    expect(await ids('P1002')).toEqual(['P1002:account']);
    expect(await ids('XOB123')).toEqual(['P1001:memberId']);
    expect(await ids('03/14/1956')).toEqual(['P1001:dob']);
    expect(await ids('1956-03-14')).toEqual(['P1001:dob']);
    expect(await ids('nobody')).toEqual([]);
  });

  it('names every wrong field and writes nothing', async () => {
    office = openOffice();
    const r = await office.call('patients.create', {
      ...rosa,
      dob: '1948-02-30',
      coverages: [{ payer: 'acme', priority: 1, memberId: '', relationship: 'child', subscriber: null }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toEqual({
      dob: "'1948-02-30' is not a real date (YYYY-MM-DD)",
      'coverages[0].memberId': 'must not be empty',
      'coverages[0].subscriber': 'is required when relationship is child',
      'coverages[0].payer': "unknown payer 'acme'",
    });
    expect(r.error.message).toContain('dob: ');
    expect(office.count('patients')).toBe(0);
    expect(office.count('coverages')).toBe(0);
  });

  it('reports an unknown payer on the coverage that names it', async () => {
    office = openOffice();
    const r = await office.call('patients.create', { ...rosa, coverages: [{ ...rosa.coverages[0]!, payer: 'acme' }] });
    expect(!r.ok && r.error.fields).toEqual({ 'coverages[0].payer': "unknown payer 'acme'" });
  });

  it('refuses an account number that is already used', async () => {
    office = openOffice({ withPatients: true });
    const r = await office.call('patients.create', { ...rosa, id: 'P1001' });
    expect(!r.ok && r.error.fields).toEqual({ id: 'P1001 is already the account of Garza, Helen' });
    expect((await office.get('patients.chart', { id: 'P1001' })).patient.firstName).toBe('Helen');
  });

  it('adds and edits a coverage, with problems named by the coverage form field', async () => {
    office = openOffice();
    await office.get('patients.create', rosa);
    const added = await office.get('patients.saveCoverage', {
      patient: 'P2001',
      index: null,
      coverage: { payer: 'allways', priority: 2, memberId: 'AW1', relationship: 'spouse', subscriber: { firstName: 'Luis', lastName: 'Delgado', dob: '1947-05-01', sex: 'M' } },
    });
    expect(added.coverages.map((c) => `${c.priority}:${c.payer}:${c.memberId}`)).toEqual(['1:bcbstx:XOB998877', '2:allways:AW1']);
    expect(added.coverages[1]!.subscriber).toMatchObject({ firstName: 'Luis', lastName: 'Delgado', dob: '1947-05-01', sex: 'M' });

    const dup = await office.call('patients.saveCoverage', {
      patient: 'P2001',
      index: 1,
      coverage: { payer: 'allways', priority: 1, memberId: 'AW1', relationship: 'self' },
    });
    expect(!dup.ok && dup.error.fields).toEqual({ priority: 'priority 1 is given twice' });
    expect((await office.get('patients.chart', { id: 'P2001' })).patient.coverages).toHaveLength(2);

    // R-CO-1 active dates: an end before the start is named at the form's "Active to", nothing saved
    const backwards = await office.call('patients.saveCoverage', {
      patient: 'P2001',
      index: 1,
      coverage: { payer: 'allways', priority: 2, memberId: 'AW1', relationship: 'self', from: '2026-11-01', to: '2026-10-31' },
    });
    expect(!backwards.ok && backwards.error.fields).toEqual({ to: 'coverage ends 2026-10-31, before it starts 2026-11-01' });
    expect((await office.get('patients.chart', { id: 'P2001' })).patient.coverages[1]).not.toHaveProperty('to');
  });

  it('keeps a coverage that a therapy bills to', async () => {
    office = openOffice({ withPatients: true });
    const chart = await office.get('patients.chart', { id: 'P1001' });
    const r = await office.call('patients.update', { ...chart.patient, coverages: [] });
    expect(!r.ok && r.error.fields).toEqual({ coverages: "stored therapy 'T1' is billed to payer 'bcbstx', which these coverages leave out" });
    expect(!r.ok && r.error.message).toContain("stored therapy 'T2' is billed to payer 'bcbstx'");
    const removed = await office.call('patients.removeCoverage', { patient: 'P1001', index: 0 });
    expect(removed.ok).toBe(false);
    expect((await office.get('patients.chart', { id: 'P1001' })).patient.coverages).toHaveLength(chart.patient.coverages.length);
  });

  it('edits demographics', async () => {
    office = openOffice({ withPatients: true });
    const chart = await office.get('patients.chart', { id: 'P1002' });
    const saved = await office.get('patients.update', { ...chart.patient, lastName: 'Silva-Ruiz', phone: '(617) 555-0123' });
    expect([saved.lastName, saved.phone]).toEqual(['Silva-Ruiz', '6175550123']);
  });

  it('shows a patient chart with therapies, dispenses and visits, newest first', async () => {
    office = openOffice({ withPatients: true });
    const chart = await office.get('patients.chart', { id: 'P1002' });
    expect(chart.therapies.map((t) => [t.therapy.id, t.scheduleText, t.payerName, t.prescriberName])).toEqual([
      ['T3', 'every 10 days', 'AllWays Health Partners', 'Raj Patel'],
    ]);
    expect(chart.visits.map((v) => [v.id, v.nurseName, v.minutes, v.signed])).toEqual([
      ['V3', 'Kim, Joon', 60, false],
      ['V2', 'Ortiz, Maria', 250, true],
    ]);
    expect(chart.dispenses.map((d) => [d.id, d.productName, d.ndcUnit])).toEqual([['D2', 'Immune globulin 10% 100 mL', 'ML']]);
  });

  it('lists the choices the chart forms offer', async () => {
    office = openOffice();
    const l = await office.get('patients.lookups', undefined);
    expect(l.payers.map((p) => p.id)).toEqual(['bcbstx', 'allways']);
    expect(l.nurses).toContainEqual({ id: 'lpn-kim', name: 'Kim, Joon', credential: 'LPN' });
    expect(l.categories).toContainEqual({ id: 'antiInfective', label: 'Anti-infective' });
    expect(l.everyHours).toEqual([1, 2, 3, 4, 6, 8, 12, 24]);
  });

  it('says plainly when a chart does not exist', async () => {
    office = openOffice();
    expect(await office.call('patients.chart', { id: 'P404' })).toEqual({ ok: false, error: { message: "There is no patient with account number 'P404'" } });
  });
});
