import { describe, expect, it } from 'vitest';
import type { PatientHit } from '../../renderer/lib/contract.ts';
import { PatientSearch } from '../../renderer/screens/patients/lib/patientSearch.svelte.ts';
import { FakeApi, FakeTimers, settle } from './fakes.ts';

const hit = (id: string, lastName: string): PatientHit => ({ id, firstName: 'A', lastName, middle: null, dob: '1950-01-01', sex: 'F', memberIds: [], matched: 'name' });
const office = [hit('P1', 'Garza'), hit('P2', 'Garcia'), hit('P3', 'Gates')];

function setup() {
  const api = new FakeApi((_n, args) => {
    const q = (args as { query: string }).query.toLowerCase();
    return { ok: true, value: office.filter((p) => p.lastName.toLowerCase().startsWith(q)) };
  });
  const timers = new FakeTimers();
  return { api, timers, search: new PatientSearch(api, { delayMs: 200, timers }) };
}

describe('patient search as you type', () => {
  it('asks once, after a pause in typing, with the last query', async () => {
    const { api, timers, search } = setup();
    search.type('g');
    timers.advance(100);
    search.type('ga');
    timers.advance(100);
    search.type('gar');
    expect(api.calls).toHaveLength(0);
    timers.advance(200);
    await settle();
    expect(api.named('patients.search').map((c) => c.args)).toEqual([{ query: 'gar', limit: 50 }]);
    expect(search.results.map((r) => r.id)).toEqual(['P1', 'P2']);
    expect(search.answered).toBe('gar');
  });

  it('ignores an answer that comes back after a newer one', async () => {
    const { api, search } = setup();
    api.hold = true;
    search.query = 'ga';
    const first = search.search();
    search.query = 'gat';
    const second = search.search();
    const [old, latest] = api.held;
    latest!.release({ ok: true, value: [office[2]] });
    await second;
    old!.release({ ok: true, value: [office[0], office[1]] });
    await first;
    expect(search.results.map((r) => r.id)).toEqual(['P3']);
    expect(search.loading).toBe(false);
  });

  it('moves through the results with the arrow keys and picks with Enter', async () => {
    const { search } = setup();
    search.query = 'ga';
    await search.search();
    expect(search.active).toBe(0);
    expect(search.key('ArrowDown').handled).toBe(true);
    expect(search.highlighted?.id).toBe('P2');
    search.key('ArrowDown');
    search.key('ArrowDown');
    expect(search.highlighted?.id).toBe('P3');
    search.key('ArrowUp');
    expect(search.key('Enter')).toEqual({ handled: true, picked: office[1] });
  });

  it('has nothing to pick when nothing matched, and Escape clears the query', async () => {
    const { search, timers, api } = setup();
    search.query = 'zz';
    await search.search();
    expect(search.key('Enter')).toEqual({ handled: false, picked: null });
    expect(search.key('Escape').handled).toBe(true);
    expect(search.query).toBe('');
    timers.advance(200);
    await settle();
    expect(api.named('patients.search').at(-1)!.args).toEqual({ query: '', limit: 50 });
  });

  it('shows the store’s message when the search fails', async () => {
    const api = new FakeApi(() => ({ ok: false, error: { message: 'The office database is locked' } }));
    const search = new PatientSearch(api, { timers: new FakeTimers() });
    search.query = 'x';
    await search.search();
    expect([search.error, search.results, search.active]).toEqual(['The office database is locked', [], -1]);
  });
});
