import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNdc, normalizeNdc } from '../../electron/import/ndc.ts';

describe('normalizeNdc (R-DR-1)', () => {
  it('puts a 0 before the labeler of a 4-4-2 NDC', () => {
    expect(normalizeNdc('0409-7332-01')).toEqual({ ok: true, ndc: '00409733201' });
  });
  it('puts a 0 before the product code of a 5-3-2 NDC', () => {
    expect(normalizeNdc('63323-284-20')).toEqual({ ok: true, ndc: '63323028420' });
  });
  it('puts a 0 before the package code of a 5-4-1 NDC', () => {
    expect(normalizeNdc('25021-0100-1')).toEqual({ ok: true, ndc: '25021010001' });
  });
  it('keeps a hyphenated 5-4-2 NDC and drops the hyphens', () => {
    expect(normalizeNdc('00944-2700-04')).toEqual({ ok: true, ndc: '00944270004' });
  });
  it('keeps 11 plain digits as they are', () => {
    expect(normalizeNdc('00409733201')).toEqual({ ok: true, ndc: '00409733201' });
  });
  it('rejects 10 digits without hyphens as ambiguous', () => {
    expect(normalizeNdc('0409733201')).toEqual({ ok: false, error: '10 digits without hyphens is ambiguous' });
  });
  it('rejects garbage, wrong segment lengths and 12 digits', () => {
    for (const bad of ['abc', '0409-73320-1', '409-7332-01', '004097332011', '00409-7332-011', '']) {
      const r = normalizeNdc(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toBe(`'${bad}' is not an NDC (use 4-4-2, 5-3-2, 5-4-1 or 5-4-2 with hyphens, or 11 digits)`);
    }
  });
  it('formats 11 digits as 5-4-2 for people to read', () => {
    expect(formatNdc('00409733201')).toBe('00409-7332-01');
  });

  it('turns every hyphenated layout into the same 11 digits a 5-4-2 reading gives', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(fc.constantFrom([4, 4, 2], [5, 3, 2], [5, 4, 1], [5, 4, 2]), digits(5), digits(4), digits(2), ([l, p, k], lab, prod, pkg) => {
        const input = `${lab.slice(0, l)}-${prod.slice(0, p)}-${pkg.slice(0, k)}`;
        const r = normalizeNdc(input);
        const expected = `${lab.slice(0, l).padStart(5, '0')}${prod.slice(0, p).padStart(4, '0')}${pkg.slice(0, k).padStart(2, '0')}`;
        expect(r).toEqual({ ok: true, ndc: expected });
        expect(formatNdc(expected).replace(/-/g, '')).toBe(expected);
      }),
    );
  });
});
