// The command line's one table layout (electron/cli/table.ts), shared by `perdiem ar`, `claims` and
// `followups`: columns as wide as their widest cell, two spaces apart, figures aligned on the right.
import { describe, expect, it } from 'vitest';
import { tableLines } from '../../electron/cli/table.ts';

describe('tableLines', () => {
  it('pads text columns on the right and figure columns on the left, with no trailing blanks', () => {
    expect(tableLines(['payer', '0-30', 'total'], [['bcbstx', '1602.00', '1602.00'], ['allways', '0.00', '7020.00']], 1)).toEqual([
      'payer       0-30    total',
      'bcbstx   1602.00  1602.00',
      'allways     0.00  7020.00',
    ]);
    // a blank last cell leaves no blanks at the end of its line
    expect(tableLines(['claim', 'batch'], [['C1', '']], 2)).toEqual(['claim  batch', 'C1']);
  });
});
