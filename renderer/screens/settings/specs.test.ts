// "every value still editable" (issue: profiles): each payer setting has a control on the settings
// screen — a field of PAYER_RULES, or one of the two editors beside the form.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYER_SETTINGS } from '../../../electron/domain/settings.ts';
import { PAYER_RULES } from './specs.ts';

const BESIDE_THE_FORM = ['settings.priorAuthRequiredFor', 'settings.codeDates']; // PriorAuthField, CodeDateRows

describe('the payer form', () => {
  it('has a control for every setting', () => {
    const shown = new Set([...PAYER_RULES.map((s) => s.path), ...BESIDE_THE_FORM]);
    expect(Object.keys(DEFAULT_PAYER_SETTINGS).map((k) => `settings.${k}`).filter((p) => !shown.has(p))).toEqual([]);
  });

  it('offers compoundKpKq as false, true and paper, typed as the setting is', () => {
    expect(PAYER_RULES.find((s) => s.path === 'settings.compoundKpKq')?.options?.map((o) => o.value)).toEqual([false, true, 'paper']);
  });
});
