// R-AK-1: claim states driven by TA1, 999, 277CA and 835, with reasons in plain words, on the
// reference files and on what the test payer answered.
import { describe, expect, it } from 'vitest';
import { eventOfTa1, eventsOf277, eventsOf999 } from '../../electron/receive/claimEvents.ts';
import { deniedInFull, nextClaimState } from '../../electron/receive/claimState.ts';
import type { StoredClaimStatus } from '../../electron/domain/postings.ts';
import { readReceived, type ReceivedDocument } from '../../electron/receive/readReceived.ts';
import { referenceFile } from './files.ts';
import { postAll, sampleFlow } from './flow.ts';

function doc<K extends ReceivedDocument['kind']>(text: string, kind: K): Extract<ReceivedDocument, { kind: K }> {
  return readReceived(text).documents.find((d) => d.kind === kind) as Extract<ReceivedDocument, { kind: K }>;
}

describe('R-AK-1 acknowledgments', () => {
  it('R-AK-1: a 999 that rejects the transaction set rejects its claims, naming segment, element and value', () => {
    const [e] = eventsOf999(doc(referenceFile('reference-999'), '999').ack);
    expect([e!.groupControl, e!.transactionSet]).toEqual(['101', '0001']);
    expect(nextClaimState('exported', e!.event)).toEqual({
      status: 'rejected', changed: true, payerClaimNumber: null,
      reason: "the transaction set 0001 was rejected (999 R): CLM07 in CLM at segment 19 of the transaction set (claim INF20250115001): invalid code value ('Z'); every claim in it must be sent again as a new original",
    });
  });

  it('R-AK-1: a TA1 R rejects every claim of the interchange with the note in words', () => {
    const { interchange, event } = eventOfTa1(doc(referenceFile('reference-ta1'), 'TA1').ta1);
    expect(interchange).toBe('000000101');
    expect(nextClaimState('exported', event)).toEqual({
      status: 'rejected', changed: true, payerClaimNumber: null,
      reason: 'the clearinghouse could not read the file (TA1 note 025: this interchange control number was already used: send again with a new ISA13); fix the envelope and send the claim again as a new original',
    });
  });

  it('R-AK-1: a payer 277CA A2 accepts and keeps REF*1K; A7 rejects with category, status and entity in words', () => {
    const events = eventsOf277(doc(referenceFile('reference-277ca'), '277CA').ack);
    expect(events.map((e) => e.claimId)).toEqual(['INF20250115001', 'HIP250106A']);
    expect(nextClaimState('exported', events[0]!.event)).toEqual({
      status: 'accepted', changed: true, payerClaimNumber: '9400012345600',
      reason: 'accepted for adjudication by the payer (EXAMPLE HEALTH PLAN): A2 accepted into the adjudication system: status 20',
    });
    expect(nextClaimState('exported', events[1]!.event)).toEqual({
      status: 'rejected', changed: true, payerClaimNumber: null,
      reason: 'rejected by the payer (EXAMPLE HEALTH PLAN): A7 rejected for invalid information: status 562: billing provider; fix it and send it again as a new original (frequency 1)',
    });
  });

  it('R-AK-1: a rejection after an acceptance wins; an acceptance after a rejection does not', () => {
    const [accept, reject] = eventsOf277(doc(referenceFile('reference-277ca'), '277CA').ack).map((e) => e.event);
    expect(nextClaimState('accepted', reject!).status).toBe('rejected');
    expect(nextClaimState('rejected', accept!)).toMatchObject({ status: 'rejected', changed: false });
  });

  it('R-AK-1: a clearinghouse A2 or a 999 A leaves the claim exported, waiting for the payer', () => {
    const [accept] = eventsOf277(doc(referenceFile('reference-277ca'), '277CA').ack).map((e) => e.event);
    const clearinghouse = { ...accept!, source: { entity: 'AY', name: 'CLEARHOUSE', id: null } } as typeof accept;
    expect(nextClaimState('exported', clearinghouse!)).toEqual({ status: 'exported', changed: false, payerClaimNumber: null, reason: 'the clearinghouse (CLEARHOUSE) reported A2 accepted into the adjudication system: status 20' });
    expect(nextClaimState('exported', { kind: '999', result: 'A', resultWords: 'accepted', transactionSet: '0001', errors: [] }).status).toBe('exported');
  });

  it('R-AK-1: a 999 E moves nothing but keeps the findings; an AK9 R rejects even the sets its AK2 accepted', () => {
    const text = referenceFile('reference-999').replace('IK5*R*5', 'IK5*E*5').replace('AK9*R*1*1*0', 'AK9*E*1*1*1');
    const [warned] = eventsOf999(doc(text, '999').ack);
    expect(nextClaimState('exported', warned!.event)).toEqual({
      status: 'exported', changed: false, payerClaimNumber: null,
      reason: "the file's syntax was accepted (999 E, transaction set 0001): CLM07 in CLM at segment 19 of the transaction set (claim INF20250115001): invalid code value ('Z'); waiting for the payer's 277CA",
    });
    const [group] = eventsOf999(doc(text.replace('AK9*E*1*1*1', 'AK9*R*1*1*0'), '999').ack);
    expect(nextClaimState('exported', group!.event)).toMatchObject({ status: 'rejected', changed: true });
    expect(nextClaimState('exported', group!.event).reason).toMatch(/^the transaction set 0001 was rejected with its whole group \(AK9 R\) \(999 R\)/);
  });

  it('R-AK-1: acknowledgments change nothing once the payer adjudicated', () => {
    for (const s of ['paid', 'denied', 'reversed'] as StoredClaimStatus[]) {
      expect(nextClaimState(s, eventOfTa1(doc(referenceFile('reference-ta1'), 'TA1').ta1).event)).toMatchObject({ status: s, changed: false });
    }
  });
});

