// Properties over random test-payer plans: every claim balances to the cent (R-AR-1), a reversal
// restores every balance (R-RA-4), and a file's identity is the SHA-256 of its bytes (R-RA-4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceProblems } from '../../electron/receive/balance835.ts';
import { claimBalance } from '../../electron/receive/claimBalance.ts';
import { fileIdentity, readReceived, remittanceKey } from '../../electron/receive/readReceived.ts';
import type { ClaimPlan, LineOutcome, PayerPlan } from '../support/testPayer.ts';
import { flow, postAll } from './flow.ts';

const GOLDEN = 'subscriber-is-patient';
const CLAIM = 'C2610P1001A';
const LINES = 12;

/** Cents up to a line's charge are clamped by the test payer; PR parts are drawn as shares of what is allowed. */
const outcome: fc.Arbitrary<LineOutcome> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    allowedCents: fc.integer({ min: 0, max: 20000 }),
    deductibleCents: fc.integer({ min: 0, max: 300 }),
    coinsuranceCents: fc.integer({ min: 0, max: 300 }),
    copayCents: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('deny' as const),
    group: fc.constantFrom('CO' as const, 'PI' as const, 'OA' as const, 'PR' as const),
    reason: fc.constantFrom('16', '96', '197', '204', '1'),
    remarks: fc.constantFrom([], ['M119'], ['N657', 'N130']),
  }),
);

/** Keeps PR within what is allowed, so no line pays below zero. */
function sane(o: LineOutcome, charge: number): LineOutcome {
  if (o.kind === 'deny') return o;
  const allowed = Math.min(o.allowedCents ?? charge, charge);
  const pr = (o.deductibleCents ?? 0) + (o.coinsuranceCents ?? 0) + (o.copayCents ?? 0);
  return pr <= allowed ? o : { kind: 'pay', allowedCents: allowed };
}

const plans = fc.record({
  lines: fc.array(outcome, { minLength: LINES, maxLength: LINES }),
  split: fc.option(fc.integer({ min: 1, max: LINES - 1 }), { nil: undefined }),
  omitLineControl: fc.boolean(),
});

function planOf(p: { lines: LineOutcome[]; split: number | undefined; omitLineControl: boolean }, charges: number[], extra: ClaimPlan = {}): PayerPlan {
  const lines = Object.fromEntries(p.lines.map((o, i) => [i + 1, sane(o, charges[i]!)]));
  return { default: { kind: 'pay' }, claims: { [CLAIM]: { lines, omitLineControl: p.omitLineControl, ...(p.split ? { splitAfterLine: p.split } : {}), ...extra } } };
}

const charges = flow(GOLDEN, { default: { kind: 'pay' } }).stored[0]!.lines.map((l) => l.chargeCents);

describe('receive properties', () => {
  it('R-AR-1: after every remittance, charge = paid + adjustments + moved on + open, and open is 0 once every line is answered', () => {
    fc.assert(fc.property(plans, (p) => {
      const f = flow(GOLDEN, planOf(p, charges));
      for (const r of f.remittances) expect(balanceProblems(r)).toEqual([]);
      const { postings, results } = postAll(f.stored, f.remittances);
      expect(results.flatMap((r) => r.unmatched)).toEqual([]);
      for (const claim of f.stored) {
        const b = claimBalance(claim, postings);
        expect(b.chargeCents).toBe(b.paidCents + b.adjustmentCents + b.movedOnCents + b.openCents);
        expect(b.openCents).toBe(0);
        expect(b.paidCents).toBe(f.remittances.reduce((s, r) => s + r.claims.reduce((t, c) => t + c.paidCents, 0), 0));
        for (const l of b.lines) expect([l.chargeCents, l.openCents]).toEqual([l.paidCents + l.adjustmentCents + l.movedOnCents, 0]);
      }
    }), { numRuns: 40 });
  });

  it('R-RA-4: posting a payment and then its reversal restores every claim and line balance', () => {
    fc.assert(fc.property(plans, (p) => {
      const f = flow(GOLDEN, planOf({ ...p, split: undefined }, charges, { reverseOnly: true }));
      expect(f.remittances).toHaveLength(2);
      const { postings, results } = postAll(f.stored, f.remittances);
      expect(results[1]!.unmatched).toEqual([]);
      expect(results[1]!.claims.map((c) => c.kind)).toEqual(['reversal']);
      for (const claim of f.stored) {
        expect(claimBalance(claim, postings)).toEqual(claimBalance(claim, []));
      }
      // the negative payment is carried to a later remittance with a negative FB
      expect(results[1]!.provider.map((x) => [x.reason, x.cents])).toEqual([['FB', -postings[0]!.paidCents]].filter(([, c]) => c !== 0));
    }), { numRuns: 40 });
  });

  it('R-RA-4: the same bytes read twice give the same identity and the same documents; one changed byte does not', () => {
    fc.assert(fc.property(plans, fc.nat(), (p, at) => {
      const text = flow(GOLDEN, planOf(p, charges)).response.remits[0]!;
      const bytes = new TextEncoder().encode(text);
      const a = readReceived(bytes);
      const b = readReceived(text);
      expect(a.sha256).toBe(b.sha256);
      expect(a.documents).toEqual(b.documents);
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      const changed = bytes.slice();
      const i = at % changed.length;
      changed[i] = changed[i] === 0x30 ? 0x31 : 0x30;
      expect(fileIdentity(changed)).not.toBe(a.sha256);
    }), { numRuns: 30 });
  });

  it('R-RA-4: a remittance keeps its content hash and key when re-enveloped with other delimiters and control numbers', () => {
    fc.assert(fc.property(plans, (p) => {
      const text = flow(GOLDEN, planOf(p, charges)).response.remits[0]!;
      const other = text.replace(/\*/g, '|').replace(/:~\n/, '>~\n').replace(/HC:/g, 'HC>').replace(/000000003/g, '000000777').replace(/~\n/g, '!');
      const [a, b] = [readReceived(text), readReceived(other)].map((f) => f.documents[0]!);
      expect(readReceived(other).sha256).not.toBe(readReceived(text).sha256);
      expect(b!.contentSha256).toBe(a!.contentSha256);
      expect(b!.interchange).toBe('000000777');
      if (a!.kind !== '835' || b!.kind !== '835') throw new Error('expected 835s');
      expect(remittanceKey(b!.remittance)).toBe(remittanceKey(a!.remittance));
      expect(remittanceKey(a!.remittance)).toBe(`1512345678|TP202611200003|2026-11-20|${a!.remittance.paymentCents}`);
    }), { numRuns: 20 });
  });
});
