// `claims.list` (interfaces.md `perdiem claims --json`): every claim with its status and money.
// R-AR-1 balances come from electron/receive/claimBalance.ts over the stored postings; the office's
// own write-offs (db/repos/denials.ts) then close what they name of the open balance.
import { claimStates, type ClaimStateRow, type StateFilter } from '../../db/repos/claimStates.ts';
import { findClaims, type StoredClaim as RepoClaim } from '../../db/repos/claims.ts';
import { writeOffs } from '../../db/repos/denials.ts';
import { postingsFor, underpaidFor } from '../../db/repos/postings.ts';
import { patientPaidByClaim } from '../../db/repos/patientPayments.ts';
import { lineRejectionsOf } from '../../db/repos/lineRejections.ts';
import type { Db } from '../../db/repos/sql.ts';
import { claimBalance } from '../receive/claimBalance.ts';
import type { ClaimPosting, PostedAdjustment } from '../domain/postings.ts';
import { explain } from '../receive/reasonCodes.ts';
import type { Remark } from '../domain/remittance.ts';
import { toStoredClaim } from '../receive/storedClaim.ts';
import type { ClaimMoney, MoneyAdjustment } from '../domain/receivables.ts';

/** Adjustments summed by group and reason over every posting (a reversal's negatives cancel its payment's). */
export function netAdjustments(as: readonly PostedAdjustment[]): MoneyAdjustment[] {
  const sums = new Map<string, MoneyAdjustment>();
  for (const a of as) {
    const key = `${a.group}-${a.reason}`;
    const s = sums.get(key) ?? { group: a.group, reason: a.reason, cents: 0, words: explain(a.group, a.reason).words };
    s.cents += a.cents;
    sums.set(key, s);
  }
  return [...sums.values()].filter((s) => s.cents !== 0);
}

/** The payments still standing: not reversed, and not reversals themselves. */
export function standingPayments(postings: readonly ClaimPosting[]): ClaimPosting[] {
  const reversed = new Set(postings.map((p) => p.reverses).filter((x): x is string => x !== null));
  return postings.filter((p) => p.kind === 'payment' && !reversed.has(p.id));
}

const remarkCodes = (rs: readonly Remark[]): string[] => [...new Set(rs.map((r) => r.code))];

export interface MoneyContext {
  postings: Map<string, ClaimPosting[]>;
  writtenOff: Map<string, { openCents: number; deniedCents: number }>;
  underpaid: Map<string, number>;
  /** R-AK-1: 277CA line rejections by claim, the latest per line */
  lineRejections: Map<string, { line: number; reason: string }[]>;
  /** R-CO-4: the patients' payments applied to each claim, net of voids */
  patientPaid: Map<string, number>;
}

/**
 * What claimMoney needs for these claims (all when absent), read once. With `asOf`, only what the
 * office knew that day (ar.report): postings paid and posted by then, patient payments received
 * (and voids made) by then.
 */
export function moneyContext(db: Db, ids?: readonly string[], asOf?: string): MoneyContext {
  const postings = new Map<string, ClaimPosting[]>();
  for (const p of postingsFor(db, ids)) {
    if (asOf !== undefined && (p.remittance.paymentDate > asOf || p.postedAt.slice(0, 10) > asOf)) continue;
    postings.set(p.claimId, [...(postings.get(p.claimId) ?? []), p]);
  }
  const writtenOff = new Map<string, { openCents: number; deniedCents: number }>();
  for (const w of writeOffs(db, { activeOnly: true })) {
    const s = writtenOff.get(w.claimId) ?? { openCents: 0, deniedCents: 0 };
    writtenOff.set(w.claimId, { openCents: s.openCents + w.openCents, deniedCents: s.deniedCents + w.deniedCents });
  }
  const underpaid = new Map<string, number>();
  for (const u of underpaidFor(db, ids)) underpaid.set(`${u.claimId}:${u.line}`, (underpaid.get(`${u.claimId}:${u.line}`) ?? 0) + u.differenceCents);
  const lineRejections = new Map<string, { line: number; reason: string }[]>();
  for (const r of lineRejectionsOf(db, ids)) lineRejections.set(r.claimId, [...(lineRejections.get(r.claimId) ?? []), { line: r.line, reason: r.reason }]);
  return { postings, writtenOff, underpaid, lineRejections, patientPaid: patientPaidByClaim(db, { ...(ids ? { ids } : {}), ...(asOf !== undefined ? { asOf } : {}) }) };
}

/** R-AR-1 for one stored claim, in the contract's shape. */
export function claimMoney(claim: RepoClaim, state: ClaimStateRow, m: MoneyContext): ClaimMoney {
  const postings = m.postings.get(claim.id) ?? [];
  const b = claimBalance(toStoredClaim(claim), postings);
  const standing = standingPayments(postings);
  const off = m.writtenOff.get(claim.id) ?? { openCents: 0, deniedCents: 0 };
  const patientPaid = m.patientPaid.get(claim.id) ?? 0;
  return {
    id: claim.id,
    patient: claim.patient,
    payer: claim.payer,
    frequency: claim.frequency,
    status: state.status,
    statusReason: state.reason,
    payerClaimNumber: state.payerClaimNumber,
    ...(state.originalClaimId ? { replaces: state.originalClaimId } : {}),
    ...(claim.primaryClaim ? { primaryClaim: claim.primaryClaim } : {}),
    serviceFrom: state.serviceFrom,
    serviceTo: state.serviceTo,
    chargeCents: b.chargeCents,
    paidCents: b.paidCents,
    patientResponsibilityCents: b.movedOnCents,
    patientPaidCents: patientPaid,
    patientBalanceCents: b.movedOnCents - patientPaid,
    balanceCents: b.openCents - off.openCents,
    adjustmentCents: b.adjustmentCents,
    writtenOffCents: off.openCents + off.deniedCents,
    adjustments: netAdjustments(postings.flatMap((p) => p.adjustments)),
    remarks: remarkCodes(standing.flatMap((p) => p.remarks)),
    lines: claim.lines.map((l, i) => {
      const n = i + 1;
      const lp = postings.flatMap((p) => p.lines.filter((x) => x.line === n));
      return {
        line: n, from: l.from, to: l.to, code: l.code, modifiers: [...l.modifiers], units: l.units, chargeCents: l.chargeCents,
        pointers: [...l.pointers], ndc: l.ndc, ndcQty: l.ndcQty, ndcUnit: l.ndcUnit, sourceKey: l.sourceKey,
        paidCents: b.lines[i]!.paidCents,
        adjustments: netAdjustments(lp.flatMap((x) => x.adjustments)),
        remarks: remarkCodes(standing.flatMap((p) => p.lines.filter((x) => x.line === n).flatMap((x) => x.remarks))),
        underpaidCents: m.underpaid.get(`${claim.id}:${n}`) ?? 0,
        rejection: m.lineRejections.get(claim.id)?.find((r) => r.line === n)?.reason ?? null,
      };
    }),
  };
}

export function listClaimMoney(db: Db, filter: StateFilter = {}): ClaimMoney[] {
  const states = claimStates(db, filter);
  const ids = states.map((s) => s.id);
  const claims = new Map(findClaims(db, { ids }).map((c) => [c.id, c]));
  const m = moneyContext(db, ids);
  return states.map((s) => claimMoney(claims.get(s.id)!, s, m));
}
