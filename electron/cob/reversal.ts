// Issue 13 item 6: a payer took back its payment (835 CLP02 = 22, posted as a reversal, R-RA-4).
// Every claim that followed it down the payer order was built on that payment: a follower already
// sent is voided (frequency 8, R-CL-9), a draft is held, each with the reason; the followers of
// those follow the same way. Pure: the caller stores the holds and exports the voids.
import type { Claim } from '../domain/claims.ts';
import type { ClaimPosting } from '../domain/postings.ts';
import { correctionClaimId } from '../claims/rules/claimId.ts';
import { correctionOf } from '../claims/rules/frequency.ts';

export type FollowerAction =
  /** a draft: keep it from export until the earlier payer pays again; then draft anew */
  | { kind: 'hold'; claimId: string; reason: string }
  /** sent: the void to export (null until the payer's claim number is known: a void needs REF*F8) */
  | { kind: 'void'; claimId: string; voidClaim: Claim | null; reason: string }
  /** nothing to undo: rejected, voided already */
  | { kind: 'none'; claimId: string; reason: string };

export interface ReversalFollowersInput {
  reversal: ClaimPosting;
  /** the store's claims (those with `primaryClaim` are the followers) */
  claims: readonly Claim[];
  /** the payer's claim control number of each sent claim (277CA REF*1K or its 835 CLP07) */
  payerClaimNumbers: ReadonlyMap<string, string>;
  /** every claim id in use, so a void's id is new (R-CL-7) */
  takenIds: ReadonlySet<string>;
}

const SENT = new Set(['exported', 'accepted', 'paid', 'denied']);

/** Item 6 of issue 13: what happens to each claim that followed the reversed one. */
export function followersOfReversal(input: ReversalFollowersInput): FollowerAction[] {
  const { reversal } = input;
  if (reversal.kind !== 'reversal') return [];
  const out: FollowerAction[] = [];
  const taken = new Set(input.takenIds);
  const why = `${reversal.payer} reversed its payment on claim ${reversal.claimId} (remittance ${reversal.remittance.traceNumber}, ${reversal.remittance.paymentDate})`;
  let parents = [reversal.claimId];
  while (parents.length > 0) {
    const followers = input.claims.filter((c) => c.primaryClaim != null && parents.includes(c.primaryClaim));
    for (const c of followers) out.push(actionFor(c, why, input.payerClaimNumbers, taken));
    parents = followers.map((c) => c.id);
  }
  return out;
}

function actionFor(claim: Claim, why: string, numbers: ReadonlyMap<string, string>, taken: Set<string>): FollowerAction {
  const status = claim.status ?? 'draft';
  if (status === 'draft') return { kind: 'hold', claimId: claim.id, reason: `held: ${why}; its adjudication no longer stands` };
  if (!SENT.has(status)) return { kind: 'none', claimId: claim.id, reason: `claim ${claim.id} is ${status}: nothing to undo` };
  const number = numbers.get(claim.id);
  if (!number) return { kind: 'void', claimId: claim.id, voidClaim: null, reason: `void: ${why}; the void waits for ${claim.payer}'s claim number of ${claim.id} (REF*F8)` };
  const id = correctionClaimId(claim.id, '8', taken);
  taken.add(id);
  return { kind: 'void', claimId: claim.id, voidClaim: correctionOf(claim, '8', number, id), reason: `void: ${why}` };
}
