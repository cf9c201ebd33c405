// The denial work queue: claims the payer denied (R-RA-2: in full, or lines paid nothing with
// CO/PI) and claims it never received (R-AK-1 rejected), grouped by their main reason with our
// words and the usual next step; the biller's assignee, notes and follow-up; write-offs; and
// resubmission (a rejected claim as a new original, a denied one as a replacement, frequency 7).
import { claimStates, type ClaimStateRow } from '../../db/repos/claimStates.ts';
import { findClaims, getClaim, updateClaimStatus } from '../../db/repos/claims.ts';
import { claimsBillingKeysOf, setKeysLive } from '../../db/repos/claimKeys.ts';
import { denialWork, insertWriteOff, reverseWriteOff, saveDenialWork, writeOffs } from '../../db/repos/denials.ts';
import type { Db } from '../../db/repos/sql.ts';
import { explain } from '../receive/reasonCodes.ts';
import type { ClaimPosting, PostedAdjustment } from '../domain/postings.ts';
import type { DenialGroup, DenialItem, DenialReason } from '../domain/receivables.ts';
import { UserError } from '../domain/errors.ts';
import { buildPeriod } from './buildService.ts';
import { claimMoney, moneyContext, standingPayments, type MoneyContext } from './claimMoney.ts';
import { ClaimStateError, createCorrection } from './claimsLifecycle.ts';

export interface Names {
  patient(id: string): string;
  payer(id: string): string;
}

const isDenial = (a: PostedAdjustment) => a.group === 'CO' || a.group === 'PI';

/** R-RA-2: the CO/PI adjustments of what the payer paid nothing for, from the payments still standing. */
export function deniedAdjustments(standing: readonly ClaimPosting[]): PostedAdjustment[] {
  return standing.flatMap((p) => {
    const lines = p.lines.filter((l) => l.paidCents === 0).flatMap((l) => l.adjustments.filter(isDenial));
    const claimLevel = p.paidCents === 0 ? p.adjustments.filter(isDenial) : [];
    return [...claimLevel, ...lines];
  });
}

function reasonsOf(as: readonly PostedAdjustment[]): DenialReason[] {
  const sums = new Map<string, DenialReason>();
  for (const a of as) {
    const key = `${a.group}-${a.reason}`;
    const e = explain(a.group, a.reason);
    const r = sums.get(key) ?? { group: a.group, code: a.reason, words: e.words, nextStep: e.nextStep ?? 'Read the remittance and the payer\'s policy for this code.', cents: 0 };
    r.cents += a.cents;
    sums.set(key, r);
  }
  return [...sums.values()].filter((r) => r.cents !== 0).sort((a, b) => b.cents - a.cents);
}

const REJECTED_STEP = 'Fix what the acknowledgment names, then resubmit: it goes out again as a new original (frequency 1).';

/** One claim's queue item from what moneyContext read (postings, line rejections, write-offs), or null when nothing is denied or rejected. */
function itemOf(db: Db, state: ClaimStateRow, m: MoneyContext, names: Names, work: ReturnType<typeof denialWork>): DenialItem | null {
  const standing = standingPayments(m.postings.get(state.id) ?? []);
  const denied = deniedAdjustments(standing);
  const rejected = state.status === 'rejected';
  if (!rejected && denied.length === 0) return null;
  const reasons: DenialReason[] = rejected
    ? [{ group: 'REJECTED', code: 'REJECTED', words: state.reason ?? 'Rejected before adjudication', nextStep: REJECTED_STEP, cents: state.totalCents }]
    : reasonsOf(denied);
  if (reasons.length === 0) return null;
  const w = work.get(state.id);
  // R-AK-1: a rejected original whose dates a build has billed again is resubmitted by those claims
  const rebuiltAs = rejected && !state.supersededBy ? claimsBillingKeysOf(db, state.id) : [];
  const remarks = [...new Set(standing.flatMap((p) => [...p.remarks, ...p.lines.flatMap((l) => l.remarks)]).map((r) => r.code))]
    .map((code) => ({ code, words: explain('RARC', code).words }));
  return {
    claimId: state.id, patient: state.patient, patientName: names.patient(state.patient), payer: state.payer, payerName: names.payer(state.payer),
    status: state.status, statusReason: state.reason, payerClaimNumber: state.payerClaimNumber, serviceFrom: state.serviceFrom, serviceTo: state.serviceTo,
    chargeCents: state.totalCents,
    deniedCents: rejected ? state.totalCents : denied.reduce((s, a) => s + a.cents, 0),
    reasons, remarks, lineRejections: rejected ? (m.lineRejections.get(state.id) ?? []) : [],
    assignee: w?.assignee ?? null, notes: w?.notes ?? '', followUp: w?.followUp ?? null,
    state: w?.state ?? (m.writtenOff.has(state.id) ? 'written-off' : 'open'),
    resubmittedAs: w?.resubmittedAs ?? state.supersededBy ?? (rebuiltAs.length ? rebuiltAs.join(', ') : null),
    resubmitAs: state.supersededBy || rebuiltAs.length ? null : rejected ? 'original' : 'replacement',
  };
}

