import { describe, expect, it } from 'vitest';
import type { Patient, Therapy } from '../../electron/domain/types.ts';
import { ChartState } from '../../renderer/screens/patients/chart.svelte.ts';
import { FakeApi } from './fakes.ts';

const patient: Patient = {
  id: 'P1', firstName: 'Helen', lastName: 'Garza', middle: null, dob: '1956-03-14', sex: 'F', address: null, phone: null,
  coverages: [
    { payer: 'aetna', priority: 2, memberId: 'A2', groupNumber: null, relationship: 'self', subscriber: null },
    { payer: 'bcbstx', priority: 1, memberId: 'X1', groupNumber: null, relationship: 'self', subscriber: null },
  ],
};
const chart = { patient, payerNames: {}, therapies: [], dispenses: [], visits: [], claims: [] };

function setup(therapyAnswer: (t: Therapy) => { ok: true; value: Therapy } | { ok: false; error: { message: string; fields?: Record<string, string> } }) {
  const api = new FakeApi((name, args) => {
    if (name === 'patients.chart') return (args as { id: string }).id === 'P1' ? { ok: true, value: chart } : { ok: false, error: { message: "There is no patient with account number 'P9'" } };
    if (name === 'patients.lookups') return { ok: true, value: { payers: [], prescribers: [], nurses: [], products: [], categories: [], routes: [], everyHours: [], measures: [] } };
    if (name === 'app.state') return { ok: true, value: { today: '2026-11-05' } };
    if (name === 'therapies.create') return therapyAnswer(args as Therapy);
    return { ok: false, error: { message: `unexpected ${name}` } };
  });
  return { api, state: new ChartState(api) };
}

describe('the open chart', () => {
  it('starts a new therapy billed to the primary coverage from today', async () => {
    const { state } = setup(() => ({ ok: false, error: { message: 'x' } }));
    await state.loadLookups();
    await state.open('P1');
    state.editTherapy(null);
    expect(state.editing.kind).toBe('therapy');
    if (state.editing.kind !== 'therapy') return;
    expect([state.editing.form.f.payer, state.editing.form.f.start, state.editing.form.f.patient]).toEqual(['bcbstx', '2026-11-05', 'P1']);
  });

  it('keeps the form open with its problems when a save is refused, and closes it with a note when saved', async () => {
    let refuse = true;
    const { api, state } = setup((t) =>
      refuse ? { ok: false, error: { message: 'no', fields: { 'diagnoses[0]': "'A419' needs its dot (A41.9)" } } } : { ok: true, value: { ...t, id: 'T7' } },
    );
    await state.open('P1');
    state.editTherapy(null);
    expect(await state.save()).toBeNull();
    expect(state.editing.kind).toBe('therapy');
    if (state.editing.kind === 'therapy') expect(state.editing.form.diagnosisProblems).toBe("'A419' needs its dot (A41.9)");
    refuse = false;
    expect(await state.save()).toBe('P1');
    expect([state.editing.kind, state.notice]).toEqual(['none', 'Therapy T7 added.']);
    expect(api.named('patients.chart')).toHaveLength(2);
  });

  it('says why a chart could not be opened', async () => {
    const { state } = setup(() => ({ ok: false, error: { message: 'x' } }));
    await state.open('P9');
    expect([state.chart, state.error]).toEqual([null, "There is no patient with account number 'P9'"]);
  });
});
