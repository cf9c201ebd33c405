// Setup shared by the `perdiem export …` CLI tests: a database file of its own, and the CLI run on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../db/open.ts';
import { openStore } from '../../db/open.ts';
import { runCli } from '../../electron/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A new temp directory holding `perdiem.sqlite`, filled by `fill` and closed again. */
export function tempStore(prefix: string, fill: (store: Store) => void): { dir: string; db: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = path.join(dir, 'perdiem.sqlite');
  const store = openStore(db);
  try {
    fill(store);
  } finally {
    store.close();
  }
  return { dir, db };
}

/** Runs the CLI once on `db` at `now`, capturing its output; `env` replaces the process's when given. */
export async function runOn(db: string, now: string, argv: readonly string[], env?: Record<string, string>): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--db', db, '--now', now], { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

/** Runs the CLI on the database `db()` names at the time of the call, at a fixed `now`, capturing its output. */
export function cliOn(db: () => string, now: string, env?: Record<string, string>): (...argv: string[]) => Promise<CliRun> {
  return (...argv) => runOn(db(), now, argv, env);
}
