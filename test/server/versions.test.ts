// Optimistic concurrency (app/versions.ts): two people edit the same visit or patient; the second
// save, made from the version both opened, is refused naming who changed what, and nothing of it
// is written.
import { afterEach, describe, expect, it } from 'vitest';
import { appRegistry } from '../../electron/app/registry.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { trustedSession } from '../../electron/security/sessions.ts';
import type { VisitDraft } from '../../electron/contract/visits.ts';
import { openOffice, type Office } from '../ipc/fixture.ts';

let office: Office;
afterEach(() => office?.close());

const registry = appRegistry();
/** a second person at another workstation, on the same office */
function as(username: string): (name: string, args: unknown) => ReturnType<typeof registry.call> {
  const ctx: HandlerContext = { ...office.ctx, session: trustedSession(office.ctx.db, username, 'biller') };
  return (name, args) => registry.call(ctx, name, args);
}

describe('a save over a newer change', () => {
  it('is refused for a visit, naming who changed which field, and writes nothing', async () => {
    office = openOffice({ withPatients: true });
    const rows = await office.get('visits.recent', { patient: 'P1001' });
    const v1 = rows.find((r) => r.id === 'V1')!;
    expect(v1.version).toBe(1);
    const draft: VisitDraft = { patient: v1.patient, therapy: v1.therapy, nurse: v1.nurse, date: v1.date, arrival: v1.arrival, departure: v1.departure, departureDate: v1.departureDate ?? null, signed: v1.signed, notes: v1.notes ?? null, id: 'V1', version: v1.version };
    const first = await as('maria')('visits.save', { ...draft, notes: 'first' });
    expect(first.ok && (first.value as { version: number }).version).toBe(2);
    const second = await as('ben')('visits.save', { ...draft, departure: '12:00' });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('conflict');
    expect(second.error.message).toMatch(/^Visit V1 was not saved: maria changed it at \d{4}-\d\d-\d\d \d\d:\d\d UTC, after you opened it\. Reload it to see their change, then make yours again\.$/);
    expect(second.error.details).toEqual([`notes: ${v1.notes ?? '(blank)'} → first`]);
    const after = (await office.get('visits.recent', { patient: 'P1001' })).find((r) => r.id === 'V1')!;
    expect([after.departure, after.notes, after.version]).toEqual([v1.departure, 'first', 2]);
    // from the new version, the same change goes through
    const again = await as('ben')('visits.save', { ...draft, notes: 'first', departure: '12:00', version: 2 });
    expect(again.ok && (again.value as { version: number }).version).toBe(3);
  });

  it('is refused for signing a visit someone changed since', async () => {
    office = openOffice({ withPatients: true });
    const v = (await office.get('visits.recent', { patient: 'P1001' })).find((r) => r.id === 'V1')!;
    await as('maria')('visits.sign', { id: 'V1', signed: !v.signed, version: v.version });
    const r = await as('ben')('visits.sign', { id: 'V1', signed: !v.signed, version: v.version });
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(!r.ok && r.error.details).toEqual([`signed: ${v.signed ? 1 : 0} → ${v.signed ? 0 : 1}`]);
  });

  it('is refused for a patient when a coverage changed since the chart was opened', async () => {
    office = openOffice({ withPatients: true });
    const chart = await office.get('patients.chart', { id: 'P1001' });
    const coverage = chart.patient.coverages[0]!;
    const saved = await as('maria')('patients.saveCoverage', { patient: 'P1001', index: 0, coverage: { ...coverage, groupNumber: 'G-NEW' }, version: chart.version });
    expect(saved.ok).toBe(true);
    const r = await as('ben')('patients.update', { ...chart.patient, phone: '5125550100', version: chart.version });
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(!r.ok && r.error.message).toMatch(/^Patient P1001 was not saved: maria changed it at /);
    expect(!r.ok && r.error.details).toEqual([`coverage ${coverage.priority} group_number: ${coverage.groupNumber ?? '(blank)'} → G-NEW`]);
    expect((await office.get('patients.chart', { id: 'P1001' })).patient.phone).toBe(chart.patient.phone);
  });

  it('is refused for a dispense, naming the field the other person changed', async () => {
    office = openOffice({ withPatients: true });
    const detail = await office.get('dispenses.get', { id: 'D1' });
    const { patient: _p, patientName: _n, productName: _pn, ...row } = detail.row as typeof detail.row & Record<string, unknown>;
    const draft = { ...row, version: detail.version };
    const first = await as('maria')('dispenses.update', { ...draft, lot: 'LOT-A' });
    expect(first.ok && (first.value as { version: number }).version).toBe(detail.version + 1);
    const r = await as('ben')('dispenses.update', { ...draft, lot: 'LOT-B' });
    expect(!r.ok && [r.error.code, r.error.details]).toEqual(['conflict', [`lot: ${detail.row.lot ?? '(blank)'} → LOT-A`]]);
  });

  it('is not checked for a caller that sends no version (imports, older scripts)', async () => {
    office = openOffice({ withPatients: true });
    const chart = await office.get('patients.chart', { id: 'P1001' });
    await as('maria')('patients.update', { ...chart.patient, phone: '5125550101' });
    const r = await as('ben')('patients.update', { ...chart.patient, phone: '5125550102' });
    expect(r.ok && (r.value as { phone: string; version: number })).toMatchObject({ phone: '5125550102', version: chart.version + 2 });
  });
});

