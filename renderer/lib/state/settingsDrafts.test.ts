import { describe, expect, it } from 'vitest';
import { codeDateRows, codeDatesOf, priorAuthMode, priorAuthOf, priorAuthText } from './settingsDrafts.ts';

describe('code dates as rows (R-CL-13)', () => {
  it('turn the map into rows and back, blank ends left out, codes in upper case', () => {
    const rows = codeDateRows({ S9563: { from: '2023-04-01' }, 'G0088-G0090': { from: '2021-01-01', to: null } });
    expect(rows).toEqual([
      { code: 'S9563', from: '2023-04-01', to: '' },
      { code: 'G0088-G0090', from: '2021-01-01', to: '' },
    ]);
    rows.push({ code: ' s9500 ', from: '', to: '2024-12-31' }, { code: '', from: '', to: '' });
    expect(codeDatesOf(rows)).toEqual({
      map: { S9563: { from: '2023-04-01' }, 'G0088-G0090': { from: '2021-01-01' }, S9500: { to: '2024-12-31' } },
      errors: {},
    });
  });

  it('refuse what a map cannot hold: a code twice, dates without a code', () => {
    expect(codeDatesOf([{ code: 'S9563', from: '2023-04-01', to: '' }, { code: 's9563', from: '', to: '2024-01-01' }, { code: ' ', from: '2020-01-01', to: '' }]).errors).toEqual({
      'settings.codeDates.S9563': 'S9563 has dates twice',
      'settings.codeDates': 'a row of code dates has dates but no code',
    });
  });

  it('leave the checking of codes and dates to the server', () => {
    expect(codeDatesOf([{ code: 'Q9', from: '2023-13-01', to: '' }])).toEqual({ map: { Q9: { from: '2023-13-01' } }, errors: {} });
  });
});

describe('prior authorization on the form (R-CL-5)', () => {
  it('reads all, none and a list', () => {
    expect([priorAuthMode('all'), priorAuthMode('none'), priorAuthMode(['G0088-G0090']), priorAuthMode(undefined)]).toEqual(['all', 'none', 'list', 'all']);
    expect(priorAuthText(['G0088-G0090', 'tpn'])).toBe('G0088-G0090, tpn');
    expect(priorAuthText('all')).toBe('');
  });

  it('writes the list as typed, split by commas and spaces', () => {
    expect(priorAuthOf('list', ' G0088-G0090,  B4164 tpn, antiInfective,')).toEqual(['G0088-G0090', 'B4164', 'tpn', 'antiInfective']);
    expect(priorAuthOf('list', '')).toEqual([]);
    expect(priorAuthOf('none', 'G0088')).toBe('none');
    expect(priorAuthOf('all', '')).toBe('all');
  });
});
