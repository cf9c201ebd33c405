// R-AR-1 property over the store: whatever the test payer does with the example office's claim
// (pay with contractual and patient shares, deny, split, reverse, reverse and correct), after
// every file is received each claim and each line satisfies
//   charge = paid + adjustments + moved on (PR) + open balance, in integer cents;
// and once the patient pays part of what they owe (R-CO-4), and maybe voids it again,
//   charge = paid + patient paid + adjustments + PR the patient has not paid + open balance,
// with the patient's payments on each claim as listed, and ar.report's patient figure their sum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleAfterExport, upload } from '../support/remitOffice.ts';
import { respond, type ClaimPlan, type LineOutcome } from '../support/testPayer.ts';

const BCBS = 'PDMG2TY2V6MDT1';

const outcome: fc.Arbitrary<LineOutcome> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), allowedCents: fc.integer({ min: 850, max: 20000 }), coinsuranceCents: fc.integer({ min: 0, max: 500 }), deductibleCents: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('deny' as const), group: fc.constantFrom('CO' as const, 'PI' as const, 'OA' as const), reason: fc.constantFrom('16', '197', '96') }),
);

const claimPlan: fc.Arbitrary<ClaimPlan> = fc.record({
  lines: fc.dictionary(fc.integer({ min: 1, max: 28 }).map(String), outcome, { maxKeys: 6 }).map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [Number(k), v]))),
  variant: fc.constantFrom('plain', 'split', 'reverse', 'correct'),
  correction: outcome,
}).map(({ lines, variant, correction }) => ({
  lines,
  ...(variant === 'split' ? { splitAfterLine: 14 } : {}),
  ...(variant === 'reverse' ? { reverseOnly: true } : {}),
  ...(variant === 'correct' ? { correction: { 1: correction, 2: correction } } : {}),
}));

describe('R-AR-1 over stored postings', () => {
  it('charge = paid + adjustments + moved on + open for every claim and line after random plans', async () => {
    let patientPaid = 0;
    await fc.assert(
      fc.asyncProperty(claimPlan, fc.boolean(), fc.integer({ min: 1, max: 100 }), fc.boolean(), async (plan, twice, percent, voidIt) => {
        const o = await exampleAfterExport({ payers: ['bcbstx'] });
        try {
          const r = respond(o.sent.bcbstx!, { payerId: '84980', default: { kind: 'pay' }, claims: { [BCBS]: plan } });
          for (const [i, f] of [r.ack999, r.ack277!, ...r.remits, ...(twice ? r.remits : [])].entries()) {
            expect((await o.call('remit.receive', upload(`f${i}.x12`, f))).status).not.toBe('refused');
          }
          for (const c of await o.call('claims.list', { payer: 'bcbstx' })) {
            expect(c.paidCents + c.adjustmentCents + c.patientResponsibilityCents + c.balanceCents).toBe(c.chargeCents);
            for (const l of c.lines) {
              const adjustments = l.adjustments.reduce((s, a) => s + a.cents, 0);
              const open = l.chargeCents - l.paidCents - adjustments;
              expect(open === 0 || open === l.chargeCents || plan.reverseOnly === true || plan.splitAfterLine !== undefined).toBe(true);
            }
            if (!plan.reverseOnly) expect(c.balanceCents).toBe(0);
            else expect(c.balanceCents).toBe(c.chargeCents);
          }
          expect((await o.call('remit.unmatched', {})).length).toBe(0);

          // the patient pays once every remittance has come (the payer's payment dates are after the export)
          o.setNow('2026-12-31T09:00:00');
          const owed = (await o.call('ar.report', {})).patients.find((p) => p.patient === 'P1001')?.patientResponsibilityCents ?? 0;
          if (owed > 0) {
            const cents = Math.max(1, Math.floor((owed * percent) / 100));
            const paid = await o.call('patientPayments.record', { patient: 'P1001', cents, receivedOn: '2026-12-30', method: 'check' });
            expect(paid.owedCents).toBe(owed - cents);
            patientPaid += 1;
            if (voidIt) expect((await o.call('patientPayments.void', { id: paid.payment.id, reason: 'returned check' })).owedCents).toBe(owed);
          }
          const standing = (await o.call('patientPayments.list', { patient: 'P1001' })).filter((p) => !p.voided).flatMap((p) => p.applications);
          let patientOwes = 0;
          for (const c of await o.call('claims.list', { patient: 'P1001' })) {
            expect(c.paidCents + c.patientPaidCents + c.adjustmentCents + c.patientBalanceCents + c.balanceCents).toBe(c.chargeCents);
            expect(c.patientPaidCents).toBe(standing.filter((a) => a.claimId === c.id).reduce((s, a) => s + a.cents, 0));
            expect(c.patientBalanceCents).toBeGreaterThanOrEqual(0);
            patientOwes += c.patientBalanceCents;
          }
          const after = (await o.call('ar.report', {})).patients.find((p) => p.patient === 'P1001');
          expect(after?.patientResponsibilityCents ?? 0).toBe(patientOwes);
          expect(patientOwes).toBe(owed > 0 && !voidIt ? owed - Math.max(1, Math.floor((owed * percent) / 100)) : owed);
        } finally {
          o.close();
        }
      }),
      { numRuns: 12 },
    );
    // the patient's part was exercised, not skipped every time
    expect(patientPaid).toBeGreaterThan(0);
  }, 120_000);
});
