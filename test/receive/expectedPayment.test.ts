// R-RA-5 expected payment by the payer's charge basis (R-CL-6, billing-rules §12.3): the fee
// schedule is the contract whatever prices the charge; every amount in cents.
import { describe, expect, it } from 'vitest';
import { chargeCents, unitPriceMicros } from '../../electron/claims/rules/charges.ts';
import { expectedPaymentCents } from '../../electron/claims/rules/expectedPayment.ts';
import { profileSettings } from '../../electron/domain/profiles.ts';
import type { LinePosting, StoredLine } from '../../electron/domain/postings.ts';
import type { Payer, PayerSettings } from '../../electron/domain/types.ts';
import { underpaid } from '../../electron/receive/expectedPayment.ts';
import { expectedPayments } from '../../electron/services/receive.ts';

const CEFTRIAXONE = '00409733201';
const payerWith = (settings: PayerSettings, fees: Payer['fees']): Payer => ({ id: 'p', name: 'Payer', settings, fees });
const line = (code: string, units: number, ndc: string | null = null) => ({ code, modifiers: [], ndc, units });
const posted = (paidCents: number, pr = 0): LinePosting => ({
  line: 1, positions: [1], chargeCents: 0, paidCents, unitsPaid: null, adjustments: pr ? [{ group: 'PR', reason: '2', cents: pr, quantity: null }] : [], remarks: [],
});
const stored = (units: number, chargeCentsOfLine: number, expectedCents: number | null): StoredLine => ({
  line: 1, code: 'X', modifiers: [], from: '2026-10-01', to: '2026-10-01', units, chargeCents: chargeCentsOfLine, expectedCents,
});

describe('R-RA-5 expected payment', () => {
  it('payerFee: units × the fee in micro-dollars, rounded once, so a line the fee priced expects exactly its charge', () => {
    const p = payerWith(profileSettings('bcbs-tx'), { J0696: 12_345_678 });
    // 8 × $12.345678 = $98.765424 → 9877 cents (a fee rounded to cents first would expect 8 × 1235 = 9880)
    expect(expectedPaymentCents(p, line('J0696', 8))).toBe(9877);
    expect(chargeCents(8, unitPriceMicros(p, {}, 'J0696', null))).toBe(9877);
  });

  it('a CODE:NDC fee wins over the CODE fee, as when charging', () => {
    const p = payerWith(profileSettings('bcbs-tx'), { J0696: 4_000_000, [`J0696:${CEFTRIAXONE}`]: 4_250_000 });
    expect(expectedPaymentCents(p, line('J0696', 6, CEFTRIAXONE))).toBe(2550);
    expect(expectedPaymentCents(p, line('J0696', 6, '00409733299'))).toBe(2400);
    expect(expectedPaymentCents(p, line('J0696', 6))).toBe(2400);
  });

  it('payerFee: a line the charge master priced (no fee) expects nothing', () => {
    const p = payerWith(profileSettings('bcbs-tx'), {});
    expect(unitPriceMicros(p, { S9500: 150_000_000 }, 'S9500', null)).toBe(150_000_000);
    expect(expectedPaymentCents(p, line('S9500', 1))).toBeNull();
  });

  it('chargeMaster: the fee, not the usual and customary charge, is expected ("Provider(s) shall bill their usual and customary charges." [WC6])', () => {
    const wellcare = payerWith(profileSettings('wellcare-nc'), { S9494: 95_000_000 });
    expect(wellcare.settings.chargeBasis).toBe('chargeMaster');
    const master = { S9494: 140_000_000, T1030: 160_000_000 };
    // billed at the charge master's $140.00 a day for 3 days, expected at the fee's $95.00
    const charge = chargeCents(3, unitPriceMicros(wellcare, master, 'S9494', null));
    const expected = expectedPaymentCents(wellcare, line('S9494', 3));
    expect([charge, expected]).toEqual([42000, 28500]);
    // paid 262.50 + 22.50 coinsurance = 285.00 allowed: as agreed, not underpaid against 420.00 billed
    expect(underpaid('C1', stored(3, charge, expected), posted(26250, 2250))).toBeNull();
    expect(underpaid('C1', stored(3, charge, expected), posted(25000, 2250))).toEqual({ claimId: 'C1', line: 1, expectedCents: 28500, allowedCents: 27250, differenceCents: 1250 });
    // a code with no fee is never underpaid, however little is paid against the charge master's price
    expect(expectedPaymentCents(wellcare, line('T1030', 1))).toBeNull();
    expect(underpaid('C1', stored(1, 16000, null), posted(100))).toBeNull();
  });

  it("the poster's lookup prices each line by its own payer; an unknown payer expects nothing", () => {
    const expected = expectedPayments([
      payerWith(profileSettings('wellcare-nc'), { S9494: 95_000_000 }),
      { ...payerWith(profileSettings('bcbs-tx'), { S9494: 99_999_999 }), id: 'tx' },
    ]);
    expect([expected('p', line('S9494', 2)), expected('tx', line('S9494', 2)), expected('nobody', line('S9494', 2))]).toEqual([19000, 20000, null]);
  });
});
