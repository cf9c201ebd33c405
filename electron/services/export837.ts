// export837: the exportable claims of a selection → one 837P file, recorded as a batch with its
// exact bytes and SHA-256, the claims linked and locked (status exported), all in one
// transaction. A claim goes out once as an original; only replacements (7) and voids (8) follow.
import type { Claim } from '../domain/claims.ts';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import { exportGate } from '../claims/index.ts';
import { loadClaimsForExport, markExported, type StoredClaim } from '../../db/repos/claims.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { batchIdOf, exportedOriginals, getBatchFile as repoBatchFile, insertBatch, listBatches as repoList, takeNumber } from '../../db/repos/batches.ts';
import type { BatchFile, BatchSummary } from '../../db/repos/batches.ts';
import type { Db } from '../../db/repos/sql.ts';
import { UserError } from '../cli/errors.ts';
import type { X12Records } from '../export/x12/input.ts';
import { read837 } from '../export/x12/read837.ts';
import { batchProblems, claimChecker, write837 } from '../export/x12/write837.ts';

export interface Export837Filter {
  from?: IsoDate;
  to?: IsoDate;
  /** our payer id (payers[].id) */
  payer?: string;
  /** R-CL-11: export claims whose warnings nobody acknowledged */
  acceptWarnings?: boolean;
  /** only these claims (still subject to every check) */
  claimIds?: string[];
}

export interface LeftOut {
  claim: string;
  reason: string;
}

export interface Export837Result {
  batchId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  interchangeControlNumber: string;
  claims: string[];
  leftOut: LeftOut[];
}

/** Why a claim cannot go out (status, one original per claim, R-CL-11), or null. */
function gate(c: StoredClaim, filter: Export837Filter, alreadySent: Map<string, string>): string | null {
  const sentIn = alreadySent.get(c.id) ?? c.batchId;
  if (c.status !== 'draft') return `${c.status}${sentIn ? ` in batch ${sentIn}` : ''}, not a draft`;
  if (sentIn && c.frequency === '1') return `already exported in batch ${sentIn}`;
  const decision = exportGate(c.findings, c.warningsAcknowledged || filter.acceptWarnings === true);
  if (decision.ok) return null;
  const onlyWarnings = !c.findings.some((f) => f.severity === 'error');
  return `R-CL-11 ${decision.reason}${onlyWarnings ? ' (acknowledge the warnings or use --accept-warnings)' : ''}`;
}

/** File order that does not depend on how the database returned the rows. */
function byFileOrder(a: Claim, b: Claim): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.payer, b.payer) || cmp(a.patient, b.patient) || cmp(a.periodFrom, b.periodFrom) || cmp(a.id, b.id);
}

export interface Export837Options {
  now: IsoDateTime;
  /**
   * Called inside the transaction once the batch is recorded (e.g. to write a temporary file);
   * if it throws, nothing is recorded and no number is used.
   */
  deliver?: (file: { batchId: string; fileName: string; bytes: Buffer }) => void;
}

export function export837(db: Db, filter: Export837Filter, opts: Export837Options): Export837Result {
  // IMMEDIATE: the write lock from the first read, so the app and a nightly CLI export never
  // interleave between choosing the claims and locking them.
  return db.transaction((): Export837Result => {
    const dataset = loadDataset(db);
    const records: X12Records = dataset;
    const candidates = loadClaimsForExport(db, {
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      ...(filter.payer ? { payer: filter.payer } : {}),
      ...(filter.claimIds ? { ids: filter.claimIds } : {}),
    }).sort(byFileOrder);
    const alreadySent = exportedOriginals(db, candidates.map((c) => c.id));
    const leftOut: LeftOut[] = [];
    const chosen: Claim[] = [];
    const problemsOf = claimChecker(records);
    for (const c of candidates) {
      const reason = gate(c, filter, alreadySent) ?? (problemsOf(c).join('; ') || null);
      if (reason) leftOut.push({ claim: c.id, reason });
      else chosen.push(c);
    }
    const details = leftOut.map((l) => `${l.claim}: ${l.reason}`);
    if (chosen.length === 0) {
      throw new UserError(candidates.length === 0 ? 'no claim to export in that selection' : 'no exportable claim in that selection', details);
    }

    const batchNumber = takeNumber(db, 'batch');
    const interchange = takeNumber(db, 'interchange');
    const batchId = batchIdOf(batchNumber);
    const control = { interchange, group: interchange, transaction: 1, reference: batchId };
    const problems = batchProblems({ records, control, now: opts.now });
    if (problems.length > 0) throw new UserError('the 837P cannot be written', problems);

    const written = write837({ claims: chosen, records, control, now: opts.now });
    // Re-read what was written before anything is stored: a file that does not read back clean
    // is a writer bug, and must never reach a clearinghouse.
    const check = read837(written.text);
    if (!check.ok) {
      throw new Error(`the 837P writer produced a file that does not read back: ${check.errors.slice(0, 5).map((e) => `segment ${e.segment} ${e.id}: ${e.message}`).join('; ')}`);
    }
    const bytes = Buffer.from(written.text, 'latin1');
    const frequencyOf = new Map(chosen.map((c) => [c.id, c.frequency]));
    const fileName = `${batchId}-837P-${written.interchangeControlNumber}.x12`;
    const saved = insertBatch(db, {
      id: batchId,
      kind: '837',
      createdAt: opts.now,
      fileName,
      bytes,
      claims: written.claims.map((id) => ({ id, frequency: frequencyOf.get(id)! })),
      interchangeControl: interchange,
      groupControl: interchange,
      transactionControl: written.transactionControlNumber,
    });
    markExported(db, written.claims, batchId, opts.now);
    opts.deliver?.({ batchId, fileName, bytes });
    return {
      batchId,
      fileName,
      bytes,
      sha256: saved.sha256,
      interchangeControlNumber: written.interchangeControlNumber,
      claims: written.claims,
      leftOut,
    };
  }).immediate();
}

/** The exact bytes of a batch, to download again. */
export function getBatchFile(db: Db, batchId: string): BatchFile {
  const f = repoBatchFile(db, batchId);
  if (!f) throw new UserError(`there is no batch ${batchId}`);
  return f;
}

export function listBatches(db: Db): BatchSummary[] {
  return repoList(db);
}
