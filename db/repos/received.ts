// The received-file log (0007_remittances.sql): every file with its bytes, what it was and what
// became of it, the 835s it applied (for R-RA-4 repeats) and the claim state changes it made.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReceivedFileRow, ReceiveStatus } from '../../electron/domain/receivables.ts';
import { StoreError } from '../migrate.ts';
import { all, insertRows, num, one, run, str, strOrNull, type Db } from './sql.ts';

export type ReceivedStatus = ReceiveStatus;

export interface NewReceivedFile {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  kinds: readonly string[];
  receivedAt: string;
  receivedBy: string;
  status: ReceivedStatus;
  message: string | null;
}

/**
 * The bytes as stored (0017): deflated, which makes an X12 file some twenty times smaller (level 3:
 * most of level 9's gain for a fraction of its time); kept raw in the rare file deflate does not shrink.
 */
function storedBytes(bytes: Uint8Array): { encoding: 'raw' | 'deflate'; stored: Buffer } {
  const deflated = deflateRawSync(bytes, { level: 3 });
  return deflated.length < bytes.length ? { encoding: 'deflate', stored: deflated } : { encoding: 'raw', stored: Buffer.from(bytes) };
}

export function insertReceivedFile(db: Db, f: NewReceivedFile): number {
  const { encoding, stored } = storedBytes(f.bytes);
  const r = db
    .prepare(
      `INSERT INTO received_files (file_name, bytes, encoding, size, sha256, kinds, received_at, received_by, status, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(f.fileName, stored, encoding, f.bytes.length, f.sha256, JSON.stringify(f.kinds), f.receivedAt, f.receivedBy, f.status, f.message);
  return Number(r.lastInsertRowid);
}

/** R-RA-4: the file applied earlier with these exact bytes, if any. */
export function appliedFileWithHash(db: Db, sha256: string): number | null {
  const r = one(db, `SELECT id FROM received_files WHERE sha256 = ? AND status = 'applied'`, sha256);
  return r ? num(r.id) : null;
}

const FILE_COLUMNS = 'id, file_name, sha256, kinds, received_at, received_by, status, message, coalesce(size, length(bytes)) AS size';

export function listReceivedFiles(db: Db): ReceivedFileRow[] {
  return all(db, `SELECT ${FILE_COLUMNS} FROM received_files ORDER BY id DESC`).map((r) => ({
    id: num(r.id),
    fileName: str(r.file_name),
    sha256: str(r.sha256),
    kinds: JSON.parse(str(r.kinds)) as string[],
    receivedAt: str(r.received_at),
    receivedBy: str(r.received_by),
    status: str(r.status) as ReceivedStatus,
    message: strOrNull(r.message),
    size: num(r.size),
  }));
}

/** The exact bytes received: inflated when stored deflated, and refused if they no longer match the file's SHA-256. */
export function receivedFileBytes(db: Db, id: number): { fileName: string; bytes: Buffer } | null {
  const r = one(db, 'SELECT file_name, bytes, encoding, sha256 FROM received_files WHERE id = ?', id);
  if (!r) return null;
  const bytes = str(r.encoding) === 'deflate' ? inflateRawSync(r.bytes as Buffer) : (r.bytes as Buffer);
  if (createHash('sha256').update(bytes).digest('hex') !== str(r.sha256)) {
    throw new StoreError(`received file ${id} (${str(r.file_name)}): its stored bytes no longer match its SHA-256 ${str(r.sha256)}`);
  }
  return { fileName: str(r.file_name), bytes };
}

export interface ReceivedRemittance {
  fileId: number;
  position: number;
  key: string;
  contentSha256: string;
  payer: string | null;
  traceNumber: string;
  paymentCents: number;
  paymentDate: string;
}

/** R-RA-4: an 835 with this key already applied: its content hash (same hash = the same remittance again). */
export function remittanceHashes(db: Db, key: string): string[] {
  return all(db, 'SELECT content_sha256 FROM received_remittances WHERE remittance_key = ?', key).map((r) => str(r.content_sha256));
}

export function insertReceivedRemittance(db: Db, r: ReceivedRemittance): void {
  run(
    db,
    `INSERT INTO received_remittances (file_id, position, remittance_key, content_sha256, payer_id, trace_number, payment_cents, payment_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    r.fileId, r.position, r.key, r.contentSha256, r.payer, r.traceNumber, r.paymentCents, r.paymentDate,
  );
}

export interface ClaimEventRow {
  claimId: string;
  fileId: number;
  kind: 'TA1' | '999' | '277CA' | '835';
  from: string;
  to: string;
  reason: string;
  at: string;
}

/** The events of one document, in order, many rows per INSERT (an 835 of 2,000 claims has 2,000). */
export function insertClaimEvents(db: Db, es: readonly ClaimEventRow[]): void {
  insertRows(db, 'claim_events (claim_id, file_id, kind, status_from, status_to, reason, at)', 7, es.flatMap((e) => [e.claimId, e.fileId, e.kind, e.from, e.to, e.reason, e.at]));
}

