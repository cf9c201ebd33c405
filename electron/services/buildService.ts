// `build`: replaces the draft claims of a period (and payer) in ONE transaction (R-CL-8).
// Drafts overlapping the range are rebuilt whole (the range grows to cover them), source keys on
// exported claims or pending corrections are never billed again, and changed facts are reported.
import type { BuildResult } from '../domain/claims.ts';
import type { IsoDate } from '../domain/types.ts';
import { buildClaims, initialVisitCodes } from '../claims/index.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { getPayer } from '../../db/repos/payers.ts';
import { deleteDrafts, draftSpanOverlapping, getClaim, insertClaim, insertFinding, pendingReplacements, replaceClaimLines } from '../../db/repos/claims.ts';
import { claimIds, liveKeys } from '../../db/repos/claimKeys.ts';
import { ClaimStateError, replacementOf } from './claimsLifecycle.ts';
import type { Db } from '../../db/repos/sql.ts';
import { UserError } from '../domain/errors.ts';
import { isRealDate } from '../import/dates.ts';

export interface BuildRequest {
  from: IsoDate;
  to: IsoDate;
  payer?: string;
}

export interface BuildServiceOptions {
  today: IsoDate;
  /** recorded as the claims' creation time (default: today at midnight) */
  now?: string;
}

/** The range widened until no original draft straddles its edges. */
function widen(db: Db, req: BuildRequest): { from: IsoDate; to: IsoDate } {
  let { from, to } = req;
  for (;;) {
    const span = draftSpanOverlapping(db, from, to, req.payer);
    if (!span || (span.from >= from && span.to <= to)) return { from, to };
    from = span.from < from ? span.from : from;
    to = span.to > to ? span.to : to;
  }
}

/**
 * A replacement not yet sent is rebuilt like a draft (R-CL-8): a date it closes may have gained a
 * fact since it was made, which only it can carry. One with nothing billable left keeps its lines,
 * and the build reports its keys as gone.
 */
function refreshPendingReplacements(db: Db, range: { from: IsoDate; to: IsoDate }, payer: string | undefined, today: IsoDate): void {
  for (const id of pendingReplacements(db, range.from, range.to, payer)) {
    const pending = getClaim(db, id)!;
    try {
      replaceClaimLines(db, replacementOf(db, pending, pending, today));
    } catch (e) {
      if (!(e instanceof ClaimStateError)) throw e;
    }
  }
}

export function buildPeriod(db: Db, req: BuildRequest, opts: BuildServiceOptions): BuildResult {
  for (const [name, d] of [['from', req.from], ['to', req.to]] as const) {
    if (!isRealDate(d)) throw new UserError(`build: --${name} '${d}' is not a date (YYYY-MM-DD)`);
  }
  if (req.from > req.to) throw new UserError(`build: the range ends (${req.to}) before it starts (${req.from})`);
  // checked before the drafts are touched and the whole office is read
  if (req.payer !== undefined && getPayer(db, req.payer) === null) throw new UserError(`build: no payer with id '${req.payer}'`);
  const createdAt = opts.now ?? `${opts.today}T00:00:00`;
  return db.transaction(() => {
    const range = widen(db, req);
    deleteDrafts(db, range.from, range.to, req.payer);
    refreshPendingReplacements(db, range, req.payer, opts.today);
    const dataset = loadDataset(db);
    const result = buildClaims(dataset, { ...range, ...(req.payer ? { payer: req.payer } : {}) }, { today: opts.today, exported: { keys: liveKeys(db, range, initialVisitCodes()) }, reservedIds: claimIds(db) });
    for (const claim of result.claims) insertClaim(db, claim, createdAt);
    const payerOfTherapy = new Map(dataset.therapies.map((t) => [t.id, t.payer]));
    const payerOfClaim = new Map(result.claims.map((c) => [c.id, c.payer]));
    for (const f of result.findings) {
      const payer = (f.claim ? payerOfClaim.get(f.claim) : undefined) ?? (f.therapy ? payerOfTherapy.get(f.therapy) : undefined) ?? req.payer ?? null;
      insertFinding(db, f, payer);
    }
    return result;
  }).immediate();
}
