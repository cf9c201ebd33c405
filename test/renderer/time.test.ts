import { describe, expect, it } from 'vitest';
import { normalizeTime, parseTimeInput } from '../../renderer/screens/visits/time.ts';

describe('quick time entry', () => {
  it('reads the ways nurses write times', () => {
    expect(['9:30', '09:30', '9.30', '930', '0930', '9', '17:45', '1745', '5:30 pm', '5:30p', '12am', '12:15pm', '0'].map(normalizeTime)).toEqual([
      '09:30', '09:30', '09:30', '09:30', '09:30', '09:00', '17:45', '17:45', '17:30', '17:30', '00:00', '12:15', '00:00',
    ]);
  });

  it('leaves what is not a time as typed, for the check to name', () => {
    expect(['25:00', '9:75', '13pm', 'noon', '99'].map(normalizeTime)).toEqual(['25:00', '9:75', '13pm', 'noon', '99']);
    expect(parseTimeInput('24')).toBeNull();
  });
});
