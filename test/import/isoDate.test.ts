// The one date check every layer uses (domain/isoDate.ts): import, handler arguments, 835 and 837P
// readers. Written without a regex for the readers' sake, so its calendar is spelled out here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMonth, isRealDate } from '../../electron/domain/isoDate.ts';

describe('a real ISO date', () => {
  it('takes days that exist, leap days by the Gregorian rule, years 1900–2199', () => {
    expect(['2026-01-31', '2026-04-30', '2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31'].filter((s) => !isRealDate(s))).toEqual([]);
  });

  it('refuses days that do not exist and years outside the range', () => {
    const bad = ['2026-02-29', '2100-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '1899-12-31', '2200-01-01'];
    expect(bad.filter(isRealDate)).toEqual([]);
  });

  it('agrees with the calendar of Date.UTC on every year, month and day number', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const t = new Date(Date.UTC(y, m - 1, d));
        const real = y >= 1900 && y <= 2199 && m >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
        expect(isRealDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(real);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any other shape: short parts, other separators, spaces, signs, a time', () => {
    const bad = ['2026-1-01', '2026-01-1', '26-01-01', '2026/01/01', '20260101', ' 2026-01-01', '2026-01-01 ', '2026-01-01T00:00', '+026-01-01', '2026-0a-01', '2026--1-01', ''];
    expect(bad.filter(isRealDate)).toEqual([]);
  });
});

describe('a month YYYY-MM (statements)', () => {
  it('takes a calendar month and nothing else', () => {
    expect(['2026-01', '2026-12', '2024-02'].map(isMonth)).toEqual([true, true, true]);
    expect(['2026-13', '2026-00', '2026-1', '2026-01-01', '1899-12', ''].map(isMonth)).toEqual([false, false, false, false, false, false]);
  });
});