/** Denied and rejected claims, one group per main reason (the largest), biggest groups first. */
export function listDenials(db: Db, names: Names, o: { includeClosed?: boolean } = {}): DenialGroup[] {
  const states = claimStates(db).filter((s) => s.status !== 'draft' && s.status !== 'void');
  const m = moneyContext(db);
  const work = denialWork(db);
  const groups = new Map<string, DenialGroup>();
  for (const s of states) {
    const item = itemOf(db, s, m, names, work);
    if (!item || (!o.includeClosed && (item.state !== 'open' || item.resubmittedAs))) continue;
    const main = item.reasons[0]!;
    const key = main.group === 'REJECTED' ? 'REJECTED' : `${main.group}-${main.code}`;
    const words = main.group === 'REJECTED' ? 'Rejected: the payer never received these claims' : main.words;
    const g = groups.get(key) ?? { key, words, nextStep: main.nextStep, cents: 0, items: [] };
    g.cents += item.deniedCents;
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.cents - a.cents || a.key.localeCompare(b.key));
}

export function denialItem(db: Db, claimId: string, names: Names): DenialItem {
  const [state] = claimStates(db, { ids: [claimId] });
  if (!state) throw new UserError(`There is no claim ${claimId}`);
  const m = moneyContext(db, [claimId]);
  const item = itemOf(db, state, m, names, denialWork(db));
  if (!item) throw new UserError(`Claim ${claimId} is ${state.status} and has no denied lines: it is not in the denial queue`);
  return item;
}

export function updateDenial(db: Db, a: { claim: string; assignee?: string | null; notes?: string; followUp?: string | null }, at: string, names: Names): DenialItem {
  return db.transaction(() => {
    denialItem(db, a.claim, names);
    saveDenialWork(db, a.claim, at, {
      ...(a.assignee !== undefined ? { assignee: a.assignee } : {}),
      ...(a.notes !== undefined ? { notes: a.notes } : {}),
      ...(a.followUp !== undefined ? { followUp: a.followUp } : {}),
    });
    return denialItem(db, a.claim, names);
  }).immediate();
}

/**
 * The office gives up on a denied claim: the write-off records the open balance it closes and the
 * denied amount it accepts, and closes the work item. Reversible (reverseDenialWriteOff).
 */
export function writeOffDenial(db: Db, a: { claim: string; reason: string }, o: { at: string; by: string }, names: Names) {
  return db.transaction(() => {
    const item = denialItem(db, a.claim, names);
    if (item.state === 'written-off') throw new UserError(`Claim ${a.claim} is written off already`);
    const [state] = claimStates(db, { ids: [a.claim] });
    const claim = getClaim(db, a.claim)!;
    const money = claimMoney(claim, state!, moneyContext(db, [a.claim]));
    const openCents = Math.max(0, money.balanceCents);
    const deniedCents = item.status === 'rejected' ? 0 : item.deniedCents;
    const id = insertWriteOff(db, { claimId: a.claim, openCents, deniedCents, reason: a.reason, at: o.at, by: o.by });
    saveDenialWork(db, a.claim, o.at, { state: 'written-off' });
    return { claim: a.claim, writeOffId: id, openCents, deniedCents };
  }).immediate();
}

export function reverseDenialWriteOff(db: Db, id: number, o: { at: string; by: string }) {
  return db.transaction(() => {
    const w = reverseWriteOff(db, id, o.by, o.at);
    if (!w) throw new UserError(`There is no write-off ${id} standing`);
    if (!writeOffs(db, { activeOnly: true }).some((x) => x.claimId === w.claimId)) saveDenialWork(db, w.claimId, o.at, { state: 'open' });
    return { claim: w.claimId, writeOffId: id };
  }).immediate();
}

/** R-CL-9 replacement; a lifecycle refusal (already superseded, nothing billable) is the biller's to act on. */
function correction(db: Db, claimId: string, today: string) {
  try {
    return createCorrection(db, claimId, '7', null, today);
  } catch (e) {
    if (e instanceof ClaimStateError) throw new UserError(e.message);
    throw e;
  }
}

/**
 * R-AK-1: a rejected claim never reached the payer, so it goes out again as a new original: its
 * source keys are released and its dates rebuilt for its payer (the fixed records make new
 * drafts). A denied claim was adjudicated: a replacement (frequency 7) carries the payer's claim
 * number stored from its 277CA or 835 (R-CL-9).
 */
export function resubmitDenial(db: Db, claimId: string, o: { today: string; now: string }, names: Names): { claim: string; newClaims: string[]; frequency: '1' | '7' } {
  return db.transaction(() => {
    const item = denialItem(db, claimId, names);
    if (!item.resubmitAs) throw new UserError(`Claim ${claimId} was resubmitted already (as ${item.resubmittedAs ?? 'another claim'})`);
    if (item.resubmitAs === 'replacement') {
      const c = correction(db, claimId, o.today);
      saveDenialWork(db, claimId, o.now, { state: 'resubmitted', resubmittedAs: c.id });
      return { claim: claimId, newClaims: [c.id], frequency: '7' as const };
    }
    const original = getClaim(db, claimId)!;
    const keys = new Set(original.lines.flatMap((l) => l.sourceKeys));
    setKeysLive(db, claimId, false);
    buildPeriod(db, { from: original.serviceFrom, to: original.serviceTo, payer: original.payer }, { today: o.today, now: o.now });
    const fresh = findClaims(db, { status: 'draft', payer: original.payer, from: original.serviceFrom, to: original.serviceTo })
      .filter((c) => c.lines.some((l) => l.sourceKeys.some((k) => keys.has(k))))
      .map((c) => c.id);
    if (fresh.length === 0) throw new UserError(`Nothing of claim ${claimId} builds again: check the records it billed`);
    updateClaimStatus(db, claimId, 'rejected', o.now, { supersededBy: fresh[0]! });
    saveDenialWork(db, claimId, o.now, { state: 'resubmitted', resubmittedAs: fresh.join(', ') });
    return { claim: claimId, newClaims: fresh, frequency: '1' as const };
  }).immediate();
}
