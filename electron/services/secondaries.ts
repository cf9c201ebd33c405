// Secondary and tertiary claims in the store (issue 13): after a payer's 835 posts, the claim to
// the next payer is drafted in the same transaction (R-CO-1, R-CO-3), a reversal holds or voids the
// claims that followed (item 6), and a biller may ask for the next payer by hand. The decisions are
// electron/cob's; this file reads the store, saves what they decide and records why
// (claim_followups), so the workbench can say it beside the claim.
import type { Claim, Finding } from '../domain/claims.ts';
import type { ChainClaim, ClaimChain, ClaimFollowup, FollowUpResult } from '../domain/followups.ts';
import type { ClaimPosting } from '../domain/postings.ts';
import type { Payer } from '../domain/types.ts';
import type { RemitClaim, Remittance } from '../domain/remittance.ts';
import { UserError } from '../domain/errors.ts';
import { draftOwnCodesSecondary, draftSecondary, followersOfReversal, secondaryClaimId } from '../cob/index.ts';
import { claimIds, setKeysLive } from '../../db/repos/claimKeys.ts';
import { findClaims, getClaim, insertClaim, insertFinding, updateClaimStatus, type StoredClaim } from '../../db/repos/claims.ts';
import { claimsWithLaterCoverage, deleteDraftFollower, followerIds, followupsOf, insertFollowup } from '../../db/repos/claimFollowups.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { getPatient } from '../../db/repos/patients.ts';
import { listPayers } from '../../db/repos/payers.ts';
import { postingsFor } from '../../db/repos/postings.ts';
import type { Db } from '../../db/repos/sql.ts';

/** The rule a held follower's error names (R-CL-11 keeps a claim with an error from export). */
const HOLD_RULE = 'R-CO-1';


function record(db: Db, claimId: string, at: string, kind: ClaimFollowup['kind'], followerId: string | null, message: string): FollowUpResult {
  insertFollowup(db, { claimId, at, kind, followerId, message });
  return { claimId, kind, followerId, message };
}

/** What every claim of one remittance needs, read once (payers, the claim ids taken) and only when needed. */
interface Lookups {
  payers(): Payer[];
  taken(): Set<string>;
}

function once(db: Db): Lookups {
  let payers: Payer[] | null = null;
  let taken: Set<string> | null = null;
  return { payers: () => (payers ??= listPayers(db)), taken: () => (taken ??= claimIds(db)) };
}

/** A claim id for the follower that no claim has taken (R-CL-7): the `-<priority>` id, else one with a letter before it. */
function freeFollowerId(claim: Claim, priority: number, taken: ReadonlySet<string>): string {
  const wanted = secondaryClaimId(claim, priority);
  if (!taken.has(wanted)) return wanted;
  const base = wanted.slice(0, wanted.length - 2);
  for (const letter of 'BCDEFGHJKLMNPQRSTUVWXYZ') {
    const id = `${base.slice(0, 11)}${letter}-${priority}`;
    if (!taken.has(id)) return id;
  }
  throw new UserError(`no free claim id for the next payer of claim ${claim.id}`);
}

/**
 * A follower that is still a draft is replaced (never sent: its adjudication is the old one); one
 * that was sent and not voided means the next payer has the claim already.
 */
function standingFollower(db: Db, claimId: string): StoredClaim | 'replaceable' | null {
  let replaceable = false;
  for (const id of followerIds(db, claimId)) {
    const f = getClaim(db, id)!;
    if (f.status === 'draft') {
      deleteDraftFollower(db, id);
      replaceable = true;
    } else if (f.status !== 'void' && f.status !== 'rejected' && !f.supersededBy) return f;
  }
  return replaceable ? 'replaceable' : null;
}

/**
 * R-CO-1: the claim to the next payer after `claimId`'s payer answered, saved as a draft; or why
 * none is due, recorded. `remitClaim`: the CLP as read (2430 SVD03 as adjudicated), when at hand.
 */
export function draftFollower(db: Db, claimId: string, o: { now: string; remitClaim?: RemitClaim | null; lookups?: Lookups }): FollowUpResult {
  const claim = getClaim(db, claimId);
  if (!claim) throw new UserError(`There is no claim ${claimId}`);
  const sent = standingFollower(db, claimId);
  if (sent && sent !== 'replaceable') {
    return record(db, claimId, o.now, 'none', sent.id, `claim ${claimId} was billed to the next payer already as claim ${sent.id} (${sent.status})`);
  }
  const patient = getPatient(db, claim.patient);
  if (!patient) throw new UserError(`claim ${claimId} names patient ${claim.patient}, who is not in the records`);
  const lookups = o.lookups ?? once(db);
  const payers = lookups.payers();
  const next = patient.coverages.find((c) => c.priority === claim.coveragePriority + 1);
  const newClaimId = next ? freeFollowerId(claim, next.priority, lookups.taken()) : undefined;
  const d = draftSecondary({ claim, postings: postingsFor(db, [claimId]), remitClaim: o.remitClaim ?? null, patient, payers, ...(newClaimId ? { newClaimId } : {}) });
  if (d.kind === 'none') return record(db, claimId, o.now, 'none', null, d.reason);
  let follower: Claim;
  let findings: Finding[] = [];
  if (d.kind === 'ownCodes') {
    // R-CO-3: the secondary's own code set, built by the engine from the same facts
    const r = draftOwnCodesSecondary({ dataset: loadDataset(db), medicareClaim: claim, adjudication: d.adjudication, coverage: d.coverage, today: o.now.slice(0, 10), ...(newClaimId ? { newClaimId } : {}) });
    if (r.kind === 'none') return record(db, claimId, o.now, 'none', null, r.reason);
    follower = r.claim;
    findings = [...r.findings.filter((f) => f.severity !== 'info'), ...r.notes.map((message) => ({ severity: 'warning' as const, rule: 'R-CO-3', message, claim: r.claim.id }))];
  } else follower = d.claim;
  // the follower bills the same facts as its primary: its keys are not live (the primary's are)
  insertClaim(db, { ...follower, status: 'draft' }, o.now, { live: false });
  lookups.taken().add(follower.id);
  for (const f of findings) insertFinding(db, { ...f, claim: follower.id }, follower.payer);
  const payerName = payers.find((p) => p.id === follower.payer)?.name ?? follower.payer;
  const what = follower.coveragePriority === 3 ? 'tertiary' : 'secondary';
  return record(db, claimId, o.now, 'drafted', follower.id, `${what} claim ${follower.id} drafted to ${payerName} (priority ${follower.coveragePriority})${d.kind === 'ownCodes' ? ' with its own codes (R-CO-3)' : ''}`);
}