describe('a therapy save over a newer change', () => {
  async function firstTherapy() {
    const chart = await office.get('patients.chart', { id: 'P1001' });
    return chart.therapies[0]!;
  }

  it('is refused naming the field, and a save that changes nothing keeps the version', async () => {
    office = openOffice({ withPatients: true });
    const view = await firstTherapy();
    const t = view.therapy;
    expect(view.version).toBeGreaterThan(0);
    // the whole therapy sent back unchanged writes nothing, so the version stays
    const same = await as('maria')('therapies.update', { ...t, version: view.version });
    expect(same.ok && (same.value as { version: number }).version).toBe(view.version);
    const first = await as('maria')('therapies.update', { ...t, stop: '2026-12-31', version: view.version });
    expect(first.ok && (first.value as { version: number }).version).toBe(view.version + 1);
    const r = await as('ben')('therapies.update', { ...t, route: 'SC', version: view.version });
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(!r.ok && r.error.message).toMatch(new RegExp(`^Therapy ${t.id} was not saved: maria changed it at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, after you opened it\\. Reload it`));
    expect(!r.ok && r.error.details).toEqual([`stop_date: ${t.stop ?? '(blank)'} → 2026-12-31`]);
    const after = await office.get('therapies.get', { id: t.id });
    expect([after.therapy.route, after.therapy.stop, after.version]).toEqual([t.route, '2026-12-31', view.version + 1]);
  });

  it('names the hold, authorization or drug another person changed', async () => {
    office = openOffice({ withPatients: true });
    const view = await firstTherapy();
    const t = view.therapy;
    const hold = { from: '2026-10-10', to: '2026-10-12', reason: 'hospital' };
    const added = await as('maria')('therapies.update', { ...t, holds: [...t.holds, hold], version: view.version });
    expect(added.ok).toBe(true);
    const n = t.holds.length + 1;
    const stale = await as('ben')('therapies.update', { ...t, version: view.version });
    expect(!stale.ok && stale.error.details).toEqual([`hold ${n} from_date: 2026-10-10`, `hold ${n} to_date: 2026-10-12`, `hold ${n} reason: hospital`]);
    const v2 = (added.ok && (added.value as { version: number }).version) as number;
    const removed = await as('maria')('therapies.update', { ...t, version: v2 });
    expect(removed.ok && (removed.value as { version: number }).version).toBe(v2 + 1);
    const late = await as('ben')('therapies.update', { ...t, holds: [...t.holds, { ...hold, to: '2026-10-13' }], version: v2 });
    expect(!late.ok && [late.error.code, late.error.details]).toEqual(['conflict', [`hold ${n} removed`]]);
  });
});
