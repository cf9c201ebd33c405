// Issue 13 item 6: a reversed primary payment voids the secondary that was sent and holds a draft.
import { describe, expect, it } from 'vitest';
import { followersOfReversal } from '../../electron/cob/reversal.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { postRemittance } from '../../electron/receive/postRemittance.ts';
import { toStoredClaim } from '../../electron/receive/storedClaim.ts';
import { remittanceOf } from '../receive/flow.ts';
import { respond } from '../support/testPayer.ts';
import { batch, chain, NOW, PRIMARY, PRIMARY_PLAN } from './fixture.ts';

const { primary, secondary, tertiary } = chain();

/** The test payer's second 835 reverses the primary payment (CLP02 22), posted like any remittance. */
function reversedPrimary() {
  const plan = { ...PRIMARY_PLAN, claims: { C2610P1001A: { ...PRIMARY_PLAN.claims!.C2610P1001A!, reverseOnly: true } } };
  const response = respond(write837(batch([PRIMARY], 401)).text, plan);
  const second = remittanceOf(response.remits[1]!);
  const posted = postRemittance({ remittance: second, payer: 'bcbstx', claims: [toStoredClaim(PRIMARY)], previous: primary.postings, now: NOW, newId: () => 'REV1' });
  return posted.claims[0]!;
}

describe('reversal of an earlier payer (issue 13 item 6)', () => {
  const reversal = reversedPrimary();

  it('posts the reversal as the negation of the primary payment', () => {
    expect([reversal.kind, reversal.reverses, reversal.paidCents, reversal.statusCode]).toEqual(['reversal', primary.postings[0]!.id, -16800, '22']);
  });

  it('R-CO-1: the secondary already sent is voided (frequency 8 with its payer claim number), the tertiary draft is held', () => {
    const actions = followersOfReversal({
      reversal,
      claims: [PRIMARY, { ...secondary.claim, status: 'paid' }, { ...tertiary, status: 'draft' }],
      payerClaimNumbers: new Map([['C2610P1001A-2', '94002000001']]),
      takenIds: new Set(['C2610P1001A', 'C2610P1001A-2', 'C2610P1001A-3']),
    });
    const why = 'bcbstx reversed its payment on claim C2610P1001A (remittance TP202611100013, 2026-11-10)';
    expect(actions.map((a) => [a.kind, a.claimId, a.reason])).toEqual([
      ['void', 'C2610P1001A-2', `void: ${why}`],
      ['hold', 'C2610P1001A-3', `held: ${why}; its adjudication no longer stands`],
    ]);
    const v = actions[0]!.kind === 'void' ? actions[0]!.voidClaim! : null;
    expect([v?.id, v?.frequency, v?.originalClaimNumber, v?.payer, v?.totalCents, v?.priorPayers?.length]).toEqual(['C2610P1001A-V1', '8', '94002000001', 'allways', 32400, 1]);
    expect(write837(batch([v!], 402)).text).toContain('CLM*C2610P1001A-V1*324***12:B:8*Y*A*Y*Y~\nREF*F8*94002000001~');
  });

  it('a secondary sent but not yet numbered by its payer waits for the number before its void', () => {
    const actions = followersOfReversal({ reversal, claims: [{ ...secondary.claim, status: 'exported' }], payerClaimNumbers: new Map(), takenIds: new Set() });
    expect(actions).toEqual([{ kind: 'void', claimId: 'C2610P1001A-2', voidClaim: null, reason: 'void: bcbstx reversed its payment on claim C2610P1001A (remittance TP202611100013, 2026-11-10); the void waits for allways\'s claim number of C2610P1001A-2 (REF*F8)' }]);
  });

  it('a payment posting undoes nothing', () => {
    expect(followersOfReversal({ reversal: primary.postings[0]!, claims: [secondary.claim], payerClaimNumbers: new Map(), takenIds: new Set() })).toEqual([]);
  });
});
