// Patient payments (R-CO-4 after the last payer) through the handler table on a stored office:
// P1002's October is built as two claims (1–15 and 16–31) that AllWays pays leaving 20.00 and
// 15.00 of coinsurance; the patient pays, the payments go oldest first or to the claim named, an
// overpayment is refused naming what is owed, a void restores every figure, and ar.report, the
// claims and the statement agree to the cent.
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AUDITED_REQUESTS, requestRule } from '../../electron/security/requests.ts';
import { can } from '../../electron/security/roles.ts';
import { statementText } from '../../electron/cob/index.ts';
import { monthStatements } from '../../electron/services/statements.ts';
import { getOrganization } from '../../db/repos/organization.ts';
import { cobImport, openHandlerOffice, type CobOffice } from '../support/cobOffice.ts';
import { upload } from '../support/remitOffice.ts';
import { respond } from '../support/testPayer.ts';

/** P1002 at AllWays, 2026-10-01..11 (20.00 coinsurance) and 2026-10-21 (15.00) */
const OLD = 'PDT8SEDGXZGVKZ';
const NEW = 'PDRRQ5DBPM098X';

let office: (CobOffice & { setNow(now: string): void }) | undefined;
afterEach(() => office?.store.close());

async function twoClaimsOwing() {
  const o = (office = openHandlerOffice('2026-11-26T09:00:00'));
  await o.call('app.importFile', { fileName: 'cob.json', text: cobImport() });
  await o.call('billing.build', { from: '2026-10-01', to: '2026-10-15' });
  await o.call('billing.build', { from: '2026-10-16', to: '2026-10-31' });
  const out = await o.call('billing.export837', { payer: 'allways', acceptWarnings: true });
  expect(out.claims).toEqual([NEW, OLD]);
  const r = respond(Buffer.from(out.file!.base64, 'base64').toString('latin1'), {
    payerId: '04293', payerName: 'ALLWAYS HEALTH PARTNERS', control: 50, now: '2026-11-12T08:00:00', default: { kind: 'pay' },
    claims: { [OLD]: { lines: { 1: { kind: 'pay', coinsuranceCents: 2000 } } }, [NEW]: { lines: { 1: { kind: 'pay', coinsuranceCents: 1500 } } } },
  });
  await o.call('remit.receive', upload('277.x12', r.ack277!));
  await o.call('remit.receive', upload('835.x12', r.remits[0]!));
  return o;
}

const money = async (o: CobOffice, id: string) => {
  const c = (await o.call('claims.list', { patient: 'P1002' })).find((x) => x.id === id)!;
  return { pr: c.patientResponsibilityCents, patientPaid: c.patientPaidCents, patientBalance: c.patientBalanceCents, open: c.balanceCents };
};
const arOf = async (o: CobOffice, asOf: string) => (await o.call('ar.report', { asOf })).patients.find((p) => p.patient === 'P1002');

async function statementPage(o: CobOffice): Promise<string> {
  const s = await o.call('statements.print', { month: '2026-10', patient: 'P1002' });
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(s.file.base64, 'base64')), verbosity: 0 }).promise;
  const c = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  return c.items.map((x) => ('str' in x ? x.str : '')).join('');
}