/** Issue 13 item 6: each claim that followed a reversed payment is held (draft) or voided (sent). */
function followReversal(db: Db, reversal: ClaimPosting, now: string): FollowUpResult[] {
  // most reversed claims were never billed on: one small query, not the patient's claims
  if (followerIds(db, reversal.claimId).length === 0) return [];
  const claim = getClaim(db, reversal.claimId);
  if (!claim) return [];
  const claims = findClaims(db, { patient: claim.patient });
  const numbers = new Map(claims.filter((c) => c.payerClaimNumber).map((c) => [c.id, c.payerClaimNumber!]));
  const out: FollowUpResult[] = [];
  for (const a of followersOfReversal({ reversal, claims, payerClaimNumbers: numbers, takenIds: claimIds(db) })) {
    const follower = claims.find((c) => c.id === a.claimId)!;
    if (a.kind === 'hold') {
      insertFinding(db, { severity: 'error', rule: HOLD_RULE, message: a.reason, claim: a.claimId, patient: follower.patient }, follower.payer);
      out.push(record(db, reversal.claimId, now, 'hold', a.claimId, a.reason));
    } else if (a.kind === 'void' && a.voidClaim) {
      // a frequency-8 copy to export like any correction (R-CL-9); it follows nobody itself
      const { primaryClaim: _followed, ...voidClaim } = a.voidClaim;
      insertClaim(db, { ...voidClaim, status: 'draft' }, now, { originalClaimId: a.claimId, live: false });
      setKeysLive(db, a.claimId, false);
      updateClaimStatus(db, a.claimId, follower.status, now, { supersededBy: voidClaim.id });
      out.push(record(db, reversal.claimId, now, 'void', a.claimId, `${a.reason}: void claim ${voidClaim.id} drafted`));
    } else out.push(record(db, reversal.claimId, now, a.kind === 'void' ? 'void' : 'none', a.claimId, a.reason));
  }
  return out;
}

/**
 * Called by the 835 posting (services/receive.ts) for each claim posting of one remittance, inside
 * its transaction: a payment drafts the next payer's claim, a reversal holds or voids its followers.
 * A claim whose patient has no coverage after its payer's is passed over in one query (most claims:
 * posting stays fast); "send to next payer" still says why for those.
 */
export function followUpRemittance(db: Db, remittance: Remittance, postings: readonly ClaimPosting[], now: string): FollowUpResult[] {
  const out: FollowUpResult[] = [];
  const later = claimsWithLaterCoverage(db, postings.filter((p) => p.kind === 'payment').map((p) => p.claimId));
  const lookups = once(db);
  for (const p of postings) {
    if (p.kind === 'reversal') out.push(...followReversal(db, p, now));
    else if (later.has(p.claimId)) {
      const remitClaim = remittance.claims.find((c) => c.position === p.position) ?? null;
      out.push(draftFollower(db, p.claimId, { now, remitClaim, lookups }));
    }
  }
  return out;
}

/** "Send to next payer" by hand (denial queue, workbench): the follower drafted, or a UserError saying why not. */
export function sendToNextPayer(db: Db, claimId: string, now: string): FollowUpResult {
  return db.transaction(() => {
    const r = draftFollower(db, claimId, { now });
    if (r.kind !== 'drafted') throw new UserError(`No claim to the next payer for claim ${claimId}: ${r.message}`);
    return r;
  }).immediate();
}

const chainClaim = (c: StoredClaim, names: ReadonlyMap<string, string>): ChainClaim => ({
  id: c.id, payer: c.payer, payerName: names.get(c.payer) ?? c.payer, priority: c.coveragePriority, status: c.status, totalCents: c.totalCents,
});

/** The claim's place in its payer order: the claim it follows and the claims that follow it. */
export function claimChain(db: Db, claimId: string): ClaimChain {
  const claim = getClaim(db, claimId);
  if (!claim) throw new UserError(`There is no claim ${claimId}`);
  const primary = claim.primaryClaim ? getClaim(db, claim.primaryClaim) : null;
  const names = new Map(listPayers(db).map((p) => [p.id, p.name]));
  const followers: ChainClaim[] = [];
  for (let ids = followerIds(db, claimId); ids.length > 0; ) {
    const found = ids.map((id) => getClaim(db, id)!).filter(Boolean);
    followers.push(...found.map((c) => chainClaim(c, names)));
    ids = found.flatMap((c) => followerIds(db, c.id));
  }
  return { claim: claimId, primary: primary ? chainClaim(primary, names) : null, followers, followups: followupsOf(db, [claimId]) };
}
