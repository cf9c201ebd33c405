// export837: the exportable claims of a selection → one 837P file, recorded as a batch with its
// exact bytes and SHA-256, the claims linked and locked (status exported), all in one
// transaction. The claims are chosen as for a CMS-1500 print (submission.ts).
import type { Claim } from '../domain/claims.ts';
import type { IsoDateTime } from '../domain/types.ts';
import { markExported } from '../../db/repos/claims.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { batchIdOf, getBatchFile as repoBatchFile, insertBatch, listBatches as repoList, takeNumber } from '../../db/repos/batches.ts';
import type { BatchFile, BatchSummary } from '../../db/repos/batches.ts';
import type { Db } from '../../db/repos/sql.ts';
import { UserError } from '../domain/errors.ts';
import type { X12Records } from '../export/x12/input.ts';
import { read837 } from '../export/x12/read837.ts';
import { batchProblems, claimChecker, write837 } from '../export/x12/write837.ts';
import { submissionCandidates, type LeftOut, type SubmissionSelection } from './submission.ts';

/** The claims to export: a selection (range / payer / ids), the same choice as a CMS-1500 print. */
export type Export837Filter = SubmissionSelection;

export type { LeftOut };

export interface Export837Result {
  batchId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  interchangeControlNumber: string;
  claims: string[];
  leftOut: LeftOut[];
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
    const candidates = submissionCandidates(db, filter);
    const leftOut: LeftOut[] = [];
    const chosen: Claim[] = [];
    const problemsOf = claimChecker(records);
    for (const { claim: c, refusal } of candidates) {
      const reason = refusal ?? (problemsOf(c).join('; ') || null);
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
