// R-RA-3: a remittance balances per line, per claim and per payment, or it is refused with the
// segment, its position and the figures.
import { describe, expect, it } from 'vitest';
import { dollars } from '../../electron/domain/money.ts';
import { balanceProblems } from '../../electron/receive/balance835.ts';
import { postRemittance, UnbalancedRemittance } from '../../electron/receive/postRemittance.ts';
import { referenceFile } from './files.ts';
import { remittanceOf } from './flow.ts';

describe('R-RA-3 balance', () => {
  it('R-RA-3: the 835.md worked example balances (BPR02 386.55 = 434.40 − (−2.15 + 50.00))', () => {
    expect(balanceProblems(remittanceOf(referenceFile('reference-835')))).toEqual([]);
  });

  it('R-RA-3: a line whose CAS do not add up is named with its SVC position and figures', () => {
    const r = remittanceOf(referenceFile('reference-835').replace('CAS*CO*45*31.5~', 'CAS*CO*45*30~'));
    expect(balanceProblems(r).map((p) => p.message)).toEqual([
      'SVC at segment 26 (claim HIP250106A, J0696): charge 94.50 − paid 50.40 = 44.10 but adjustments total 42.60',
      'CLP at segment 15 (claim HIP250106A): charge 738.00 − paid 434.40 = 303.60 but adjustments total 302.10',
    ]);
  });

  it('R-RA-3: a claim whose CLP04 is wrong is refused though every line balances', () => {
    const r = remittanceOf(referenceFile('reference-835').replace('CLP*HIP250106A*1*738*434.4*', 'CLP*HIP250106A*1*738*436.4*').replace('BPR*I*386.55*', 'BPR*I*388.55*'));
    expect(balanceProblems(r)).toEqual([
      { segmentId: 'CLP', position: 15, claimId: 'HIP250106A', message: 'CLP at segment 15 (claim HIP250106A): charge 738.00 − paid 436.40 = 301.60 but adjustments total 303.60' },
    ]);
  });

  it('R-RA-3: a payment that is not Σ CLP04 − Σ PLB is refused at the BPR', () => {
    const r = remittanceOf(referenceFile('reference-835').replace('BPR*I*386.55*', 'BPR*I*436.55*'));
    expect(balanceProblems(r).map((p) => p.message)).toEqual([
      'BPR at segment 4 (trace EFT2025020100017): payment 436.55 but claims paid 434.40 − provider adjustments 47.85 = 386.55',
    ]);
  });

  it('R-RA-3: posting refuses an unbalanced remittance whole', () => {
    const r = remittanceOf(referenceFile('reference-835').replace('BPR*I*386.55*', 'BPR*I*436.55*'));
    const post = () => postRemittance({ remittance: r, payer: 'p', claims: [], previous: [], now: '2026-01-01T00:00:00', newId: () => 'x' });
    expect(post).toThrow(UnbalancedRemittance);
    expect(post).toThrow('the remittance does not balance (R-RA-3): BPR at segment 4');
  });

  it('writes figures as a biller reads them', () => {
    expect([dollars(160200), dollars(-1350), dollars(5), dollars(123456789)]).toEqual(['1,602.00', '-13.50', '0.05', '1,234,567.89']);
  });
});
