// Exported batches: the exact bytes of each file with its SHA-256, the claims in it, and the
// forward-only counters (batch ids, ISA13). Callers take numbers inside the transaction that
// records the batch, so a number is used once or not at all.
import { createHash } from 'node:crypto';
import type { ClaimFrequency } from '../../electron/domain/claims.ts';
import type { IsoDateTime } from '../../electron/domain/types.ts';
import { all, num, numOrNull, one, run, str, strOrNull, type Db, type Row } from './sql.ts';

export type BatchKind = '837' | 'pdf';
export type CounterName = 'batch' | 'interchange';

export interface BatchSummary {
  id: string;
  kind: BatchKind;
  createdAt: IsoDateTime;
  fileName: string;
  sha256: string;
  /** size of the stored file in bytes */
  size: number;
  claimCount: number;
  interchangeControl: number | null;
  groupControl: number | null;
  transactionControl: string | null;
}

export interface BatchFile {
  id: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

export interface NewBatch {
  id: string;
  kind: BatchKind;
  createdAt: IsoDateTime;
  fileName: string;
  bytes: Uint8Array;
  claims: { id: string; frequency: ClaimFrequency }[];
  interchangeControl?: number | null;
  groupControl?: number | null;
  transactionControl?: string | null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The next number of a counter, stored at once. Must run inside the caller's transaction:
 * if the batch is not recorded, the rollback returns the number too.
 */
export function takeNumber(db: Db, name: CounterName): number {
  if (!db.inTransaction) throw new Error(`takeNumber(${name}) must run inside the transaction that records the batch`);
  const row = one(db, 'SELECT last FROM control_counters WHERE name = ?', name);
  if (!row) throw new Error(`control counter ${name} is missing`);
  const next = num(row.last) + 1;
  if (next > 999_999_999) throw new Error(`control counter ${name} has reached 999999999`);
  run(db, 'UPDATE control_counters SET last = ? WHERE name = ?', next, name);
  return next;
}

/** The last number taken (0 when none yet). */
export function lastNumber(db: Db, name: CounterName): number {
  return num(one(db, 'SELECT last FROM control_counters WHERE name = ?', name)?.last ?? 0);
}

/** Batch ids read well in a list and sort as text: B000001, B000002 … */
export function batchIdOf(n: number): string {
  return `B${String(n).padStart(6, '0')}`;
}

/** Records the batch, its bytes, their SHA-256 and its claims (call inside a transaction). */
export function insertBatch(db: Db, b: NewBatch): BatchSummary {
  const bytes = Buffer.from(b.bytes);
  const sha = sha256Hex(bytes);
  run(
    db,
    `INSERT INTO batches (id, kind, created_at, file_name, bytes, sha256, claim_count, interchange_control, group_control, transaction_control)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    b.id, b.kind, b.createdAt, b.fileName, bytes, sha, b.claims.length,
    b.interchangeControl ?? null, b.groupControl ?? null, b.transactionControl ?? null,
  );
  b.claims.forEach((c, i) => {
    run(db, 'INSERT INTO batch_claims (batch_id, claim_id, kind, frequency, position) VALUES (?, ?, ?, ?, ?)', b.id, c.id, b.kind, c.frequency, i + 1);
  });
  return getBatch(db, b.id)!;
}

const SUMMARY = `SELECT id, kind, created_at, file_name, sha256, length(bytes) AS size, claim_count,
  interchange_control, group_control, transaction_control FROM batches`;

function summaryOf(r: Row): BatchSummary {
  return {
    id: str(r.id),
    kind: str(r.kind) as BatchKind,
    createdAt: str(r.created_at),
    fileName: str(r.file_name),
    sha256: str(r.sha256),
    size: num(r.size),
    claimCount: num(r.claim_count),
    interchangeControl: numOrNull(r.interchange_control),
    groupControl: numOrNull(r.group_control),
    transactionControl: strOrNull(r.transaction_control),
  };
}

export function getBatch(db: Db, id: string): BatchSummary | null {
  const r = one(db, `${SUMMARY} WHERE id = ?`, id);
  return r ? summaryOf(r) : null;
}

/** Newest first. */
export function listBatches(db: Db): BatchSummary[] {
  return all(db, `${SUMMARY} ORDER BY created_at DESC, id DESC`).map(summaryOf);
}

/** The exact bytes that were written, to download again. */
export function getBatchFile(db: Db, id: string): BatchFile | null {
  const r = one(db, 'SELECT id, file_name, bytes, sha256 FROM batches WHERE id = ?', id);
  if (!r) return null;
  return { id: str(r.id), fileName: str(r.file_name), bytes: r.bytes as Buffer, sha256: str(r.sha256) };
}

/** Claim ids of a batch, in file order. */
export function batchClaimIds(db: Db, batchId: string): string[] {
  return all(db, 'SELECT claim_id FROM batch_claims WHERE batch_id = ? ORDER BY position', batchId).map((r) => str(r.claim_id));
}

/** The 837 batch each of these claims went out in as an original (at most one), by claim id. */
export function exportedOriginals(db: Db, claimIds: readonly string[]): Map<string, string> {
  return originals(db, claimIds, '837');
}

/**
 * The batch of either kind (837P file or printed CMS-1500 batch) each of these claims went out in
 * as an original, by claim id: a claim is submitted once (0005_pdf_batches.sql).
 */
export function submittedOriginals(db: Db, claimIds: readonly string[]): Map<string, string> {
  return originals(db, claimIds, null);
}

/** Original (frequency 1) submissions of these claims, in batches of `kind` or of any kind when null. */
function originals(db: Db, claimIds: readonly string[], kind: BatchKind | null): Map<string, string> {
  const rows = all(
    db,
    "SELECT claim_id, batch_id FROM batch_claims WHERE (? IS NULL OR kind = ?) AND frequency = '1' AND claim_id IN (SELECT value FROM json_each(?))",
    kind,
    kind,
    JSON.stringify(claimIds),
  );
  return new Map(rows.map((r) => [str(r.claim_id), str(r.batch_id)]));
}
