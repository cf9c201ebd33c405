// Hand-checked posting of the 835.md examples: §14 (payment with CO-45, PR-2, a CO-96 waste line,
// L6 interest and a WO takeback) and §9 (its reversal and the correction paying the JW line 8.10).
import { describe, expect, it } from 'vitest';
import { claimBalance } from '../../electron/receive/claimBalance.ts';
import type { StoredClaim } from '../../electron/domain/postings.ts';
import { referenceFile } from './files.ts';
import { PAYER, postAll, remittanceOf } from './flow.ts';

const line = (n: number, code: string, modifiers: string[], from: string, to: string, units: number, chargeCents: number, feePerUnitCents: number) =>
  ({ line: n, code, modifiers, from, to, units, chargeCents, expectedCents: units * feePerUnitCents });

const CLAIMS: StoredClaim[] = [
  {
    id: 'HIP250106A', payer: PAYER, frequency: '1', status: 'accepted', payerClaimNumber: '9400012345600', chargeCents: 73800,
    lines: [
      line(1, 'S9500', [], '2025-01-06', '2025-01-08', 3, 45000, 11000),
      line(2, 'J0696', [], '2025-01-06', '2025-01-08', 21, 9450, 300),
      line(3, 'J0696', ['JW'], '2025-01-06', '2025-01-08', 3, 1350, 300),
      line(4, '99601', [], '2025-01-06', '2025-01-06', 1, 18000, 16000),
    ],
  },
  { id: 'HIP241120B', payer: PAYER, frequency: '1', status: 'paid', payerClaimNumber: '9400011112200', chargeCents: 18000, lines: [] },
];

describe('835.md worked examples, posted by hand', () => {
  const [payment, reversal] = [referenceFile('reference-835'), referenceFile('reference-835-reversal')].map(remittanceOf);
  const first = postAll(CLAIMS, [payment!]);
  const both = postAll(CLAIMS, [payment!, reversal!]);

  it('R-RA-2: posts 434.40 paid, 108.60 patient responsibility and the line CAS of §14', () => {
    const p = first.postings[0]!;
    expect([p.claimId, p.payerClaimNumber, p.paidCents, p.patientResponsibilityCents]).toEqual(['HIP250106A', '9400012345600', 43440, 10860]);
    expect(p.lines.map((l) => [l.line, l.paidCents, l.unitsPaid, l.adjustments.map((a) => `${a.group}-${a.reason} ${a.cents}`)])).toEqual([
      [1, 26400, 3, ['CO-45 12000', 'PR-2 6600']],
      [2, 5040, 21, ['CO-45 3150', 'PR-2 1260']],
      [3, 0, 3, ['CO-96 1350']],
      [4, 12000, 1, ['CO-45 3000', 'PR-2 3000']],
    ]);
  });

  it('keeps L6 interest and the WO takeback for the provider ledger, naming the older claim', () => {
    expect(first.results[0]!.provider.map((p) => [p.reason, p.reference, p.cents, p.relatedClaimId])).toEqual([
      ['L6', null, -215, null],
      ['WO', 'HIP241120B 9400011112200', 5000, 'HIP241120B'],
    ]);
  });

  it('R-RA-5: the visit allowed 150.00 against a 160.00 fee is underpaid by 10.00', () => {
    expect(first.results[0]!.underpaid).toEqual([{ claimId: 'HIP250106A', line: 4, expectedCents: 16000, allowedCents: 15000, differenceCents: 1000 }]);
  });

  it('R-RA-4: §9 reverses exactly and posts the correction: net +8.10 on the claim, BPR02 8.10', () => {
    expect(reversal!.paymentCents).toBe(810);
    const [rev, corr] = both.results[1]!.claims;
    expect([rev!.kind, rev!.reverses, rev!.paidCents]).toEqual(['reversal', 'P1', -43440]);
    expect([corr!.kind, corr!.payerClaimNumber, corr!.paidCents, corr!.patientResponsibilityCents, corr!.lines[2]!.paidCents]).toEqual(['payment', '9400012345601', 44250, 10950, 810]);
    expect(both.results[1]!.unmatched).toEqual([]);
  });

  it('R-AR-1: 738.00 = paid + adjustments + patient share + open, after each file', () => {
    const b1 = claimBalance(CLAIMS[0]!, first.postings);
    const b2 = claimBalance(CLAIMS[0]!, both.postings);
    expect([b1.chargeCents, b1.paidCents, b1.adjustmentCents, b1.movedOnCents, b1.openCents]).toEqual([73800, 43440, 19500, 10860, 0]);
    expect([b2.chargeCents, b2.paidCents, b2.adjustmentCents, b2.movedOnCents, b2.openCents]).toEqual([73800, 44250, 18600, 10950, 0]);
    expect(b2.lines[2]).toEqual({ line: 3, chargeCents: 1350, paidCents: 810, adjustmentCents: 450, movedOnCents: 90, openCents: 0 });
  });
});
