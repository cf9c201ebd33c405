import { describe, expect, it } from 'vitest';
import { dollarsToCents, listOf, listText } from './convert.ts';

describe('dollars typed into a form', () => {
  it('become integer cents exactly, without floating point', () => {
    expect(['20', '12.5', '12.50', '$1,234.56', ' 0.07 ', '19.99', '1.1'].map(dollarsToCents)).toEqual([2000, 1250, 1250, 123456, 7, 1999, 110]);
  });

  it('blank is absent; anything else goes as typed so the check names the amount', () => {
    expect(['', '  ', '12.345', 'ten', '-5', '1e3'].map(dollarsToCents)).toEqual([undefined, undefined, '12.345', 'ten', '-5', '1e3']);
  });
});

describe('a list typed in one field', () => {
  it('splits on commas and spaces, keeps entries as typed, and shows them joined by a comma', () => {
    expect(listOf(' G0088-G0090,  B4164 tpn, antiInfective,')).toEqual(['G0088-G0090', 'B4164', 'tpn', 'antiInfective']);
    expect(listOf('')).toEqual([]);
    expect([listText(['J1642', 'A4216']), listText([]), listText(null), listText('all')]).toEqual(['J1642, A4216', '', '', '']);
  });
});
