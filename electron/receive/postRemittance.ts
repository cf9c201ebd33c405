// R-RA-1, R-RA-2, R-RA-4, R-RA-5: posts one balanced 835 remittance (one ST) against the stored
// claims, as a pure function: stored claims, earlier postings, "now" and an id source in;
// postings, provider-level items, what matched nothing and underpaid lines out. Nothing in the
// remittance is dropped: what cannot be tied with certainty to a claim or line is `unmatched`.
import { balanceProblems, type BalanceProblem } from './balance835.ts';
import { underpaid } from './expectedPayment.ts';
import { matchLines, type MatchedLine } from './matchLines.ts';
import type {
  ClaimPosting, LinePosting, PostedAdjustment, PostingResult, RemittanceRef, StoredClaim,
} from '../domain/postings.ts';
import { providerPostings } from './providerAdjustments.ts';
import type { Adjustment, RemitClaim, Remittance } from '../domain/remittance.ts';
import { findReversed, reversalOf } from './reversal.ts';

export interface PostingInput {
  remittance: Remittance;
  /** our payer id, resolved by the caller from TRN03 / N1*PR / REF*2U aliases; null = not ours */
  payer: string | null;
  /** our billing provider ids (NPI, tax id); when given, a payee (N104) not among them is not ours */
  payeeIds?: readonly string[];
  claims: readonly StoredClaim[];
  /** postings already stored for these claims (reversals look for the payment they undo) */
  previous: readonly ClaimPosting[];
  now: string;
  newId: () => string;
}

