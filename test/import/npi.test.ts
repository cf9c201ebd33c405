import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from '../../electron/domain/npi.ts';

describe('NPI check digit (Luhn with the 80840 prefix)', () => {
  it('accepts the NPIs of the example file', () => {
    for (const npi of ['1234567893', '1992753883', '1765432103', '1456789019']) expect(isValidNpi(npi), npi).toBe(true);
  });
  it('computes the check digit of the CMS worked example 123456789 as 3', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
  });
  it('rejects every other last digit', () => {
    for (let d = 0; d <= 9; d++) expect(isValidNpi(`123456789${d}`)).toBe(d === 3);
  });
  it('rejects wrong lengths and non-digits', () => {
    for (const bad of ['123456789', '12345678933', '12345678X3', '']) expect(isValidNpi(bad), bad).toBe(false);
  });
});
