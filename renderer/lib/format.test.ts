import { describe, expect, it } from 'vitest';
import { day, money, monthRange, previousMonth, price, span } from './format.ts';
import { cleanRecord, getPath, setPath, unplacedErrors } from './forms.ts';
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
});

describe('record forms', () => {
  it('reads and writes nested paths', () => {
    const rec: Record<string, unknown> = { address: null };
    setPath(rec, 'address.city', 'Austin');
    expect(getPath(rec, 'address.city')).toBe('Austin');
    expect(getPath(rec, 'missing.city')).toBeUndefined();
  });

  it('turns blanks into absent values and an empty address into none', () => {
    expect(cleanRecord({ name: ' Ann ', phone: '', address: { line1: '', city: '' }, n: 0 })).toEqual({ name: 'Ann', phone: null, address: null, n: 0 });
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
