import { describe, expect, it } from 'vitest';
import { lineSource } from '../../electron/app/views/lineSources.ts';

describe('where a claim line came from', () => {
  it('points a per diem day at its therapy', () => {
    expect(lineSource('perdiem:T1:2026-10-04')).toEqual({
      key: 'perdiem:T1:2026-10-04', kind: 'therapy', id: 'T1', therapy: 'T1', date: '2026-10-04',
      label: 'Therapy T1, per diem day 2026-10-04',
    });
  });

  it('points drug and waste lines at the therapy with the NDC written 5-4-2', () => {
    expect(lineSource('drug:T1:00409733201:2026-10-01').label).toBe('Therapy T1, drug 00409-7332-01 given 2026-10-01');
    expect(lineSource('waste:T1:00409733201:2026-10-01')).toMatchObject({ kind: 'therapy', id: 'T1', date: '2026-10-01', label: 'Therapy T1, drug 00409-7332-01 discarded 2026-10-01' });
  });

  it('points nursing lines at the visit and its therapy', () => {
    const visits = new Map([['V7', { therapy: 'T2', date: '2026-10-09' }]]);
    expect(lineSource('visit:V7:99601', { visits, dispenses: new Map() })).toEqual({
      key: 'visit:V7:99601', kind: 'visit', id: 'V7', therapy: 'T2', date: '2026-10-09', label: 'Nurse visit V7 on 2026-10-09 (99601)',
    });
  });

  it('names a Medicare visit key and an NC Medicaid nursing day in words', () => {
    const visits = new Map([['V8', { therapy: 'T3', date: '2026-10-12' }]]);
    expect(lineSource('visit:V8:hit', { visits, dispenses: new Map() }).label).toBe('Nurse visit V8 on 2026-10-12 (Medicare home infusion visit)');
    expect(lineSource('t1030:P1002:medicaid-nc:2026-10-14')).toEqual({
      key: 't1030:P1002:medicaid-nc:2026-10-14', kind: 'other', id: null, therapy: null, date: '2026-10-14',
      label: "Nursing day of patient P1002 on 2026-10-14 (all of that day's visits)",
    });
  });

  it('points supplies at the dispense', () => {
    const dispenses = new Map([['D3', { therapy: 'T1', date: '2026-10-02' }]]);
    expect(lineSource('supply:D3', { visits: new Map(), dispenses })).toMatchObject({ kind: 'dispense', id: 'D3', therapy: 'T1', label: 'Dispense D3 on 2026-10-02' });
  });

  it('shows an unknown key as it is', () => {
    expect(lineSource('mystery:1')).toEqual({ key: 'mystery:1', kind: 'other', id: null, therapy: null, date: null, label: 'mystery:1' });
  });
});
