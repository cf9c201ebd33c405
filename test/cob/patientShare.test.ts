// R-CO-4: after the last payer, the patient responsibility is the patient's balance, shown on a
// monthly statement (model and PDF read back).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { patientShares } from '../../electron/cob/patientShare.ts';
import { statements } from '../../electron/cob/statement.ts';
import { renderStatements, statementText } from '../../electron/cob/statementPdf.ts';
import { adjudicate, chain, PATIENT, RECORDS } from './fixture.ts';

const { primary, secondary, tertiary } = chain();
const third = adjudicate({ ...tertiary, status: 'exported' }, {
  default: { kind: 'deny', group: 'CO', reason: '96' }, payerName: 'STATE MEDICAID', payerId: '77001', now: '2026-11-25T08:00:00', control: 30,
  claims: { 'C2610P1001A-3': { lines: { 1: { kind: 'pay', allowedCents: 1160, copayCents: 300 } } } },
}, 321);
const claims = [primary.claim, secondary.claim, third.claim];
const postings = [...primary.postings, ...secondary.postings, ...third.postings];
const twoCoverages = { ...PATIENT, coverages: PATIENT.coverages.filter((c) => c.priority < 3) };

describe('R-CO-4 last payer', () => {
  it('R-CO-4: three payers: the tertiary\'s copay of 3.00 is the patient\'s, from its remittance date', () => {
    const [share] = patientShares({ claims, postings, patients: [PATIENT], payers: RECORDS.payers });
    expect(share).toEqual({
      patient: 'P1001', claimId: 'C2610P1001A', lastClaimId: 'C2610P1001A-3', claims: ['C2610P1001A', 'C2610P1001A-2', 'C2610P1001A-3'], from: '2026-10-01', to: '2026-10-31', serviceFrom: '2026-10-01', chargeCents: 32400,
      payers: [
        { payer: 'bcbstx', payerName: 'Blue Cross and Blue Shield of Texas', claimId: 'C2610P1001A', paidCents: 16800, adjustedCents: 6400, adjudicatedOn: '2026-11-10' },
        { payer: 'allways', payerName: 'AllWays Health Partners', claimId: 'C2610P1001A-2', paidCents: 7540, adjustedCents: 23200, adjudicatedOn: '2026-11-18' },
        { payer: 'statemcd', payerName: 'State Medicaid', claimId: 'C2610P1001A-3', paidCents: 860, adjustedCents: 31240, adjudicatedOn: '2026-11-25' },
      ],
      patientCents: 300, patientPaidCents: 0, patientPayments: [], state: 'patient', since: '2026-11-25', note: 'after statemcd, the last payer',
    });
  });

  it('R-CO-4: two coverages: after the secondary the patient owes its 16.60 (coinsurance 11.60 + copay 5.00), less what they paid', () => {
    const [share] = patientShares({ claims: [primary.claim, secondary.claim], postings, patients: [twoCoverages], payers: RECORDS.payers, patientPayments: [{ claimId: 'C2610P1001A-2', cents: 600, paymentId: 1, receivedOn: '2026-11-20', method: 'check', reference: '1042' }] });
    expect([share!.state, share!.patientCents, share!.patientPaidCents, share!.since]).toEqual(['patient', 1060, 600, '2026-11-18']);
  });

  it('R-CO-4: patient responsibility with a coverage left is not the patient\'s yet; an unanswered claim waits', () => {
    const [next] = patientShares({ claims: [primary.claim], postings, patients: [PATIENT], payers: RECORDS.payers });
    expect([next!.state, next!.patientCents, next!.note]).toEqual(['next-payer', 0, 'bcbstx left 9200 cents of patient responsibility; bill allways (priority 2) first']);
    const [waiting] = patientShares({ claims, postings: [...primary.postings, ...secondary.postings], patients: [PATIENT], payers: RECORDS.payers });
    expect([waiting!.state, waiting!.patientCents, waiting!.note]).toEqual(['awaiting-payer', 0, 'waiting for statemcd to answer claim C2610P1001A-3']);
  });

  it('R-CO-4: the October statement lists billed, each payer\'s payment, the write-off and 3.00 due, aged 31–60 days', () => {
    const [s] = statements(patientShares({ claims, postings, patients: [PATIENT], payers: RECORDS.payers }), [PATIENT], '2026-12-31');
    expect([s!.month, s!.totals, s!.aging]).toEqual(['2026-10', { chargeCents: 32400, paidByPayersCents: 25200, adjustedCents: 6900, paidByPatientCents: 0, owedCents: 300 }, { current: 0, days31to60: 300, days61to90: 0, over90: 0 }]);
    expect(statementText(s!, RECORDS.organization!)).toEqual([
      'Summit Home Infusion Pharmacy   phone 5125550100',
      '',
      'Helen Garza',
      '44 Oak Hollow Dr',
      'Round Rock TX 78664',
      'Account P1001   services in 2026-10   statement date 2026-12-31',
      '',
      'Dates of service        Claim          Payer                              Billed       Paid',
      '2026-10-01..2026-10-31  C2610P1001A                                       324.00',
      '    paid by Blue Cross and Blue Shield of Texas on 2026-11-10                        168.00',
      '    paid by AllWays Health Partners on 2026-11-18                                     75.40',
      '    paid by State Medicaid on 2026-11-25                                               8.60',
      '    adjustments                                                                       69.00',
      '    you owe                                                                            3.00',
      '',
      'Billed 324.00   insurance paid 252.00   adjustments 69.00',
      'AMOUNT DUE 3.00',
      '',
      'Aging: current 0.00   31-60 days 3.00   61-90 days 0.00   over 90 days 0.00',
      'Your insurance has processed these services; the amount due is your share under your plans.',
    ]);
  });

  it('R-CO-4: statements print as one batch PDF, each patient-month on its own page, readable as text', async () => {
    const list = statements(patientShares({ claims, postings, patients: [PATIENT], payers: RECORDS.payers }), [PATIENT], '2026-12-31');
    const pdf = await renderStatements([...list, ...list], RECORDS.organization!, '2026-12-31T09:00:00');
    const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(2);
    const text = await doc.getPage(2).then((p) => p.getTextContent());
    const strings = text.items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(strings.startsWith('PATIENT STATEMENT GARZA, HELEN 2026-10')).toBe(true);
    expect(strings).toContain('AMOUNT DUE 3.00');
    await doc.destroy();
  });
});
