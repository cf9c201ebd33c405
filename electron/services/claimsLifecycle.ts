// Claim lifecycle (R-CL-9, R-CL-11): draft → exported → accepted | rejected → paid | denied;
// replacement (7) and void (8) claims made from an exported claim carry the payer's claim control
// number of the original. A rejected claim can be reopened as a draft and rebuilt.
import type { Claim, ClaimStatus } from '../domain/claims.ts';
import type { IsoDate } from '../domain/types.ts';
import { buildReplacement, initialVisitCodes } from '../claims/index.ts';
import { correctionClaimId } from '../claims/rules/claimId.ts';
import { correctionOf } from '../claims/rules/frequency.ts';
import { claimDiagnoses, linePointers } from '../claims/rules/diagnoses.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { acknowledge, findClaims, getClaim, insertClaim, updateClaimStatus, warningsHash, type ClaimFilter, type ClaimSummary, type StoredClaim } from '../../db/repos/claims.ts';
import { claimIds, liveKeys, setKeysLive } from '../../db/repos/claimKeys.ts';
import { listClaims as listClaimRows } from '../../db/repos/claims.ts';
import type { Db } from '../../db/repos/sql.ts';

export class ClaimStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimStateError';
  }
}

const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: [],
  exported: ['accepted', 'rejected'],
  accepted: ['paid', 'denied'],
  rejected: ['draft'],
  paid: [],
  denied: [],
  void: [],
};

const CORRECTABLE: readonly ClaimStatus[] = ['exported', 'accepted', 'paid', 'denied'];

export function listClaims(db: Db, filter: ClaimFilter = {}): ClaimSummary[] {
  return listClaimRows(db, filter);
}

export { getClaim };

function mustGet(db: Db, id: string): StoredClaim {
  const c = getClaim(db, id);
  if (!c) throw new ClaimStateError(`claim ${id} does not exist`);
  return c;
}

/** Moves a claim along its lifecycle; draft → exported happens only through markExported. */
export function setClaimStatus(db: Db, id: string, status: ClaimStatus, opts: { at: string; payerClaimNumber?: string }): void {
  db.transaction(() => {
    const c = mustGet(db, id);
    if (!NEXT[c.status].includes(status)) throw new ClaimStateError(`claim ${id} is ${c.status}; it cannot become ${status}`);
    updateClaimStatus(db, id, status, opts.at, { payerClaimNumber: opts.payerClaimNumber ?? null });
  })();
}

/** R-CL-11: the biller has read the claim's current warnings (a changed set needs a new look). */
export function acknowledgeWarnings(db: Db, claimId: string, at: string = new Date().toISOString()): void {
  const c = mustGet(db, claimId);
  acknowledge(db, claimId, warningsHash(c.findings), at);
}

/**
 * What a replacement of `original` bills today, as claim `correction` (R-CL-8, R-CL-9): the
 * original's keys as the records now state them, and the facts new on the dates it closed (a 99602
 * after a corrected departure, a drug added since). The engine decides which (buildReplacement),
 * from the live keys of the original's dates, the original's own or its replacement's included.
 */
export function replacementOf(db: Db, correction: Claim, original: { id: string; payer: string; serviceFrom: IsoDate; serviceTo: IsoDate }, today: IsoDate): Claim {
  const exported = liveKeys(db, { from: original.serviceFrom, to: original.serviceTo }, initialVisitCodes());
  const dataset = loadDataset(db);
  const fresh = buildReplacement(dataset, { from: original.serviceFrom, to: original.serviceTo, payer: original.payer }, { today, exported: { keys: exported } }, original.id);
  const lines = fresh.flatMap((c) => c.lines);
  if (lines.length === 0) throw new ClaimStateError(`nothing of claim ${original.id} is billable any more; void it instead of replacing it`);
  lines.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const therapies = new Map(dataset.therapies.map((t) => [t.id, t.diagnoses]));
  const { kept } = claimDiagnoses(lines.map((l) => therapies.get(l.therapy ?? '') ?? []));
  return {
    ...correction,
    diagnoses: kept,
    lines: lines.map((l) => ({ ...l, pointers: linePointers(therapies.get(l.therapy ?? '') ?? [], kept) })),
    totalCents: lines.reduce((s, l) => s + l.chargeCents, 0),
  };
}

/**
 * R-CL-9: a replacement (7) bills the original's source keys with today's facts and the facts
 * that have appeared since on the dates it closed (R-CL-8); a void (8)
 * repeats the original to cancel it and releases its keys so they may be billed afresh.
 */
export function createCorrection(db: Db, claimId: string, frequency: '7' | '8', typedClaimNumber: string | null, today: IsoDate): StoredClaim {
  return db.transaction(() => {
    const original = mustGet(db, claimId);
    // the number the payer gave (277CA REF*1K, 835 CLP07) is stored: nobody has to type it again
    const payerClaimNumber = typedClaimNumber?.trim() || original.payerClaimNumber?.trim() || '';
    if (!payerClaimNumber) {
      throw new ClaimStateError(`a ${frequency === '7' ? 'replacement' : 'void'} claim needs the payer's claim control number of claim ${claimId}`);
    }
    if (!CORRECTABLE.includes(original.status)) throw new ClaimStateError(`claim ${claimId} is ${original.status}; only a claim sent to the payer can be replaced or voided`);
    if (original.supersededBy) throw new ClaimStateError(`claim ${claimId} was already superseded by ${original.supersededBy}`);
    const id = correctionClaimId(claimId, frequency, claimIds(db));
    let correction = correctionOf(original, frequency, payerClaimNumber, id);
    if (frequency === '7') correction = replacementOf(db, correction, original, today);
    setKeysLive(db, claimId, false);
    insertClaim(db, correction, `${today}T00:00:00`, { originalClaimId: claimId, live: frequency === '7' });
    updateClaimStatus(db, claimId, original.status, `${today}T00:00:00`, { supersededBy: id });
    return mustGet(db, id);
  }).immediate();
}

export { findClaims };
