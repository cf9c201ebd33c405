// Reading the audit chain back (db/auditChain.ts): its head, the heads recorded with batches and
// backups, and the verification that names the first entry where the chain breaks.
import type Database from 'better-sqlite3-multiple-ciphers';
import { CANONICAL_ENTRY, chainHash } from '../auditChain.ts';

export interface ChainHead {
  /** the id of the newest audit entry */
  entry: number;
  hash: string;
}

/** A head recorded elsewhere (a batch, a backup) that the chain must still contain. */
export interface RecordedHead extends ChainHead {
  /** e.g. 'batch B0003', 'backup perdiem-….sqlite' */
  source: string;
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  head: ChainHead | null;
  /** the first entry that is not what the chain says, and why */
  firstBroken: { entry: number; reason: string } | null;
}

export function chainHead(db: Database.Database): ChainHead | null {
  const r = db.prepare('SELECT id AS entry, hash FROM audit_chain ORDER BY id DESC LIMIT 1').get() as ChainHead | undefined;
  return r ?? null;
}

/** Records the chain's head under `kind`/`ref` (a backup records it before it copies the database). */
export function recordHead(db: Database.Database, kind: 'backup' | 'batch', ref: string): ChainHead | null {
  const head = chainHead(db);
  if (head) db.prepare('INSERT INTO audit_heads (kind, ref, entry, hash) VALUES (?, ?, ?, ?)').run(kind, ref, head.entry, head.hash);
  return head;
}

export function recordedHeads(db: Database.Database): RecordedHead[] {
  return (db.prepare('SELECT kind, ref, entry, hash FROM audit_heads ORDER BY id').all() as { kind: string; ref: string; entry: number; hash: string }[]).map((h) => ({
    source: `${h.kind} ${h.ref}`,
    entry: h.entry,
    hash: h.hash,
  }));
}

interface Step {
  id: number;
  canonical: string | null;
  hash: string | null;
}

/**
 * Walks the trail in id order, recomputing each entry's hash from the one before: a changed entry
 * breaks at itself; a removed one at the entry after it (or it is named when its hash is left);
 * an inserted one at itself. Entries removed at the end are found by the sequence SQLite keeps and
 * by the heads recorded with batches and backups (`extra`: those kept outside the database).
 */
export function verifyChain(db: Database.Database, extra: readonly RecordedHead[] = []): ChainVerdict {
  const steps = db
    .prepare(
      `SELECT l.id AS id, ${CANONICAL_ENTRY('l')} AS canonical, c.hash AS hash FROM audit_log l LEFT JOIN audit_chain c ON c.id = l.id
       UNION ALL
       SELECT c.id, NULL, c.hash FROM audit_chain c WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.id = c.id)
       ORDER BY 1`,
    )
    .all() as Step[];
  const hashes = new Map<number, string>();
  let previous: string | null = null;
  let firstBroken: ChainVerdict['firstBroken'] = null;
  for (const s of steps) {
    if (s.canonical === null) firstBroken = { entry: s.id, reason: 'deleted' };
    else if (s.hash === null) firstBroken = { entry: s.id, reason: 'inserted outside the chain' };
    else if (chainHash(previous, s.canonical) !== s.hash) {
      firstBroken = { entry: s.id, reason: 'changed, or an entry before it was removed or inserted' };
    }
    if (firstBroken) break;
    hashes.set(s.id, s.hash!);
    previous = s.hash;
  }
  const last = steps.at(-1)?.id ?? 0;
  if (!firstBroken) {
    const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
    if (seq && seq.seq > last) firstBroken = { entry: last + 1, reason: `deleted (entries ${last + 1} to ${seq.seq} are missing at the end)` };
  }
  if (!firstBroken) {
    for (const h of [...recordedHeads(db), ...extra]) {
      const found = hashes.get(h.entry);
      if (found === h.hash) continue;
      firstBroken = { entry: h.entry, reason: found ? `differs from the head recorded with ${h.source}` : `deleted (it was the head recorded with ${h.source})` };
      break;
    }
  }
  const tail = steps.at(-1);
  return { ok: firstBroken === null, entries: steps.length, head: tail?.hash ? { entry: tail.id, hash: tail.hash } : null, firstBroken };
}
