// R-AK-1 at the line: a 277CA 2220D rejection read back onto our line by REF*FJ (= our REF*6R).
import { describe, expect, it } from 'vitest';
import { lineRejections } from '../../electron/receive/lineRejections.ts';
import { readReceived } from '../../electron/receive/readReceived.ts';
import type { ClaimStatus277 } from '../../electron/receive/read277ca.ts';
import { sampleFlow } from './flow.ts';

function claimsOf277(text: string): ClaimStatus277[] {
  const doc = readReceived(text).documents[0]!;
  if (doc.kind !== '277CA') throw new Error(`expected a 277CA, read a ${doc.kind}`);
  return doc.ack.claims;
}

describe('lineRejections (R-AK-1)', () => {
  it('places the test payer\'s 2220D rejection on line 1 of our claim, in words, and nothing on accepted claims', () => {
    const claims = claimsOf277(sampleFlow('lineRejected').response.ack277!);
    const rejected = claims.find((c) => c.claimId === 'C2610P1002A')!;
    expect(lineRejections(rejected)).toEqual([{ claimId: 'C2610P1002A', line: 1, position: rejected.lines[0]!.position, reason: 'line 1 (S9502) rejected: A7 rejected for invalid information: status 453: billing provider' }]);
    expect(claims.filter((c) => c.claimId !== 'C2610P1002A').flatMap(lineRejections)).toEqual([]);
  });

  it('leaves a line whose REF*FJ is not one of the claim\'s line control numbers in the claim\'s reason only', () => {
    const [claim] = claimsOf277(sampleFlow('lineRejected').response.ack277!).filter((c) => c.claimId === 'C2610P1002A');
    const foreign = { ...claim!, lines: claim!.lines.map((l) => ({ ...l, lineControlNumber: 'OTHERCLAIM-1' })) };
    const noControl = { ...claim!, lines: claim!.lines.map((l) => ({ ...l, lineControlNumber: null })) };
    const accepting = { ...claim!, lines: claim!.lines.map((l) => ({ ...l, statuses: l.statuses.map((s) => ({ ...s, action: 'WQ', codes: s.codes.map((c) => ({ ...c, category: 'A2' })) })) })) };
    expect([lineRejections(foreign), lineRejections(noControl), lineRejections(accepting)]).toEqual([[], [], []]);
  });
});