describe('patient payments', () => {
  it('apply to the oldest date of service first, to the cent, in claims.list, ar.report and the statement', async () => {
    const o = await twoClaimsOwing();
    expect(await arOf(o, '2026-11-26')).toEqual({ patient: 'P1002', name: 'Silva, Mateo', totalCents: 0, patientResponsibilityCents: 3500, patientPaidCents: 0 });

    o.setNow('2026-11-27T09:00:00');
    const first = await o.call('patientPayments.record', { patient: 'P1002', cents: 2500, receivedOn: '2026-11-20', method: 'check', reference: ' 1042 ' });
    expect(first.owedCents).toBe(1000);
    expect(first.payment).toMatchObject({ patient: 'P1002', cents: 2500, receivedOn: '2026-11-20', method: 'check', reference: '1042', forClaim: null, by: 'system', voided: null });
    expect(first.payment.applications).toEqual([{ claimId: OLD, cents: 2000 }, { claimId: NEW, cents: 500 }]);
    // R-AR-1 with the patient's payments: charge = paid + adjustments + PR + open, PR = patient paid + patient balance
    expect(await money(o, OLD)).toEqual({ pr: 2000, patientPaid: 2000, patientBalance: 0, open: 0 });
    expect(await money(o, NEW)).toEqual({ pr: 1500, patientPaid: 500, patientBalance: 1000, open: 0 });
    expect(await arOf(o, '2026-11-27')).toMatchObject({ patientResponsibilityCents: 1000, patientPaidCents: 2500 });

    // a payment for a named claim goes to that claim only
    o.setNow('2026-11-28T09:00:00');
    const second = await o.call('patientPayments.record', { patient: 'P1002', cents: 400, receivedOn: '2026-11-24', method: 'cash', claim: NEW });
    expect([second.payment.applications, second.owedCents]).toEqual([[{ claimId: NEW, cents: 400 }], 600]);
    expect(await money(o, NEW)).toEqual({ pr: 1500, patientPaid: 900, patientBalance: 600, open: 0 });

    // as of a day: only payments received and recorded by then
    expect(await arOf(o, '2026-11-26')).toMatchObject({ patientResponsibilityCents: 3500, patientPaidCents: 0 });
    expect(await arOf(o, '2026-11-27')).toMatchObject({ patientResponsibilityCents: 1000, patientPaidCents: 2500 });
    expect(await arOf(o, '2026-11-28')).toMatchObject({ patientResponsibilityCents: 600, patientPaidCents: 2900 });

    // the statement lists the payments on each claim and owes what is left (the lines the PDF prints)
    const [statement] = monthStatements(o.store.db, { month: '2026-10', patient: 'P1002', asOf: '2026-11-28' });
    expect(statementText(statement!, getOrganization(o.store.db)!).slice(7)).toEqual([
      'Dates of service        Claim          Payer                              Billed       Paid',
      '2026-10-01..2026-10-31  PDT8SEDGXZGVKZ                                  4,800.00',
      '    paid by AllWays Health Partners on 2026-11-12                                  4,780.00',
      '    paid by you on 2026-11-20 (check 1042)                                            20.00',
      '    adjustments                                                                        0.00',
      '    you owe                                                                            0.00',
      '2026-10-01..2026-10-31  PDRRQ5DBPM098X                                  2,220.00',
      '    paid by AllWays Health Partners on 2026-11-12                                  2,205.00',
      '    paid by you on 2026-11-20 (check 1042)                                             5.00',
      '    paid by you on 2026-11-24 (cash)                                                   4.00',
      '    adjustments                                                                        0.00',
      '    you owe                                                                            6.00',
      '',
      'Billed 7,020.00   insurance paid 6,985.00   adjustments 0.00   you paid 29.00',
      'AMOUNT DUE 6.00',
      '',
      'Aging: current 6.00   31-60 days 0.00   61-90 days 0.00   over 90 days 0.00',
      'Your insurance has processed these services; the amount due is your share under your plans.',
    ]);
    const page = await statementPage(o);
    for (const text of ['paid by you on 2026-11-20 (check 1042)', 'you paid 29.00', 'AMOUNT DUE 6.00']) expect(page).toContain(text);
    expect((await o.call('statements.print', { month: '2026-10' })).statements).toEqual([{ patient: 'P1002', name: 'Silva, Mateo', owedCents: 600 }]);
    expect((await o.call('patientPayments.list', { patient: 'P1002' })).map((p) => [p.id, p.cents, p.receivedOn])).toEqual([[second.payment.id, 400, '2026-11-24'], [first.payment.id, 2500, '2026-11-20']]);
  });

  it('refuse more than is owed naming the amount, a claim not owed on, a future date; nothing is written', async () => {
    const o = await twoClaimsOwing();
    await o.call('patientPayments.record', { patient: 'P1002', cents: 2500, receivedOn: '2026-11-20', method: 'check' });
    const before = o.store.db.prepare('SELECT count(*) FROM patient_payment_applications').pluck().get();
    expect(await o.refused('patientPayments.record', { patient: 'P1002', cents: 1001, receivedOn: '2026-11-25', method: 'card' })).toEqual({
      message: 'A payment of $10.01 is more than patient P1002 owes: $10.00', fields: { cents: 'more than the $10.00 the patient owes' }, details: ['cents: more than the $10.00 the patient owes'],
    });
    expect((await o.refused('patientPayments.record', { patient: 'P1002', cents: 1200, receivedOn: '2026-11-25', method: 'card', claim: NEW })).message)
      .toBe(`A payment of $12.00 is more than patient P1002 owes on claim ${NEW}: $10.00`);
    expect((await o.refused('patientPayments.record', { patient: 'P1002', cents: 100, receivedOn: '2026-11-25', method: 'card', claim: OLD })).fields)
      .toEqual({ claim: 'nothing is owed on it: it is paid' });
    expect((await o.refused('patientPayments.record', { patient: 'P1002', cents: 100, receivedOn: '2026-11-25', method: 'card', claim: 'PDMG2TY2V6MDT1' })).fields)
      .toEqual({ claim: 'is not a claim of patient P1002' });
    expect((await o.refused('patientPayments.record', { patient: 'P1002', cents: 100, receivedOn: '2026-11-27', method: 'card' })).fields).toEqual({ receivedOn: 'is after today (2026-11-26)' });
    expect((await o.refused('patientPayments.record', { patient: 'P1002', cents: 0, receivedOn: '2026-11-31', method: 'iou' })).fields).toEqual({
      cents: 'must be more than $0.00', receivedOn: 'is not a real date (YYYY-MM-DD)', method: 'is not one of check, cash, card, other',
    });
    expect((await o.refused('patientPayments.record', { patient: 'P9999', cents: 100, receivedOn: '2026-11-25', method: 'card' })).fields).toEqual({ patient: 'there is no patient P9999' });
    // P1001's claim is still with BCBS TX: nothing is the patient's yet
    expect((await o.refused('patientPayments.record', { patient: 'P1001', cents: 100, receivedOn: '2026-11-25', method: 'cash' })).message)
      .toBe('Patient P1001 owes nothing after their payers: there is nothing to pay');
    expect(o.store.db.prepare('SELECT count(*) FROM patient_payment_applications').pluck().get()).toBe(before);
    expect((await o.call('patientPayments.list', {})).length).toBe(1);
  });

  it('a void restores every balance exactly, as of its own day; it is a row of its own, never a delete', async () => {
    const o = await twoClaimsOwing();
    const before = { old: await money(o, OLD), new: await money(o, NEW), ar: await arOf(o, '2026-11-26') };
    const paid = await o.call('patientPayments.record', { patient: 'P1002', cents: 3100, receivedOn: '2026-11-20', method: 'card', reference: 'AUTH77' });
    expect(paid.owedCents).toBe(400);
    o.setNow('2026-11-28T10:00:00');
    expect((await o.refused('patientPayments.void', { id: paid.payment.id, reason: ' ' })).fields).toEqual({ reason: 'say why the payment is voided' });
    const voided = await o.call('patientPayments.void', { id: paid.payment.id, reason: 'card charge disputed' });
    expect(voided.owedCents).toBe(3500);
    expect(voided.payment.voided).toMatchObject({ on: '2026-11-28', reason: 'card charge disputed', by: 'system' });
    expect({ old: await money(o, OLD), new: await money(o, NEW), ar: await arOf(o, '2026-11-28') }).toEqual(before);
    // before the void's day the payment stood
    expect(await arOf(o, '2026-11-27')).toMatchObject({ patientResponsibilityCents: 400, patientPaidCents: 3100 });
    expect(await o.fail('patientPayments.void', { id: paid.payment.id, reason: 'again' })).toBe(`Patient payment ${paid.payment.id} was voided already on 2026-11-28 by system`);
    expect(await o.fail('patientPayments.void', { id: 999, reason: 'x' })).toBe('There is no patient payment 999');
    // the whole amount can be paid again once the void gave it back
    expect((await o.call('patientPayments.record', { patient: 'P1002', cents: 3500, receivedOn: '2026-11-28', method: 'check' })).owedCents).toBe(0);
    expect(await arOf(o, '2026-11-28')).toMatchObject({ patientResponsibilityCents: 0, patientPaidCents: 3500 });
    expect(await o.fail('statements.print', { month: '2026-10' })).toBe('No patient owes anything for services in 2026-10: there is no statement to print');

    const db = o.store.db;
    expect(db.prepare(`SELECT kind, cents, received_on, voids FROM patient_payments ORDER BY id`).raw().all()).toEqual([
      ['payment', 3100, '2026-11-20', null], ['void', -3100, '2026-11-28', paid.payment.id], ['payment', 3500, '2026-11-28', null],
    ]);
    expect(() => db.prepare('DELETE FROM patient_payments').run()).toThrow('patient payments are voided, never deleted');
    expect(() => db.prepare('UPDATE patient_payment_applications SET cents = 1').run()).toThrow('a patient payment application is never changed: void its payment');
    // audited as events of their own, besides the rows' own audit triggers
    // (refused attempts too: the blank reason, the second void, the unknown id)
    const actions = db.prepare(`SELECT action, json_extract(after, '$.ok') FROM audit_log WHERE entity = 'request' AND entity_id LIKE 'patientPayments.%' ORDER BY id`).raw().all();
    expect(actions).toEqual([['payments.record', 1], ['payments.void', 0], ['payments.void', 1], ['payments.void', 0], ['payments.void', 0], ['payments.record', 1]]);
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'patient_payment_applications' AND action = 'create'`).pluck().get()).toBe(6);
  });

  it('are for billers and administrators, never nurses; recording and voiding are audited', () => {
    for (const name of ['patientPayments.record', 'patientPayments.void', 'patientPayments.list']) {
      const rule = requestRule(name);
      if (rule === 'public' || rule === 'signedIn') throw new Error(`${name} is open to ${rule}`);
      expect([name, can('biller', rule), can('admin', rule), can('nurse', rule)]).toEqual([name, true, true, false]);
    }
    expect([AUDITED_REQUESTS['patientPayments.record'], AUDITED_REQUESTS['patientPayments.void']]).toEqual(['payments.record', 'payments.void']);
  });
});
