// R-AR-1 property over the store: whatever the test payer does with the example office's claim
// (pay with contractual and patient shares, deny, split, reverse, reverse and correct), after
// every file is received each claim and each line satisfies
//   charge = paid + adjustments + moved on (PR) + open balance, in integer cents.
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
    await fc.assert(
      fc.asyncProperty(claimPlan, fc.boolean(), async (plan, twice) => {
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
        } finally {
          o.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
