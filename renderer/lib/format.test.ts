import { describe, expect, it } from 'vitest';
import { addDays, age, capitalized, day, hoursMinutes, money, monthRange, ndc542, previousMonth, price, span, stamp, usDate } from './format.ts';
import { cleanDraft, getPath, setPath, unplacedErrors } from './forms/records.ts';
import { formatHash, parseHash } from './state/router.svelte.ts';

describe('how the screens write numbers and dates', () => {
  it('writes cents as dollars and micro-dollar prices with the digits they need', () => {
    expect(money(160200)).toBe('$1,602.00');
    expect(price(4_250_000)).toBe('$4.25');
    expect(price(1_234_500)).toBe('$1.2345');
  });

  it('writes ISO dates without shifting them through a time zone', () => {
    expect(day('2026-10-01')).toBe('Oct 1, 2026');
    expect(span('2026-10-01', '2026-10-01')).toBe('Oct 1, 2026');
    expect(span('2026-10-01', '2026-10-31')).toBe('Oct 1 – 31, 2026');
    expect(span('2026-10-24', '2026-11-03')).toBe('Oct 24 – Nov 3, 2026');
    expect(span('2026-12-28', '2027-01-03')).toBe('Dec 28, 2026 – Jan 3, 2027');
  });

  it('finds the previous month, across a year end and in February', () => {
    expect(previousMonth('2026-11-05')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-13')).toBeNull();
  });

  it('writes chart dates US style, ages in whole years and days added in UTC', () => {
    expect(usDate('2026-10-03')).toBe('10/03/2026');
    expect(usDate('not a date')).toBe('not a date');
    expect(age('1950-10-04', '2026-10-03')).toBe(75);
    expect(age('1950-10-03', '2026-10-03')).toBe(76);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('writes stored timestamps to the minute, or to the second for the audit trail', () => {
    expect(stamp('2026-10-04T09:30:12.345Z')).toBe('2026-10-04 09:30');
    expect(stamp('2026-10-04T09:30:12.345Z', true)).toBe('2026-10-04 09:30:12');
  });

  it('writes NDCs 5-4-2, visit lengths in hours and minutes, and large sums with separators', () => {
    expect(ndc542('00409488820')).toBe('00409-4888-20');
    expect(ndc542('0409-4888-20')).toBe('0409-4888-20');
    expect(hoursMinutes(45)).toBe('45 min');
    expect(hoursMinutes(125)).toBe('2 h 05 min');
    expect(money(123456789)).toBe('$1,234,567.89');
    expect(money(5)).toBe('$0.05');
  });
});

describe('record forms', () => {
  it('reads and writes nested paths', () => {
    const rec: Record<string, unknown> = { address: null };
    setPath(rec, 'address.city', 'Austin');
    expect(getPath(rec, 'address.city')).toBe('Austin');
    expect(getPath(rec, 'missing.city')).toBeUndefined();
  });

  it('turns blanks into absent values and an empty address into none', () => {
    const rec = { name: ' Ann ', phone: '', address: { line1: '', city: '' }, billing: { line1: ' 1 Main ', city: '' }, n: 0 };
    cleanDraft(rec);
    expect(rec).toEqual({ name: 'Ann', phone: null, address: null, billing: { line1: '1 Main', city: null }, n: 0 });
  });

  it('lists the errors no field on the form shows', () => {
    expect(unplacedErrors({ npi: 'bad', 'address.zip': 'short' }, [{ path: 'npi', label: 'NPI' }])).toEqual(['address.zip: short']);
  });
});

describe('routes in the address bar', () => {
  it('round-trips a screen with its parameters', () => {
    const hash = formatHash({ screen: 'patients', params: { patient: 'P1001', therapy: 'T1' } });
    expect(hash).toBe('#/patients?patient=P1001&therapy=T1');
    expect(parseHash(hash)).toEqual({ screen: 'patients', params: { patient: 'P1001', therapy: 'T1' } });
  });

  it('falls back to the patients screen for an unknown route', () => {
    expect(parseHash('#/nowhere')).toEqual({ screen: 'patients', params: {} });
    expect(parseHash('')).toEqual({ screen: 'patients', params: {} });
  });
});

describe('a server message as a sentence', () => {
  it('starts with a capital; an empty message stays empty', () => {
    expect(['drafted claim C-2 to AllWays', 'No claim', ''].map(capitalized)).toEqual(['Drafted claim C-2 to AllWays', 'No claim', '']);
  });
});
