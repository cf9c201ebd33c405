// "Nothing is half-read": a received file damaged any way (segments dropped, repeated, swapped,
// elements changed, the file cut) is either read whole or refused with an X12ReadError that names
// a segment and its position; posting what was read either posts or refuses the unbalanced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postRemittance, UnbalancedRemittance } from '../../electron/receive/postRemittance.ts';
import { X12ReadError } from '../../electron/receive/readError.ts';
import { readReceived } from '../../electron/receive/readReceived.ts';
import { referenceFile } from './files.ts';
import { counter, NOW, PAYER, sampleFlow } from './flow.ts';

const lifecycle = sampleFlow('lifecycle');
const FILES = [
  referenceFile('reference-835'), referenceFile('reference-835-reversal'), referenceFile('reference-999'),
  referenceFile('reference-277ca'), referenceFile('reference-ta1'), lifecycle.response.ack999, lifecycle.response.ack277!, ...lifecycle.response.remits,
];

type Damage =
  | { op: 'drop' | 'repeat'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'element'; at: number; element: number; value: string }
  | { op: 'cut'; at: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'repeat' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('element' as const), at: fc.nat(), element: fc.integer({ min: 1, max: 20 }), value: fc.constantFrom('', '-1', '0', '1.005', 'ZZ', '20251340', 'HC:J0696:JW', 'A7:562:85', '999999999999999999', '*', '~', ':', '\n') }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);

function apply(text: string, d: Damage): string {
  if (d.op === 'cut') return text.slice(0, d.at % Math.max(text.length, 1));
  const segs = text.split('~\n').filter((s) => s !== '');
  if (segs.length === 0) return text;
  const i = d.at % segs.length;
  if (d.op === 'drop') segs.splice(i, 1);
  else if (d.op === 'repeat') segs.splice(i, 0, segs[i]!);
  else if (d.op === 'swap') {
    const j = d.with % segs.length;
    [segs[i], segs[j]] = [segs[j]!, segs[i]!];
  } else if (d.op === 'element') {
    const els = segs[i]!.split('*');
    els[d.element % Math.max(els.length, 1)] = d.value;
    segs[i] = els.join('*');
  }
  return segs.map((s) => `${s}~\n`).join('');
}

describe('damaged files', () => {
  it('are read whole or refused with the segment and its position, never half-read', () => {
    fc.assert(fc.property(fc.nat(), fc.array(damage, { minLength: 1, maxLength: 3 }), (pick, ds) => {
      const text = ds.reduce(apply, FILES[pick % FILES.length]!);
      let file;
      try {
        file = readReceived(text);
      } catch (e) {
        expect(e).toBeInstanceOf(X12ReadError);
        const err = e as X12ReadError;
        expect(err.position).toBeGreaterThanOrEqual(1);
        expect(err.message).toMatch(/^([A-Z][A-Z0-9]{1,2}|segment) at segment \d+: /);
        return;
      }
      for (const d of file.documents) {
        if (d.kind !== '835') continue;
        try {
          const r = postRemittance({ remittance: d.remittance, payer: PAYER, claims: lifecycle.stored, previous: [], now: NOW, newId: counter() });
          const posted = r.claims.reduce((s, c) => s + c.paidCents, 0) + r.unmatched.filter((u) => u.kind !== 'provider-adjustment').reduce((s, u) => s + u.cents, 0);
          expect(posted).toBe(d.remittance.claims.reduce((s, c) => s + c.paidCents, 0));
        } catch (e) {
          expect(e).toBeInstanceOf(UnbalancedRemittance);
        }
      }
    }), { numRuns: 400 });
  });
});
