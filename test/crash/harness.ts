// The crash suite's tools: a seeded random, the real CLI in a child process killed with SIGKILL
// after a delay, a large import file made from the example, and the invariants every database
// must keep whatever moment the process died at.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyStoreKey } from '../../db/cipher.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'perdiem.mjs');
export const EXAMPLE = EXAMPLE_IMPORT;
export const NOW = '2026-11-05T09:00:00';

/** PERDIEM_CRASH_SEED=n reproduces a run; each suite prints the seed it used. */
export function crashSeed(suite: number): number {
  const s = Number(process.env.PERDIEM_CRASH_SEED ?? 20261105);
  return (s + suite * 7919) >>> 0;
}

/** mulberry32: small, fast, good enough to spread kill delays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RunResult {
  /** true when SIGKILL ended it (false: it finished before the delay) */
  killed: boolean;
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs `perdiem ARGS`; with killAfterMs, sends SIGKILL after that many milliseconds. */
export function runPerdiem(args: string[], opts: { killAfterMs?: number; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: Date.now() - started, stdout, stderr });
    });
  });
}

/** The example office repeated `copies` times with fresh ids: patients, therapies, dispenses, visits. */
export function bigDataset(copies: number): { data: Record<string, unknown>; patients: number; visits: number } {
  const ex = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown[]> & Record<string, unknown>;
  const patients: Record<string, unknown>[] = [];
  const therapies: Record<string, unknown>[] = [];
  const dispenses: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  for (let k = 0; k < copies; k++) {
    const s = (id: unknown) => `${String(id)}x${k}`;
    for (const p of ex.patients as Record<string, unknown>[]) patients.push({ ...p, id: s(p.id) });
    for (const t of ex.therapies as Record<string, unknown>[]) therapies.push({ ...t, id: s(t.id), patient: s(t.patient) });
    for (const d of ex.dispenses as Record<string, unknown>[]) dispenses.push({ ...d, id: s(d.id), therapy: s(d.therapy) });
    for (const v of ex.visits as Record<string, unknown>[]) visits.push({ ...v, id: s(v.id), patient: s(v.patient), therapy: s(v.therapy) });
  }
  return { data: { ...ex, patients, therapies, dispenses, visits }, patients: patients.length, visits: visits.length };
}

export function openRaw(file: string, key?: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  applyStoreKey(db, key);
  return db;
}

export const count = (db: Database.Database, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).get(...params) as { n: number }).n;

/** Every problem found, as sentences; empty when the database is sound. */
export function invariantProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
  const has = (t: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);

  if (has('claim_keys')) {
    // a source key is billed by at most one claim that still stands (not void, not superseded)
    const twice = db
      .prepare(
        `SELECT k.source_key AS key, group_concat(DISTINCT k.claim_id) AS claims FROM claim_keys k JOIN claims c ON c.id = k.claim_id
         WHERE c.status <> 'void' AND c.superseded_by IS NULL GROUP BY k.source_key HAVING count(DISTINCT k.claim_id) > 1 LIMIT 3`,
      )
      .all() as { key: string; claims: string }[];
    for (const t of twice) problems.push(`source key ${t.key} is billed on claims ${t.claims}`);
    const orphanLines = count(db, `SELECT count(*) AS n FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.claim_id = c.id)`);
    if (orphanLines) problems.push(`${orphanLines} claims have no lines`);
    const badTotals = count(
      db,
      `SELECT count(*) AS n FROM claims c WHERE total_cents <> (SELECT coalesce(sum(charge_cents), 0) FROM claim_lines l WHERE l.claim_id = c.id)`,
    );
    if (badTotals) problems.push(`${badTotals} claims' totals differ from their lines`);
  }

  if (has('batches')) {
    const batches = db.prepare(`SELECT id, kind, bytes, sha256, claim_count, interchange_control FROM batches`).all() as {
      id: string;
      kind: string;
      bytes: Buffer;
      sha256: string;
      claim_count: number;
      interchange_control: number | null;
    }[];
    const seen = new Map<number, string>();
    for (const b of batches) {
      if (createHash('sha256').update(b.bytes).digest('hex') !== b.sha256) problems.push(`batch ${b.id}: bytes do not match sha256`);
      const links = count(db, `SELECT count(*) AS n FROM batch_claims WHERE batch_id = ?`, b.id);
      if (links !== b.claim_count || links === 0) problems.push(`batch ${b.id}: ${b.claim_count} claims recorded, ${links} linked`);
      if (b.kind === '837') {
        const isa13 = Number(b.bytes.toString('latin1').slice(0, 106).split('*')[13]);
        if (isa13 !== b.interchange_control) problems.push(`batch ${b.id}: ISA13 ${isa13} but recorded ${b.interchange_control}`);
        const other = seen.get(isa13);
        if (other) problems.push(`control number ${isa13} used by batches ${other} and ${b.id}`);
        seen.set(isa13, b.id);
        const text = b.bytes.toString('latin1');
        const clms = (text.match(/~\s*CLM\*/g) ?? []).length;
        if (clms !== links) problems.push(`batch ${b.id}: ${clms} CLM segments, ${links} claim links`);
      }
    }
    const counter = count(db, `SELECT last AS n FROM control_counters WHERE name = 'interchange'`);
    const maxUsed = count(db, `SELECT coalesce(max(interchange_control), 0) AS n FROM batches`);
    if (counter < maxUsed) problems.push(`interchange counter ${counter} is behind the highest used ${maxUsed}`);
    const dangling = count(db, `SELECT count(*) AS n FROM batch_claims bc WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = bc.claim_id)`);
    if (dangling) problems.push(`${dangling} batch links to claims that do not exist`);
    const unlinked = count(
      db,
      `SELECT count(*) AS n FROM claims c WHERE c.status = 'exported'
       AND NOT EXISTS (SELECT 1 FROM batch_claims bc WHERE bc.claim_id = c.id)`,
    );
    if (unlinked) problems.push(`${unlinked} exported claims are in no batch`);
    const draftsSent = count(
      db,
      `SELECT count(*) AS n FROM claims c WHERE c.status = 'draft' AND EXISTS (SELECT 1 FROM batch_claims bc WHERE bc.claim_id = c.id AND bc.kind = '837')`,
    );
    if (draftsSent) problems.push(`${draftsSent} claims in an 837 batch are still drafts`);
  }
  return problems;
}

export function copyDb(from: string, to: string): void {
  for (const ext of ['', '-wal', '-shm']) {
    fs.rmSync(to + ext, { force: true });
    if (fs.existsSync(from + ext)) fs.copyFileSync(from + ext, to + ext);
  }
}