describe('R-AK-1 through the test payer', () => {
  it('R-AK-1: the 999 of a rejected set rejects every claim in it; no 277CA follows', () => {
    const f = sampleFlow('syntaxRejected');
    expect(f.response.ack277).toBeNull();
    const events = eventsOf999(doc(f.response.ack999, '999').ack);
    expect(events.map((e) => [e.transactionSet, nextClaimState('exported', e.event).status])).toEqual([['0001', 'rejected']]);
    expect(nextClaimState('exported', events[0]!.event).reason).toContain('(claim C2610P1002A)');
  });

  it('R-AK-1: exported → accepted/rejected by the 277CA → paid/reversed/denied by the 835s', () => {
    const f = sampleFlow('lifecycle');
    const status = new Map(f.stored.map((c) => [c.id, 'exported' as StoredClaimStatus]));
    const numbers = new Map<string, string | null>();
    const apply = (id: string, t: ReturnType<typeof nextClaimState>) => {
      status.set(id, t.status);
      if (t.payerClaimNumber) numbers.set(id, t.payerClaimNumber);
    };
    for (const e of eventsOf999(doc(f.response.ack999, '999').ack)) for (const id of status.keys()) apply(id, nextClaimState(status.get(id)!, e.event));
    expect([...status.values()]).toEqual(['exported', 'exported', 'exported']);
    for (const e of eventsOf277(doc(f.response.ack277!, '277CA').ack)) apply(e.claimId, nextClaimState(status.get(e.claimId)!, e.event));
    expect(Object.fromEntries(status)).toEqual({ C2610P1001A: 'accepted', C2610P1002A: 'rejected', C2610P1001S: 'accepted' });
    expect(Object.fromEntries(numbers)).toEqual({ C2610P1001A: '94000100001', C2610P1001S: '94000100003' });
    const { results } = postAll(f.stored, f.remittances);
    const trail: string[] = [];
    for (const r of results) {
      for (const p of r.claims) {
        const t = nextClaimState(status.get(p.claimId)!, { kind: '835', posting: p });
        apply(p.claimId, t);
        trail.push(`${p.claimId} ${t.status}: ${t.reason}`);
      }
    }
    expect(trail).toEqual([
      'C2610P1001A paid: adjudicated by the payer (remittance TP202611200003, paid 9550 cents)',
      'C2610P1001S paid: adjudicated by the payer (remittance TP202611200003, paid 8000 cents)',
      'C2610P1001A reversed: the payer reversed its payment (claim 94000100001, remittance TP202611200004); a corrected adjudication may follow',
      'C2610P1001A paid: adjudicated by the payer (remittance TP202611200004, paid 10400 cents)',
    ]);
    expect(numbers.get('C2610P1001A')).toBe('940001000011');
  });

  it('R-RA-2: CLP02 = 4, or nothing paid with only CO/PI adjustments, is denied in full', () => {
    const f = sampleFlow('split');
    const { postings } = postAll(f.stored, f.remittances);
    expect(postings.map((p) => [p.claimId, p.statusCode, deniedInFull(p), nextClaimState('accepted', { kind: '835', posting: p }).status])).toEqual([
      ['C2610P1002A', '1', false, 'paid'], ['C2610P1003A', '4', true, 'denied'], ['C2610P1002A', '1', false, 'paid'],
    ]);
    const allDenied = sampleFlow('contractual');
    const denied = { ...postAll(allDenied.stored, allDenied.remittances).postings[0]!, paidCents: 0 };
    const zeroLines = { ...denied, lines: denied.lines.map((l) => ({ ...l, paidCents: 0, adjustments: l.adjustments.filter((a) => a.group !== 'PR') })) };
    expect(deniedInFull(zeroLines)).toBe(true);
    const only = (group: 'PR' | 'OA' | 'PI', reason: string) => ({ ...zeroLines, lines: zeroLines.lines.map((l) => ({ ...l, adjustments: [{ group, reason, cents: l.chargeCents, quantity: null }] })) });
    expect([deniedInFull(only('PR', '1')), deniedInFull(only('OA', '23')), deniedInFull(only('PI', '204'))]).toEqual([false, false, true]);
  });
});
