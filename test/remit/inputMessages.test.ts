// What a biller types into the money side is refused with the field named in words: the month's
// statements for one patient (blank, unknown) and the office's follow-up limits (not whole days).
// Nothing is written by a refusal.
import { afterEach, describe, expect, it } from 'vitest';
import { cobImport, openHandlerOffice, type CobOffice } from '../support/cobOffice.ts';

let office: CobOffice | undefined;
afterEach(() => office?.store.close());

describe('money-side input messages', () => {
  it('statements.print: a blank patient and a patient who is not in the records are named as such', async () => {
    const o = (office = openHandlerOffice('2026-11-26T09:00:00'));
    await o.call('app.importFile', { fileName: 'cob.json', text: cobImport() });
    expect((await o.refused('statements.print', { month: '2026-10', patient: ' ' })).fields).toEqual({ patient: 'must not be empty: leave it out for every patient' });
    expect(await o.refused('statements.print', { month: '2026-10', patient: 'P9999' })).toEqual({
      message: 'There is no patient P9999', fields: { patient: 'there is no patient P9999' }, details: ['patient: there is no patient P9999'],
    });
    // a patient who is in the records but owes nothing keeps the month's own message
    expect(await o.fail('statements.print', { month: '2026-10', patient: 'P1002' })).toBe('No patient owes anything for services in 2026-10 (patient P1002): there is no statement to print');
  });

  it('remit.saveFollowUpDays: days are whole numbers from 0 to 365; the limits stand unchanged after a refusal', async () => {
    const o = (office = openHandlerOffice('2026-11-26T09:00:00'));
    const before = (await o.call('remit.followUps', undefined)).days;
    expect((await o.refused('remit.saveFollowUpDays', { syntaxDays: 1.5, acceptanceDays: -1, remittanceDays: 400 })).fields).toEqual({
      syntaxDays: 'is not a whole number of days', acceptanceDays: 'at least 0 days', remittanceDays: 'at most 365 days',
    });
    expect((await o.refused('remit.saveFollowUpDays', { syntaxDays: '2', acceptanceDays: 7, remittanceDays: 30 })).fields).toEqual({ syntaxDays: 'is not a number of days' });
    expect((await o.call('remit.followUps', undefined)).days).toEqual(before);
  });
});
