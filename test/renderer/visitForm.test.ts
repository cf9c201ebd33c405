import { describe, expect, it } from 'vitest';
import type { VisitDraft, VisitPreview } from '../../renderer/lib/contract.ts';
import { VisitForm, draftOf } from '../../renderer/screens/visits/visitForm.svelte.ts';
import { FakeApi, FakeTimers, settle } from './fakes.ts';

const preview = (over: Partial<VisitPreview> = {}): VisitPreview => ({ minutes: 150, payer: null, lines: [], problems: {}, warnings: [], ...over });

function setup(answerPreview: (d: VisitDraft) => VisitPreview = () => preview()) {
  const api = new FakeApi((name, args) => {
    if (name === 'therapies.forPatient') return { ok: true, value: [{ id: 'T1', patient: 'P1', payer: 'b', payerName: 'B', label: 'Anti-infective', start: '2026-10-01', stop: null, ndcs: [] }] };
    if (name === 'visits.preview') return { ok: true, value: answerPreview(args as VisitDraft) };
    if (name === 'visits.save') {
      const d = args as VisitDraft;
      if (d.departure < d.arrival && !d.departureDate) return { ok: false, error: { message: 'no', fields: { departure: 'departure is not after arrival', nurse: 'is required' } } };
      return { ok: true, value: { ...d, id: 'V9', departureDate: d.departureDate ?? null, notes: d.notes ?? null } };
    }
    return { ok: false, error: { message: `unexpected ${name}` } };
  });
  const timers = new FakeTimers();
  const form = new VisitForm(api, { today: '2026-10-15', timers, delayMs: 150 });
  return { api, timers, form };
}

async function fill(form: VisitForm, timers: FakeTimers, arrival: string, departure: string) {
  await form.choosePatient('P1', 'Garza, Helen');
  form.set('nurse', 'rn-ortiz');
  form.set('arrival', arrival);
  form.set('departure', departure);
  timers.advance(150);
  await settle();
}

describe('the nurse visit form', () => {
  it('picks the patient’s only therapy and previews once both times are typed, with times tidied', async () => {
    const { api, timers, form } = setup();
    await form.choosePatient('P1', 'Garza, Helen');
    expect(form.f.therapy).toBe('T1');
    form.set('arrival', '930');
    timers.advance(500);
    await settle();
    expect(api.named('visits.preview')).toHaveLength(0);
    form.set('departure', '1200');
    timers.advance(150);
    await settle();
    expect(api.named('visits.preview').map((c) => c.args)).toEqual([
      { id: null, patient: 'P1', therapy: 'T1', nurse: undefined, date: '2026-10-15', arrival: '09:30', departure: '12:00', departureDate: null, signed: false, notes: null },
    ]);
    expect(form.preview?.minutes).toBe(150);
  });

  it('shows the time problem the check gives while typing and suggests a next-day departure', async () => {
    const { timers, form } = setup((d) =>
      d.departureDate ? preview({ minutes: 180 }) : preview({ minutes: null, problems: { departure: `departure ${d.date} ${d.departure} is not after arrival ${d.date} ${d.arrival}`, nurse: 'is required' } }),
    );
    await fill(form, timers, '22:00', '01:00');
    // only the time fields are judged while typing
    expect(form.marked).toEqual({ departure: 'departure 2026-10-15 01:00 is not after arrival 2026-10-15 22:00' });
    expect(form.suggestOvernight).toBe(true);
    form.setOvernight(true);
    expect(form.f.departureDate).toBe('2026-10-16');
    timers.advance(150);
    await settle();
    expect([form.marked, form.preview?.minutes, form.suggestOvernight]).toEqual([{}, 180, false]);
    form.set('date', '2026-10-31');
    expect(form.f.departureDate).toBe('2026-11-01');
  });

  it('puts each save problem beside its field and clears it when the field changes', async () => {
    const { timers, form } = setup();
    await fill(form, timers, '10:00', '09:00');
    expect(await form.save()).toBeNull();
    expect(form.marked).toEqual({ departure: 'departure is not after arrival', nurse: 'is required' });
    expect(form.error).toBe('The visit was not saved. Please correct the fields marked below.');
    form.set('nurse', 'rn-ortiz');
    expect(form.marked).toEqual({ departure: 'departure is not after arrival' });
  });

  it('after a save starts the next visit for the same nurse and date', async () => {
    const { timers, form } = setup();
    await fill(form, timers, '09:00', '11:45');
    form.set('signed', true);
    const v = await form.save();
    expect(v?.id).toBe('V9');
    expect(form.message).toBe('Visit V9 saved and signed.');
    expect([form.f.patient, form.f.nurse, form.f.date, form.f.arrival, form.f.signed, form.preview]).toEqual(['', 'rn-ortiz', '2026-10-15', '', false, null]);
  });

  it('drops a preview still waiting when the visit is saved, so the fresh form shows no problems', async () => {
    const { api, timers, form } = setup();
    await fill(form, timers, '09:00', '11:45');
    form.set('departure', '11:50');
    await form.save();
    timers.advance(500);
    await settle();
    expect(api.named('visits.preview')).toHaveLength(1);
    expect([form.preview, form.marked, form.suggestOvernight]).toEqual([null, {}, false]);
  });

  it('sends the departure date only for a visit that crosses midnight', () => {
    const f = { id: '', patient: 'P1', patientName: '', therapy: 'T1', nurse: 'n', date: '2026-10-15', arrival: '9', departure: '1130', overnight: false, departureDate: '2026-10-16', signed: true, notes: '  ' };
    expect(draftOf(f)).toMatchObject({ arrival: '09:00', departure: '11:30', departureDate: null, notes: null });
    expect(draftOf({ ...f, overnight: true }).departureDate).toBe('2026-10-16');
  });
});
