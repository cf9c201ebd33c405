import { describe, expect, it } from 'vitest';
import type { ProductHit } from '../../renderer/lib/contract.ts';
import type { Product } from '../../electron/domain/types.ts';
import { DispenseForm } from '../../renderer/screens/dispenses/dispenseForm.svelte.ts';
import { FakeApi, FakeTimers, settle } from './fakes.ts';

const product = (ndc: string, name: string): Product => ({ ndc, name, kind: 'drug', hcpcs: 'J0696', ndcUnit: 'UN', hcpcsUnit: null, drugPerNdcUnit: null, containerSize: 1, singleDose: true, tpnIncluded: null });
const hit = (p: Product): ProductHit => ({ product: p, ndcDisplay: `${p.ndc.slice(0, 5)}-${p.ndc.slice(5, 9)}-${p.ndc.slice(9)}`, onTherapy: false });
const ceftriaxone = product('00409733201', 'Ceftriaxone 2 g vial');
const vanco = product('63323028420', 'Vancomycin 1 g vial');

function setup() {
  const api = new FakeApi((name, args) => {
    if (name === 'dispenses.findProducts') return { ok: true, value: [hit(ceftriaxone), hit(vanco)] };
    if (name === 'therapies.forPatient') return { ok: true, value: [{ id: 'T1', patient: 'P1', payer: 'b', payerName: 'B', label: 'x', start: '2026-10-01', stop: null, ndcs: [] }] };
    if (name === 'dispenses.save') {
      const d = args as { ndc: string };
      if (!/^\d{11}$/.test(d.ndc)) return { ok: false, error: { message: 'no', fields: { ndc: '10 digits without hyphens is ambiguous', quantity: 'is required' } } };
      return { ok: true, value: { id: 'D9', therapy: 'T1', date: '2026-10-11', ndc: d.ndc, quantity: 10, daysSupply: 10, lot: null, expiry: null } };
    }
    return { ok: false, error: { message: `unexpected ${name}` } };
  });
  const timers = new FakeTimers();
  return { api, timers, form: new DispenseForm(api, { today: '2026-10-11', timers }) };
}

describe('the dispense form', () => {
  it('looks products up after a pause, with the chosen therapy, and picks one with the keyboard', async () => {
    const { api, timers, form } = setup();
    await form.choosePatient('P1', 'Garza, Helen');
    expect(form.f.therapy).toBe('T1');
    form.typeProduct('0409');
    form.typeProduct('0409-7332');
    timers.advance(150);
    await settle();
    expect(api.named('dispenses.findProducts').at(-1)!.args).toEqual({ query: '0409-7332', therapy: 'T1' });
    expect(form.key('ArrowDown')).toBe(true);
    expect(form.key('Enter')).toBe(true);
    expect([form.product?.ndc, form.productQuery, form.ndc]).toEqual(['63323028420', '63323-0284-20 · Vancomycin 1 g vial', '63323028420']);
  });

  it('sends a typed NDC as typed when no product was picked, and shows each problem at its field', async () => {
    const { form } = setup();
    await form.choosePatient('P1', 'Garza, Helen');
    form.typeProduct('0409733201');
    expect(await form.save()).toBeNull();
    expect(form.problems).toEqual({ ndc: '10 digits without hyphens is ambiguous', quantity: 'is required' });
    form.set('quantity', '10');
    expect(form.problems).toEqual({ ndc: '10 digits without hyphens is ambiguous' });
    form.typeProduct('00409733201');
    expect(form.problems).toEqual({});
  });

  it('after recording, keeps the patient, therapy and date for the next product', async () => {
    const { form } = setup();
    await form.choosePatient('P1', 'Garza, Helen');
    form.pick(hit(ceftriaxone));
    form.set('quantity', '10');
    form.set('daysSupply', '10');
    expect(form.draft()).toEqual({ therapy: 'T1', date: '2026-10-11', ndc: '00409733201', quantity: 10, daysSupply: 10, lot: null, expiry: null });
    const d = await form.save();
    expect(d?.id).toBe('D9');
    expect(form.message).toBe('Dispense D9 recorded: 10 UN of Ceftriaxone 2 g vial.');
    expect([form.f.patient, form.f.therapy, form.f.date, form.productQuery, form.f.quantity]).toEqual(['P1', 'T1', '2026-10-11', '', '']);
  });

  it('sends back the version it was opened on and keeps the other person’s changes under a refused save', async () => {
    const refusal = 'Dispense D1 was not saved: maria changed it at 2026-11-05 09:14 UTC, after you opened it. Reload it to see their change, then make yours again.';
    const api = new FakeApi((name) => {
      if (name === 'therapies.forPatient') return { ok: true, value: [] };
      if (name === 'dispenses.update') return { ok: false, error: { message: refusal, code: 'conflict', details: ['lot: CX1 → LOT-A'] } };
      return { ok: false, error: { message: `unexpected ${name}` } };
    });
    const form = new DispenseForm(api, { today: '2026-10-11' });
    const row = { id: 'D1', therapy: 'T1', date: '2026-10-01', ndc: ceftriaxone.ndc, quantity: 10, daysSupply: 10, lot: 'CX1', expiry: null, patient: 'P1', patientName: 'Garza, Helen', productName: ceftriaxone.name, hcpcs: 'J0696', ndcUnit: 'UN' as const };
    await form.edit({ row, version: 3, product: ceftriaxone, coversFrom: '2026-10-01', coversTo: '2026-10-10', billed: [] });
    form.set('lot', 'LOT-B');
    expect(await form.save()).toBeNull();
    expect((api.named('dispenses.update')[0]!.args as { version?: number; lot: string }).version).toBe(3);
    expect([form.error, form.details, form.editing]).toEqual([refusal, ['lot: CX1 → LOT-A'], 'D1']);
    // a refusal naming fields lists nothing under the message: each problem sits at its field
    api.answer = () => ({ ok: false, error: { message: 'no', fields: { quantity: 'is required' } } });
    expect(await form.save()).toBeNull();
    expect([form.error, form.details]).toEqual(['Dispense D1 was not changed. Please correct the fields marked below.', []]);
  });
});
