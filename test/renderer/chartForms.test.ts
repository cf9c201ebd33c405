import { describe, expect, it } from 'vitest';
import type { Patient, Therapy } from '../../electron/domain/types.ts';
import { coverageFields, coverageOf, CoverageForm } from '../../renderer/screens/patients/coverageForm.svelte.ts';
import { patientFields, patientOf } from '../../renderer/screens/patients/patientForm.svelte.ts';
import { TherapyForm, diagnosesOf, therapyFields, therapyOf } from '../../renderer/screens/patients/therapyForm.svelte.ts';
import { FakeApi } from './fakes.ts';

const therapy: Therapy = {
  id: 'T1',
  patient: 'P1',
  payer: 'bcbstx',
  category: 'hydration',
  qualifier: { litersPerDay: 1.5, mode: null, lumen: 'single' },
  route: 'IV',
  selfAdministered: false,
  perDiemCode: null,
  schedule: { everyHours: 24 },
  start: '2026-10-01',
  stop: null,
  holds: [{ from: '2026-10-05', to: null, reason: 'admitted' }],
  doses: [{ date: '2026-10-02', given: false }],
  diagnoses: ['E86.0', 'L03.115'],
  prescriber: 'dr-lee',
  priorAuths: [{ number: 'PA1', from: '2026-10-01', to: '2026-10-31', units: { S9375: 31 } }, { number: 'PA2', from: '2026-11-01', to: null, units: null }],
  drugs: [{ ndc: '00409733201', dose: { amount: 1.5, unit: 'g' } }],
};

const patient: Patient = {
  id: 'P1',
  firstName: 'Helen',
  lastName: 'Garza',
  middle: null,
  dob: '1956-03-14',
  sex: 'F',
  address: { line1: '44 Oak', line2: null, city: 'Round Rock', state: 'TX', zip: '78664' },
  phone: null,
  coverages: [{ payer: 'bcbstx', priority: 1, memberId: 'X1', groupNumber: null, relationship: 'self', subscriber: null }],
};

describe('chart forms', () => {
  it('turn a stored therapy into form fields and back unchanged', () => {
    expect(therapyOf(therapyFields(therapy, 'P1'))).toEqual(therapy);
  });

  it('turn a stored patient and coverage into form fields and back unchanged', () => {
    expect(patientOf(patientFields(patient), patient.coverages)).toEqual(patient);
    const child = { payer: 'allways', priority: 2 as const, memberId: 'AW1', groupNumber: 'G', relationship: 'child' as const, subscriber: { firstName: 'Ana', middle: null, lastName: 'Silva', dob: '1980-01-01', sex: 'F' as const, address: null } };
    expect(coverageOf(coverageFields(child))).toEqual(child);
    // R-CO-1: a coverage's dates survive the form (a save from the chart never drops them)
    const dated = { ...child, from: '2026-01-01', to: '2026-12-31' };
    expect(coverageOf(coverageFields(dated))).toEqual(dated);
  });

  it('pass text that is not a number on, so the check names the field', () => {
    const f = therapyFields(therapy, 'P1');
    f.scheduleEvery = 'eight';
    f.drugs[0]!.amount = '';
    f.priorAuths[0]!.units.push({ code: 'j0696', units: '12' });
    const t = therapyOf(f);
    expect(t.schedule).toEqual({ everyHours: 'eight' });
    expect(t.drugs?.[0]?.dose?.amount).toBeUndefined();
    expect(t.priorAuths?.[0]?.units).toEqual({ S9375: 31, J0696: 12 });
  });

  it('read diagnoses separated by commas, spaces or lines', () => {
    expect(diagnosesOf(' l03.115,E86.0\nD80.1 ')).toEqual(['L03.115', 'E86.0', 'D80.1']);
  });

  it('show a list row’s problems under that row and drop them when a row is removed', async () => {
    const api = new FakeApi(() => ({ ok: false, error: { message: 'x', fields: { 'holds[0].to': 'hold ends 2026-10-01, before it starts 2026-10-05', 'diagnoses[1]': "'L03115' needs its dot (L03.115)", stop: 'bad' } } }));
    const form = new TherapyForm(api, therapy, 'P1');
    expect(await form.save()).toBeNull();
    expect(api.calls[0]!.name).toBe('therapies.update');
    expect(form.rowProblems('holds', 0)).toEqual(['to: hold ends 2026-10-01, before it starts 2026-10-05']);
    expect(form.diagnosisProblems).toBe("'L03115' needs its dot (L03.115)");
    form.remove('holds', 0);
    expect(form.problems).toEqual({ 'diagnoses[1]': "'L03115' needs its dot (L03.115)", stop: 'bad' });
  });

  it('send back the therapy version the chart showed (a save over a newer change is refused), and none for a new therapy', async () => {
    const api = new FakeApi(() => ({ ok: false, error: { message: 'Therapy T1 was not saved: nora changed it', code: 'conflict', details: ['stop_date: (blank) → 2026-12-31'] } }));
    const form = new TherapyForm(api, therapy, 'P1', {}, 7);
    expect(await form.save()).toBeNull();
    expect([api.calls[0]!.name, (api.calls[0]!.args as { version?: number }).version]).toEqual(['therapies.update', 7]);
    await new TherapyForm(api, null, 'P1', {}, 7).save();
    expect([api.calls[1]!.name, 'version' in (api.calls[1]!.args as object)]).toEqual(['therapies.create', false]);
  });

  it('offer the first free priority for a new coverage', () => {
    const form = new CoverageForm(new FakeApi(() => ({ ok: true, value: null })), patient, null);
    expect(form.f.priority).toBe('2');
  });
});
