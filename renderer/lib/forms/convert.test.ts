import { describe, expect, it } from 'vitest';
import { dollarsToCents } from './convert.ts';

describe('dollars typed into a form', () => {
  it('become integer cents exactly, without floating point', () => {
    expect(['20', '12.5', '12.50', '$1,234.56', ' 0.07 ', '19.99', '1.1'].map(dollarsToCents)).toEqual([2000, 1250, 1250, 123456, 7, 1999, 110]);
  });

  it('blank is absent; anything else goes as typed so the check names the amount', () => {
    expect(['', '  ', '12.345', 'ten', '-5', '1e3'].map(dollarsToCents)).toEqual([undefined, undefined, '12.345', 'ten', '-5', '1e3']);
  });
});
