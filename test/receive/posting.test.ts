// Posting (R-RA-1, R-RA-2, R-RA-4, R-RA-5) and the claim balance (R-AR-1) on what the test payer
// answered to our own 837P: every cent checked.
import { describe, expect, it } from 'vitest';
import { claimBalance } from '../../electron/receive/claimBalance.ts';
import { postRemittance } from '../../electron/receive/postRemittance.ts';
import type { StoredClaim } from '../../electron/domain/postings.ts';
import type { X12BatchInput } from '../../electron/export/x12/input.ts';
import { referenceFile } from './files.ts';
import { counter, flow, NOW, PAYER, postAll, remittanceOf, sampleFlow } from './flow.ts';

const FEE_PER_UNIT: Record<string, number> = { S9500: 10000, J0696: 400 };
const FEES = (_payer: string, l: { code: string; units: number }) => (FEE_PER_UNIT[l.code] === undefined ? null : l.units * FEE_PER_UNIT[l.code]!);

function balances(stored: readonly StoredClaim[], postings: Parameters<typeof claimBalance>[1]) {
  return stored.map((s) => {
    const b = claimBalance(s, postings);
    return [s.id, b.chargeCents, b.paidCents, b.adjustmentCents, b.movedOnCents, b.openCents];
  });
}

describe('R-RA-2 posting a payment with contractual, patient and denied lines', () => {
  const f = sampleFlow('contractual', FEES);
  const { results, postings } = postAll(f.stored, f.remittances);
  const p = postings[0]!;

  it('R-RA-2: records CLP07, CLP02, the payment and the patient responsibility (Σ PR)', () => {
    expect(f.remittances[0]!.paymentCents).toBe(49040);
    expect([p.id, p.claimId, p.payer, p.kind, p.statusCode, p.payerClaimNumber, p.chargeCents, p.paidCents, p.patientResponsibilityCents, p.needsReview, p.postedAt]).toEqual(
      ['P1', 'C2610P1001A', PAYER, 'payment', '1', '94000100001', 79200, 49040, 6800, false, NOW],
    );
    expect(p.remarks).toEqual([{ source: 'MOA', qualifier: null, code: 'MA01' }]);
  });

  it('R-RA-2: every line keeps its CAS with group, reason and amount, and its RARC', () => {
    expect(p.lines.map((l) => [l.line, l.chargeCents, l.paidCents, l.adjustments.map((a) => `${a.group}-${a.reason} ${a.cents}`), l.remarks.map((r) => r.code)])).toEqual([
      [1, 11000, 5800, ['CO-45 2200', 'PR-1 2000', 'PR-2 1000'], []],
      [2, 2550, 1740, ['CO-45 510', 'PR-3 300'], []],
      [3, 850, 0, ['CO-16 850'], ['M119']],
      [4, 18000, 0, ['CO-197 18000'], []],
      [5, 9000, 8500, ['PR-2 500'], []],
      [6, 11000, 10500, ['PR-2 500'], []],
      [7, 2550, 2050, ['PR-2 500'], []],
      [8, 850, 350, ['PR-2 500'], []],
      [9, 11000, 10500, ['PR-2 500'], []],
      [10, 2550, 2050, ['PR-2 500'], []],
      [11, 850, 350, ['PR-2 500'], []],
      [12, 9000, 7200, ['CO-45 1800'], ['N657']],
    ]);
  });

  it('R-RA-5: flags lines allowed below units × fee with the difference', () => {
    expect(results[0]!.underpaid).toEqual([
      { claimId: 'C2610P1001A', line: 1, expectedCents: 10000, allowedCents: 8800, differenceCents: 1200 },
      { claimId: 'C2610P1001A', line: 2, expectedCents: 2400, allowedCents: 2040, differenceCents: 360 },
    ]);
  });

  it('R-AR-1: charge 792.00 = paid 490.40 + adjustments 233.60 + moved on 68.00 + open 0', () => {
    expect(balances(f.stored, postings)).toEqual([['C2610P1001A', 79200, 49040, 23360, 6800, 0]]);
    expect(claimBalance(f.stored[0]!, postings).lines[3]).toEqual({ line: 4, chargeCents: 18000, paidCents: 0, adjustmentCents: 18000, movedOnCents: 0, openCents: 0 });
  });

  it('R-RA-1: without REF*6R the lines match by code, modifiers, dates and units alike (JW and SH apart)', () => {
    const plan = flow('subscriber-is-patient', { default: { kind: 'pay' }, claims: { C2610P1001A: { omitLineControl: true, lines: { 3: { kind: 'deny', group: 'CO', reason: '96' } } } } });
    expect(f.remittances[0]!.claims[0]!.lines[0]!.lineControlNumber).toBe('C2610P1001A-1');
    expect(plan.remittances[0]!.claims[0]!.lines.every((l) => l.lineControlNumber === null)).toBe(true);
    const { results: r, postings: ps } = postAll(plan.stored, plan.remittances);
    expect(r[0]!.unmatched).toEqual([]);
    expect(ps[0]!.lines.map((l) => [l.line, l.paidCents, l.adjustments.map((a) => a.reason)])).toEqual([
      [1, 11000, []], [2, 2550, []], [3, 0, ['96']], [4, 18000, []], [5, 9000, []], [6, 11000, []], [7, 2550, []],
      [8, 850, []], [9, 11000, []], [10, 2550, []], [11, 850, []], [12, 9000, []],
    ]);
  });
});