/** R-RA-3: an unbalanced remittance is refused whole. */
export class UnbalancedRemittance extends Error {
  constructor(readonly problems: BalanceProblem[]) {
    super(`the remittance does not balance (R-RA-3): ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'UnbalancedRemittance';
  }
}

const posted = (as: readonly Adjustment[]): PostedAdjustment[] => as.map((a) => ({ group: a.group, reason: a.reason, cents: a.cents, quantity: a.quantity }));
const prOf = (as: readonly PostedAdjustment[]): number => as.filter((a) => a.group === 'PR').reduce((s, a) => s + a.cents, 0);

/** One billed line's posting: the sums of its remit lines (one SVC, or several when split), in one pass. */
function linePosting(m: MatchedLine): LinePosting {
  const posting: LinePosting = { line: m.stored.line, positions: [], chargeCents: 0, paidCents: 0, unitsPaid: null, adjustments: [], remarks: [] };
  for (const r of m.remit) {
    posting.positions.push(r.position);
    posting.chargeCents += r.chargeCents;
    posting.paidCents += r.paidCents;
    if (r.unitsPaid !== null) posting.unitsPaid = (posting.unitsPaid ?? 0) + r.unitsPaid;
    for (const a of r.adjustments) posting.adjustments.push({ group: a.group, reason: a.reason, cents: a.cents, quantity: a.quantity });
    for (const x of r.remarks) posting.remarks.push(x);
  }
  return posting;
}

/** Why a CLP cannot be posted to this stored claim, or null when it can. */
function claimRefusal(clp: RemitClaim, claim: StoredClaim | undefined, payer: string): string | null {
  if (!claim) return `claim ${clp.claimId} (CLP at segment ${clp.position}) is not a claim we sent`;
  if (claim.payer !== payer) return `claim ${clp.claimId} (CLP at segment ${clp.position}) was billed to ${claim.payer}, not to ${payer}`;
  if (claim.status === 'draft' || claim.status === 'void') return `claim ${clp.claimId} (CLP at segment ${clp.position}) is ${claim.status}: it was never sent or has been voided`;
  if (clp.status === '25') return `claim ${clp.claimId} (CLP at segment ${clp.position}) is a predetermination (CLP02 = 25): pricing only, no money to post`;
  return null;
}

/** R-RA-4: the same claim payment already posted from another remittance is held, not posted twice. */
function duplicateOf(clp: RemitClaim, payer: string, postings: readonly ClaimPosting[]): ClaimPosting | undefined {
  const reversed = new Set(postings.map((p) => p.reverses));
  return postings.find((p) => p.kind === 'payment' && !reversed.has(p.id) && p.claimId === clp.claimId && p.payer === payer
    && p.payerClaimNumber === clp.payerClaimNumber && p.statusCode === clp.status && p.chargeCents === clp.chargeCents && p.paidCents === clp.paidCents);
}

export function postRemittance(input: PostingInput): PostingResult {
  const r = input.remittance;
  const problems = balanceProblems(r);
  if (problems.length > 0) throw new UnbalancedRemittance(problems);
  const ref: RemittanceRef = { control: r.control, traceNumber: r.traceNumber, paymentDate: r.paymentDate };
  const result: PostingResult = { claims: [], provider: [], unmatched: [], underpaid: [] };
  const notOurs = input.payer === null
    ? `the payer ${r.payer.name || '(no name)'} (${r.traceOriginator ?? r.payer.id ?? 'no id'}) is not one of our payers`
    : input.payeeIds && !input.payeeIds.includes(r.payee.id ?? '')
      ? `the payee ${r.payee.name} (${r.payee.qualifier ?? ''} ${r.payee.id ?? ''}) is not one of our billing providers`
      : null;
  if (notOurs !== null || input.payer === null) {
    for (const clp of r.claims) result.unmatched.push({ kind: 'claim', position: clp.position, claimId: clp.claimId, reason: `${notOurs}: claim ${clp.claimId} held`, cents: clp.paidCents });
    for (const plb of r.providerAdjustments) for (const i of plb.items) result.unmatched.push({ kind: 'provider-adjustment', position: plb.position, claimId: null, reason: `${notOurs}: PLB ${i.reason} held`, cents: i.cents });
    return result;
  }
  const payer = input.payer;
  const byId = new Map(input.claims.map((c) => [c.id, c]));
  const all = (): ClaimPosting[] => [...input.previous, ...result.claims];
  // reversals and repeats look only at the postings of their own claim: indexed once, so a
  // remittance of thousands of claims posts in linear time
  const byClaim = new Map<string, ClaimPosting[]>();
  const keep = (p: ClaimPosting) => byClaim.set(p.claimId, [...(byClaim.get(p.claimId) ?? []), p]);
  input.previous.forEach(keep);
  const post = (p: ClaimPosting) => {
    result.claims.push(p);
    keep(p);
  };
  for (const clp of r.claims) {
    const claim = byId.get(clp.claimId);
    const refusal = claimRefusal(clp, claim, payer);
    if (refusal !== null || !claim) {
      result.unmatched.push({ kind: 'claim', position: clp.position, claimId: clp.claimId, reason: refusal ?? '', cents: clp.paidCents });
      continue;
    }
    // an id is drawn only for a posting made, so held items leave no gaps in the caller's ids
    const fields = () => ({ id: input.newId(), remittance: ref, postedAt: input.now });
    if (clp.status === '22') {
      const target = findReversed(clp, payer, byClaim.get(clp.claimId) ?? []);
      if ('reason' in target) result.unmatched.push({ kind: 'reversal', position: clp.position, claimId: clp.claimId, reason: target.reason, cents: clp.paidCents });
      else post(reversalOf(target.posting, clp, fields()));
      continue;
    }
    const dup = duplicateOf(clp, payer, byClaim.get(clp.claimId) ?? []);
    if (dup) {
      result.unmatched.push({ kind: 'claim', position: clp.position, claimId: clp.claimId, reason: `claim ${clp.claimId} (CLP at segment ${clp.position}): the same payment (${clp.payerClaimNumber ?? 'no payer claim number'}, paid ${clp.paidCents} cents) is already posted from remittance ${dup.remittance.traceNumber}`, cents: clp.paidCents });
      continue;
    }
    post(claimPosting(clp, claim, payer, fields(), result));
  }
  result.provider = providerPostings(r.providerAdjustments, { payer, remittance: ref, claims: input.claims, postings: all(), now: input.now, newId: input.newId });
  return result;
}

/** R-RA-2: the claim's payment, adjustments, remarks and patient responsibility, line by line. */
function claimPosting(clp: RemitClaim, claim: StoredClaim, payer: string, fields: Pick<ClaimPosting, 'id' | 'remittance' | 'postedAt'>, result: PostingResult): ClaimPosting {
  const { matched, unmatched } = matchLines(claim, clp.lines);
  const lines = matched.map(linePosting);
  for (const u of unmatched) result.unmatched.push({ kind: 'line', position: u.remit.position, claimId: claim.id, reason: u.reason, cents: u.remit.paidCents });
  matched.forEach((m, i) => {
    const flag = underpaid(claim.id, m.stored, lines[i]!);
    if (flag) result.underpaid.push(flag);
  });
  const adjustments = posted(clp.adjustments);
  // an unmatched line's money is parked with it, so the posting keeps charge − paid = Σ adjustments
  const heldCharge = unmatched.reduce((s, u) => s + u.remit.chargeCents, 0);
  const heldPaid = unmatched.reduce((s, u) => s + u.remit.paidCents, 0);
  return {
    ...fields,
    claimId: claim.id,
    payer,
    position: clp.position,
    kind: 'payment',
    statusCode: clp.status,
    payerClaimNumber: clp.payerClaimNumber,
    chargeCents: clp.chargeCents - heldCharge,
    paidCents: clp.paidCents - heldPaid,
    patientResponsibilityCents: prOf(adjustments) + lines.reduce((s, l) => s + prOf(l.adjustments), 0),
    adjustments,
    remarks: clp.remarks,
    lines,
    reverses: null,
    needsReview: unmatched.length > 0,
  };
}

