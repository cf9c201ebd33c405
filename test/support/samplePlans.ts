// Test payer plans shared by the receive tests and the pyx12 conformance samples, so what pyx12
// checks is what the tests post.
import type { PayerPlan } from './testPayer.ts';

export const SAMPLE_PLANS = {
  /** every line allowed at 80 %, 10 % coinsurance, the JW waste line denied CO-16 + M119 */
  contractual: {
    golden: 'subscriber-is-patient',
    plan: {
      default: { kind: 'pay', coinsuranceCents: 500 },
      claims: {
        C2610P1001A: {
          remarks: ['MA01'],
          lines: {
            1: { kind: 'pay', allowedCents: 8800, deductibleCents: 2000, coinsuranceCents: 1000 },
            2: { kind: 'pay', allowedCents: 2040, copayCents: 300 },
            3: { kind: 'deny', group: 'CO', reason: '16', remarks: ['M119'] },
            4: { kind: 'deny', group: 'CO', reason: '197' },
            12: { kind: 'pay', allowedCents: 7200, remarks: ['N657'] },
          },
        },
      },
    },
  },
  /** one claim rejected in the 277CA, one reversed and corrected with a PLB takeback, one split */
  lifecycle: {
    golden: 'two-payers',
    plan: {
      default: { kind: 'pay', allowedCents: 9000, coinsuranceCents: 1000 },
      claims: {
        C2610P1001A: { lines: { 3: { kind: 'deny', group: 'CO', reason: '16', remarks: ['M119'] } }, correction: { 3: { kind: 'pay' } } },
        C2610P1002A: { reject: { category: 'A7', status: '562', entity: '85' } },
      },
      providerAdjustments: [{ reason: 'WO', reference: 'C2610P1001S 94000100003', cents: 500 }, { reason: 'L6', cents: -215 }],
    },
  },
  /** a claim split across two 835s (MOA MA15), one patient the payer does not know (CLP02 = 4) */
  split: {
    golden: 'dependent-patient',
    plan: {
      default: { kind: 'pay', allowedCents: 1500 },
      claims: { C2610P1002A: { splitAfterLine: 1 }, C2610P1003A: { notRecognized: true } },
    },
  },
  /** the 999 rejects the transaction set over one claim's CLM07 */
  syntaxRejected: {
    golden: 'two-payers',
    plan: { default: { kind: 'pay' }, syntaxErrorIn: 'C2610P1002A' },
  },
  /** a 277CA that rejects a claim over its line (2220D with REF*FJ = our REF*6R), the other claims accepted */
  lineRejected: {
    golden: 'two-payers',
    plan: {
      default: { kind: 'pay' },
      claims: { C2610P1002A: { reject: { category: 'A7', status: '21', lines: { 1: { category: 'A7', status: '453', entity: '85' } } } } },
    },
  },
} satisfies Record<string, { golden: string; plan: PayerPlan }>;