describe('R-RA-4 reversal, correction and provider-level takebacks', () => {
  const f = sampleFlow('lifecycle', FEES);
  const { results, postings } = postAll(f.stored, f.remittances);

  it('posts the first payment; the claim rejected in the 277CA has no CLP', () => {
    expect(f.remittances.map((r) => r.paymentCents)).toEqual([17550, 565]);
    expect(results[0]!.claims.map((p) => [p.id, p.claimId, p.paidCents, p.patientResponsibilityCents])).toEqual([['P1', 'C2610P1001A', 9550, 2000], ['P2', 'C2610P1001S', 8000, 1000]]);
  });

  it('R-RA-4: CLP02 = 22 undoes the earlier posting exactly, then the correction posts anew', () => {
    const [reversal, correction] = results[1]!.claims;
    const original = postings[0]!;
    expect([reversal!.kind, reversal!.reverses, reversal!.statusCode, reversal!.chargeCents, reversal!.paidCents, reversal!.patientResponsibilityCents]).toEqual(['reversal', 'P1', '22', -14400, -9550, -2000]);
    expect(reversal!.lines).toEqual(original.lines.map((l) => ({ ...l, chargeCents: -l.chargeCents, paidCents: -l.paidCents, adjustments: l.adjustments.map((a) => ({ ...a, cents: -a.cents })) })));
    expect([correction!.kind, correction!.payerClaimNumber, correction!.paidCents, correction!.lines.map((l) => l.paidCents)]).toEqual(['payment', '940001000011', 10400, [8000, 1550, 850]]);
  });

  it('keeps PLB items for the provider ledger with their signs, naming the claim a reference points at', () => {
    expect(results[1]!.provider.map((p) => [p.id, p.reason, p.reference, p.cents, p.relatedClaimId, p.providerId, p.remittance.traceNumber])).toEqual([
      ['P5', 'WO', 'C2610P1001S 94000100003', 500, 'C2610P1001S', '1234567893', 'TP202611200004'],
      ['P6', 'L6', null, -215, null, '1234567893', 'TP202611200004'],
    ]);
  });

  it('R-AR-1: after reversal and correction every cent is accounted for; the rejected claim stays open', () => {
    expect(balances(f.stored, postings)).toEqual([
      ['C2610P1001A', 14400, 10400, 2000, 2000, 0],
      ['C2610P1002A', 16500, 0, 0, 0, 16500],
      ['C2610P1001S', 12000, 8000, 3000, 1000, 0],
    ]);
  });

  it('R-RA-4: a reversal with nothing posted to undo is held, not posted', () => {
    const r = postAll(f.stored, [f.remittances[1]!]).results[0]!;
    expect(r.claims.map((p) => p.kind)).toEqual(['payment']);
    expect(r.unmatched).toEqual([{ kind: 'reversal', position: 13, claimId: 'C2610P1001A', reason: 'reversal (CLP02 = 22) of claim C2610P1001A, but no payment of it from this payer is posted and not yet reversed', cents: -9550 }]);
  });

  it('R-RA-4: the same claim payment from another remittance is held as a duplicate', () => {
    const again = postAll(f.stored, [f.remittances[0]!], postings.slice(0, 2)).results[0]!;
    expect(again.claims).toEqual([]);
    expect(again.unmatched.map((u) => u.reason)).toEqual([
      'claim C2610P1001A (CLP at segment 13): the same payment (94000100001, paid 9550 cents) is already posted from remittance TP202611200003',
      'claim C2610P1001S (CLP at segment 33): the same payment (94000100003, paid 8000 cents) is already posted from remittance TP202611200003',
    ]);
  });
});

