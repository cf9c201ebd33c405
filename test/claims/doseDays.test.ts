import { describe, expect, it } from 'vitest';
import { toDay, toIso } from '../../electron/claims/dates.ts';
import { doseDays } from '../../electron/claims/rules/doseDays.ts';
import type { Therapy } from '../../electron/domain/types.ts';
import { therapy } from './fixture.ts';

function days(t: Therapy, from = '2026-10-01', to = '2026-10-31'): Record<string, number> {
  const m = doseDays(t, toDay(from), toDay(to));
  return Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([d, n]) => [toIso(d), n]));
}

describe('dose days (billing-rules §1)', () => {
  it('gives 24/N doses every day for everyHours schedules', () => {
    expect(days(therapy({ id: 'T', schedule: { everyHours: 8 }, start: '2026-10-01', stop: '2026-10-03' }))).toEqual({
      '2026-10-01': 3, '2026-10-02': 3, '2026-10-03': 3,
    });
    expect(Object.values(days(therapy({ id: 'T', schedule: { everyHours: 4 }, stop: '2026-10-01' })))).toEqual([6]);
  });

  it('counts every 10 days from the start, and holds do not shift the cycle', () => {
    expect(Object.keys(days(therapy({ id: 'T', schedule: { everyDays: 10 }, start: '2026-10-01', stop: '2026-10-30' })))).toEqual([
      '2026-10-01', '2026-10-11', '2026-10-21',
    ]);
    const held = therapy({ id: 'T', schedule: { everyDays: 10 }, start: '2026-10-01', stop: '2026-10-30', holds: [{ from: '2026-10-10', to: '2026-10-12' }] });
    expect(Object.keys(days(held))).toEqual(['2026-10-01', '2026-10-21']);
  });

  it('gives one dose a week on the weekday of the start', () => {
    expect(Object.keys(days(therapy({ id: 'T', schedule: { weekly: true }, start: '2026-09-30', stop: null })))).toEqual([
      '2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28',
    ]);
  });

  it('gives a monthly dose on the start day of month, clamped to short months (31st)', () => {
    const t = therapy({ id: 'T', schedule: { monthly: true }, start: '2026-01-31', stop: null });
    expect(Object.keys(days(t, '2026-01-01', '2026-05-31'))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(Object.keys(days(t, '2028-02-01', '2028-02-29'))).toEqual(['2028-02-29']);
  });

  it('leaves out holds on the first and the last day, inclusive', () => {
    const t = therapy({
      id: 'T', schedule: { continuous: true }, start: '2026-10-01', stop: '2026-10-05',
      holds: [{ from: '2026-10-01', to: '2026-10-01' }, { from: '2026-10-05', to: '2026-10-05' }],
    });
    expect(Object.keys(days(t))).toEqual(['2026-10-02', '2026-10-03', '2026-10-04']);
  });

  it('treats a hold without an end as open-ended', () => {
    const t = therapy({ id: 'T', start: '2026-10-01', stop: null, holds: [{ from: '2026-10-03' }] });
    expect(Object.keys(days(t))).toEqual(['2026-10-01', '2026-10-02']);
  });

  it('applies dose overrides only inside the therapy and outside holds', () => {
    const t = therapy({
      id: 'T', schedule: { everyDays: 10 }, start: '2026-10-01', stop: '2026-10-20', holds: [{ from: '2026-10-15', to: '2026-10-16' }],
      doses: [
        { date: '2026-10-01', given: false }, // removes the only dose: not a dose day
        { date: '2026-10-05', given: true }, // adds a dose on an off day
        { date: '2026-10-15', given: true }, // inside a hold: ignored
        { date: '2026-10-25', given: true }, // after stop: ignored
        { date: '2026-10-11', given: true }, // a second dose on a scheduled day
      ],
    });
    expect(days(t)).toEqual({ '2026-10-05': 1, '2026-10-11': 2 });
  });

  it('removes one dose of several with given: false', () => {
    const t = therapy({ id: 'T', schedule: { everyHours: 8 }, stop: '2026-10-02', doses: [{ date: '2026-10-02', given: false }] });
    expect(days(t)).toEqual({ '2026-10-01': 3, '2026-10-02': 2 });
  });
});

describe('dose overrides in any order (§1)', () => {
  it('gives the same dose days whatever the order of the overrides of one date', () => {
    // 2026-10-02 has no scheduled dose (every 2 days from 10-01)
    const base = { id: 'T', schedule: { everyDays: 2 }, start: '2026-10-01', stop: '2026-10-03' } as const;
    const removeThenAdd = therapy({ ...base, doses: [{ date: '2026-10-02', given: false }, { date: '2026-10-02', given: true }] });
    const addThenRemove = therapy({ ...base, doses: [{ date: '2026-10-02', given: true }, { date: '2026-10-02', given: false }] });
    expect(days(removeThenAdd)).toEqual({ '2026-10-01': 1, '2026-10-03': 1 });
    expect(days(addThenRemove)).toEqual({ '2026-10-01': 1, '2026-10-03': 1 });
    const twiceAdded = therapy({ ...base, doses: [{ date: '2026-10-02', given: true }, { date: '2026-10-02', given: false }, { date: '2026-10-02', given: true }] });
    expect(days(twiceAdded)).toEqual({ '2026-10-01': 1, '2026-10-02': 1, '2026-10-03': 1 });
  });
});
