import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insuranceTypeBox } from '../../electron/export/cms1500/fields.ts';
import {
  addressText,
  cityStateZip,
  dateLong,
  dateShort,
  idText,
  lastFirstMiddle,
  money,
  ndcSupplemental,
  phoneParts,
  quantity,
} from '../../electron/export/cms1500/format.ts';
import { pdfNumber, pdfString } from '../../electron/export/cms1500/content.ts';
import { decimal } from '../../electron/export/x12/format.ts';

describe('NUCC value formats', () => {
  it('writes amounts as %5d %02d without $, comma or decimal point', () => {
    expect(money(25000)).toBe('  250 00');
    expect(money(125)).toBe('    1 25');
    expect(money(5)).toBe('    0 05');
    expect(money(9999999)).toBe('99999 99');
    expect(() => money(-1)).toThrow();
    expect(() => money(1.5)).toThrow();
  });

  it('gives back the cents it was given, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (cents) => {
        const [dollars, cc] = money(cents).trim().split(' ');
        expect(Number(dollars) * 100 + Number(cc)).toBe(cents);
        expect(cc).toHaveLength(2);
      }),
    );
  });

  it('writes units and NDC quantities without leading or trailing zeros, at most 3 decimals', () => {
    expect([1, 2.5, 0.25, 0.75, 1 / 3, 250, 12.125].map(quantity)).toEqual(['1', '2.5', '0.25', '0.75', '0.333', '250', '12.125']);
    expect(ndcSupplemental('00409487501', 'ML', 250)).toBe('N400409487501   ML250');
  });

  it('rounds a quantity half up at the third decimal, as the 837P writes the same line', () => {
    expect([1.0005, 0.0005, 2.4994, 2.4995].map(quantity)).toEqual(['1.001', '0.001', '2.499', '2.5']);
    expect([1.0005, 0.0005, 2.4994, 2.4995].map((n) => decimal(n, 3))).toEqual(['1.001', '0.001', '2.499', '2.5']);
  });

  it('writes dates with blanks on the dotted rules', () => {
    expect(dateShort('2026-10-01')).toBe('10 01 26');
    expect(dateLong('1958-04-12')).toBe('04 12 1958');
  });

  it('writes names as LAST, FIRST, M in upper case with hyphens kept and other marks dropped', () => {
    expect(lastFirstMiddle("O'Brien-Núñez", 'José Luis', 'maria')).toBe('OBRIEN-NUNEZ, JOSE LUIS, M');
    expect(lastFirstMiddle('Doe', 'Jane', null)).toBe('DOE, JANE');
    expect(lastFirstMiddle('Smith, Jr.', 'John', '')).toBe('SMITH JR, JOHN');
  });

  it('writes addresses and ids without punctuation', () => {
    expect(addressText('123 N. Main Street, #101')).toBe('123 N MAIN STREET 101');
    expect(cityStateZip('St. Louis', 'mo', '63101-1234')).toBe('ST LOUIS MO 631011234');
    expect(idText('pa-2026 0101')).toBe('PA20260101');
    expect(phoneParts('(312) 555-0199')).toEqual({ area: '312', number: '5550199' });
    expect(phoneParts('+1 312 555 0199')).toEqual({ area: '312', number: '5550199' });
    expect(phoneParts('555-0199')).toBeNull();
  });

  it('picks the item 1 box from the filing indicator, Other when unknown', () => {
    expect(['MB', 'MA', 'mc', 'CH', 'VA', 'BL', 'CI', '16', 'WC', null].map(insuranceTypeBox)).toEqual([
      '1_medicare', '1_medicare', '1_medicaid', '1_tricare', '1_champva', '1_group', '1_group', '1_other', '1_other', '1_other',
    ]);
  });

  it('writes PDF numbers and strings the way the page content needs them', () => {
    expect([21.6, 374.4 - 3, 0, -0.0001, 243 + 1.5, 1e-7].map(pdfNumber)).toEqual(['21.6', '371.4', '0', '0', '244.5', '0']);
    expect(pdfString('A (B) \\ C')).toBe('(A \\(B\\) \\\\ C)');
    expect(pdfString('É')).toBe('(?)');
  });
});