describe('a claim split across two remittances', () => {
  const f = sampleFlow('split');
  const first = postAll(f.stored, [f.remittances[0]!]);
  const both = postAll(f.stored, f.remittances);

  it('leaves the lines not yet answered open after the first part', () => {
    expect(balances(f.stored, first.postings)).toEqual([['C2610P1002A', 36400, 1500, 15000, 0, 19900], ['C2610P1003A', 126000, 0, 126000, 0, 0]]);
    expect(claimBalance(f.stored[0]!, first.postings).lines.map((l) => l.openCents)).toEqual([0, 1900, 18000]);
  });

  it('closes the claim when the second part arrives', () => {
    expect(both.postings.map((p) => [p.claimId, p.payerClaimNumber, p.lines.map((l) => l.line)])).toEqual([
      ['C2610P1002A', '94000100001', [1]], ['C2610P1003A', '94000100002', []], ['C2610P1002A', '940001000012', [2, 3]],
    ]);
    expect(balances(f.stored, both.postings)).toEqual([['C2610P1002A', 36400, 4500, 31900, 0, 0], ['C2610P1003A', 126000, 0, 126000, 0, 0]]);
  });
});

describe('R-RA-1 what matches nothing is kept', () => {
  it('R-RA-1: a third-party 835 reads without error and lands entirely in unmatched', () => {
    const r = remittanceOf(referenceFile('third-party-835'));
    const f = sampleFlow('contractual');
    const out = postRemittance({ remittance: r, payer: PAYER, claims: f.stored, previous: [], now: NOW, newId: counter() });
    expect(out.claims).toEqual([]);
    expect(out.provider).toEqual([]);
    expect(out.unmatched).toEqual([
      { kind: 'claim', position: 13, claimId: '5554555444', reason: 'claim 5554555444 (CLP at segment 13) is not a claim we sent', cents: 45000 },
      { kind: 'claim', position: 20, claimId: '8765432112', reason: 'claim 8765432112 (CLP at segment 20) is not a claim we sent', cents: 49500 },
    ]);
  });

  it('R-RA-1: a payer we do not know, or a payee that is not ours, holds the whole remittance with its PLB', () => {
    const r = remittanceOf(referenceFile('reference-835'));
    const unknown = postRemittance({ remittance: r, payer: null, claims: [], previous: [], now: NOW, newId: counter() });
    expect(unknown.unmatched.map((u) => [u.kind, u.cents, u.reason])).toEqual([
      ['claim', 43440, 'the payer EXAMPLE HEALTH PLAN (1512345678) is not one of our payers: claim HIP250106A held'],
      ['provider-adjustment', -215, 'the payer EXAMPLE HEALTH PLAN (1512345678) is not one of our payers: PLB L6 held'],
      ['provider-adjustment', 5000, 'the payer EXAMPLE HEALTH PLAN (1512345678) is not one of our payers: PLB WO held'],
    ]);
    const payee = postRemittance({ remittance: r, payer: 'x', payeeIds: ['1999999984'], claims: [], previous: [], now: NOW, newId: counter() });
    expect(payee.unmatched[0]!.reason).toBe('the payee SUNRISE HOME INFUSION PHARMACY (XX 1234567893) is not one of our billing providers: claim HIP250106A held');
  });

  it('R-RA-1: a claim billed to another payer, or never sent, is not posted', () => {
    const f = sampleFlow('contractual');
    const other = f.stored.map((s) => ({ ...s, payer: 'otherpayer' }));
    const draft = f.stored.map((s) => ({ ...s, status: 'draft' as const }));
    const post = (claims: StoredClaim[]) => postRemittance({ remittance: f.remittances[0]!, payer: PAYER, claims, previous: [], now: NOW, newId: counter() }).unmatched.map((u) => u.reason);
    expect(post(other)).toEqual(['claim C2610P1001A (CLP at segment 13) was billed to otherpayer, not to testpayer']);
    expect(post(draft)).toEqual(['claim C2610P1001A (CLP at segment 13) is draft: it was never sent or has been voided']);
  });

  it('R-RA-1: a remit line with an unknown REF*6R is held with its money; the rest of the claim posts and needs review', () => {
    const f = sampleFlow('contractual');
    const r = f.remittances[0]!;
    const changed = { ...r, claims: r.claims.map((c) => ({ ...c, lines: c.lines.map((l, i) => (i === 4 ? { ...l, lineControlNumber: 'C2610P1001A-99' } : l)) })) };
    const out = postRemittance({ remittance: changed, payer: PAYER, claims: f.stored, previous: [], now: NOW, newId: counter() });
    expect(out.unmatched).toEqual([{ kind: 'line', position: 39, claimId: 'C2610P1001A', reason: 'line 99602 (SVC at segment 39) has REF*6R C2610P1001A-99, which is not a line of claim C2610P1001A', cents: 8500 }]);
    const p = out.claims[0]!;
    expect([p.needsReview, p.chargeCents, p.paidCents, p.lines.map((l) => l.line)]).toEqual([true, 70200, 40540, [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]]);
    expect(balances(f.stored, out.claims)).toEqual([['C2610P1001A', 79200, 40540, 23360, 6300, 9000]]);
  });

  it('R-RA-1: two billed lines that look the same can only be told apart by REF*6R', () => {
    // line 6 made a twin of line 1: the same per diem, date and units
    const twin = (i: X12BatchInput): X12BatchInput => ({ ...i, claims: i.claims.map((c) => ({ ...c, lines: c.lines.map((l, n) => (n === 5 ? { ...l, from: c.lines[0]!.from, to: c.lines[0]!.to } : l)) })) });
    const plan = { default: { kind: 'pay' }, claims: { C2610P1001A: { omitLineControl: true } } } as const;
    const f = flow('subscriber-is-patient', plan, undefined, twin);
    const out = postAll(f.stored, f.remittances).results[0]!;
    expect(out.unmatched.map((u) => [u.position, u.cents, u.reason])).toEqual([
      [17, 11000, 'line S9500 (SVC at segment 17) has no REF*6R and fits several billed lines of claim C2610P1001A (lines 1, 6), or several remit lines fit one'],
      [32, 11000, 'line S9500 (SVC at segment 32) has no REF*6R and fits several billed lines of claim C2610P1001A (lines 1, 6), or several remit lines fit one'],
    ]);
    expect(out.claims[0]!.lines.map((l) => l.line)).toEqual([2, 3, 4, 5, 7, 8, 9, 10, 11, 12]);
    const withControl = postAll(flow('subscriber-is-patient', { default: { kind: 'pay' } }, undefined, twin).stored, flow('subscriber-is-patient', { default: { kind: 'pay' } }, undefined, twin).remittances).results[0]!;
    expect(withControl.unmatched).toEqual([]);
  });
});
