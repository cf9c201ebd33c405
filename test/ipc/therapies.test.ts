import { afterEach, describe, expect, it } from 'vitest';
import type { Therapy } from '../../electron/domain/types.ts';
import { openOffice, type Office } from './fixture.ts';

const ceftriaxone: Therapy = {
  id: '',
  patient: 'P1001',
  payer: 'bcbstx',
  category: 'antiInfective',
  qualifier: null,
  route: 'IV',
  selfAdministered: false,
  perDiemCode: null,
  schedule: { everyHours: 12 },
  start: '2026-10-12',
  stop: '2026-10-25',
  holds: [{ from: '2026-10-14', to: '2026-10-16', reason: 'admitted' }],
  doses: [{ date: '2026-10-13', given: false }],
  diagnoses: ['A41.9'],
  prescriber: 'dr-lee',
  priorAuths: [{ number: 'PA-1', from: '2026-10-12', to: '2026-10-31', units: { S9501: 14, J0696: 112 } }],
  drugs: [{ ndc: '0409-7332-01', dose: { amount: 1, unit: 'g' } }],
};

let office: Office;
afterEach(() => office?.close());

describe('therapies', () => {
  it('creates a therapy with the next free id, its holds, dose overrides, authorizations and drugs', async () => {
    office = openOffice({ withPatients: true });
    const saved = await office.get('therapies.create', ceftriaxone);
    expect(saved.id).toBe('T4');
    expect(saved.drugs).toEqual([{ ndc: '00409733201', dose: { amount: 1, unit: 'g' } }]);
    expect(saved.holds).toEqual([{ from: '2026-10-14', to: '2026-10-16', reason: 'admitted' }]);
    expect(saved.doses).toEqual([{ date: '2026-10-13', given: false }]);

    const view = await office.get('therapies.get', { id: 'T4' });
    expect(view.scheduleText).toBe('every 12 hours');
    // the fixture's today is 2026-10-15, inside the hold
    expect(view.onHoldToday).toBe(true);
    expect(view.drugs).toEqual([{ ndc: '00409733201', dose: { amount: 1, unit: 'g' }, productName: 'Ceftriaxone 2 g vial', hcpcs: 'J0696' }]);
    expect(view.authorizations).toEqual([
      {
        number: 'PA-1',
        from: '2026-10-12',
        to: '2026-10-31',
        codes: [
          { code: 'S9501', authorized: 14, used: 0, remaining: 14 },
          { code: 'J0696', authorized: 112, used: 0, remaining: 112 },
        ],
      },
    ]);
  });

  it('names each wrong field with the import texts and writes nothing', async () => {
    office = openOffice({ withPatients: true });
    const before = ['therapies', 'therapy_holds', 'therapy_drugs', 'prior_auths'].map((t) => office.count(t));
    const r = await office.call('therapies.create', {
      ...ceftriaxone,
      schedule: { everyHours: 5 },
      stop: '2026-10-01',
      diagnoses: ['A419'],
      drugs: [{ ndc: '0409-7332-01', dose: { amount: 1, unit: 'mL' } }],
      holds: [{ from: '2026-10-20', to: '2026-10-18', reason: null }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toEqual({
      'schedule.everyHours': '5 must divide 24 (1, 2, 3, 4, 6, 8, 12, 24)',
      stop: 'stop 2026-10-01 is before start 2026-10-12',
      'diagnoses[0]': "'A419' needs its dot (A41.9)",
      'holds[0].to': 'hold ends 2026-10-18, before it starts 2026-10-20',
    });
    expect(['therapies', 'therapy_holds', 'therapy_drugs', 'prior_auths'].map((t) => office.count(t))).toEqual(before);
  });

  it('refuses a payer the patient has no coverage with and a dose that cannot convert', async () => {
    office = openOffice({ withPatients: true });
    const r = await office.call('therapies.create', { ...ceftriaxone, payer: 'allways', drugs: [{ ndc: '00409733201', dose: { amount: 5, unit: 'mL' } }] });
    expect(!r.ok && r.error.fields).toEqual({
      payer: "patient 'P1001' has no coverage with payer 'allways'",
      'drugs[0].dose.unit': 'mL cannot convert to mg, the unit of J0696 for 00409733201',
    });
  });

  it('edits a therapy: a new hold and a stop date', async () => {
    office = openOffice({ withPatients: true });
    const t = (await office.get('therapies.get', { id: 'T1' })).therapy;
    const saved = await office.get('therapies.update', { ...t, stop: '2026-10-09', holds: [...t.holds, { from: '2026-10-08', to: null, reason: 'on hold' }] });
    expect(saved.stop).toBe('2026-10-09');
    expect(saved.holds).toEqual([
      { from: '2026-10-05', to: '2026-10-06', reason: 'hospital admission' },
      { from: '2026-10-08', to: null, reason: 'on hold' },
    ]);
  });

  it('does not move a therapy to another patient', async () => {
    office = openOffice({ withPatients: true });
    const t = (await office.get('therapies.get', { id: 'T1' })).therapy;
    const r = await office.call('therapies.update', { ...t, patient: 'P1002' });
    expect(!r.ok && r.error.fields).toEqual({ patient: 'a therapy cannot move to another patient' });
  });

  it('lists a patient’s therapies as choices for the visit and dispense forms', async () => {
    office = openOffice({ withPatients: true });
    const options = await office.get('therapies.forPatient', { patient: 'P1001' });
    expect(options.map((o) => [o.id, o.label, o.payerName, o.ndcs])).toEqual([
      ['T1', 'Anti-infective · Ceftriaxone 2 g vial · once a day', 'Blue Cross and Blue Shield of Texas', ['00409733201']],
      ['T2', 'Hydration · once a day', 'Blue Cross and Blue Shield of Texas', []],
    ]);
  });
});

describe('authorization usage and the chart’s claims', () => {
  it('counts the units of built claims against the authorization and lists the claims', async () => {
    const { buildPeriod } = await import('../../electron/services/buildService.ts');
    office = openOffice({ withPatients: true });
    const before = await office.get('therapies.get', { id: 'T3' });
    expect(before.authorizations[0]!.codes).toEqual([{ code: 'S9338', authorized: 3, used: 0, remaining: 3 }]);
    buildPeriod(office.ctx.db, { from: '2026-10-01', to: '2026-10-31' }, { today: '2026-11-01' });
    const after = await office.get('therapies.get', { id: 'T3' });
    expect(after.authorizations[0]!.codes).toEqual([{ code: 'S9338', authorized: 3, used: 3, remaining: 0 }]);
    const chart = await office.get('patients.chart', { id: 'P1002' });
    expect(chart.claims.map((c) => [c.payerName, c.serviceFrom, c.serviceTo, c.status, c.priorAuth, c.lineCount])).toEqual([
      ['AllWays Health Partners', '2026-10-01', '2026-10-21', 'draft', 'AUTH-2026-0042', 8],
    ]);
  });
});
