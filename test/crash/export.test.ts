// SIGKILL during `perdiem export 837`, batch after batch on one database: a batch is recorded
// whole (its bytes, their SHA-256, its claim links, the claims locked) or not at all; no
// control number is used twice; no source key ends up on two standing claims; a file under
// the --out name is always a recorded batch.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, crashSeed, invariantProblems, NOW, openRaw, runPerdiem, seededRandom } from './harness.ts';

const KILLS = 20;
const seed = crashSeed(3);
let dir: string;
let db: string;

const MONTHS = ['05', '06', '07', '08', '09', '10'].map((m) => ({
  from: `2026-${m}-01`,
  to: `2026-${m}-${['06', '09'].includes(m) ? '30' : '31'}`,
}));
const PAYERS = ['allways', 'bcbstx', 'humana', 'medicare', 'ncmedicaid'];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-crash-export-'));
  db = path.join(dir, 'office.sqlite');
  const demo = await runPerdiem(['demo', '--db', db, '--now', NOW]);
  if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const build = await runPerdiem(['build', '--from', '2026-05-01', '--to', '2026-10-31', '--db', db, '--now', NOW]);
  if (build.code !== 0) throw new Error(`build failed: ${build.stderr}`);
}, 90_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function check(label: string, outFile: string): { batches: number; exported: number } {
  const c = openRaw(db);
  try {
    expect(invariantProblems(c), label).toEqual([]);
    if (fs.existsSync(outFile)) {
      // the file under the --out name is always the bytes of a recorded batch
      const sha = createHash('sha256').update(fs.readFileSync(outFile)).digest('hex');
      expect(count(c, 'SELECT count(*) AS n FROM batches WHERE sha256 = ?', sha), label).toBe(1);
    }
    return {
      batches: count(c, 'SELECT count(*) AS n FROM batches'),
      exported: count(c, `SELECT count(*) AS n FROM claims WHERE status = 'exported'`),
    };
  } finally {
    c.close();
  }
}

describe(`SIGKILL during export 837 (seed ${seed})`, () => {
  it(`records every batch whole or not at all, ${KILLS} times, with unique control numbers`, async () => {
    const random = seededRandom(seed);
    const combos = MONTHS.flatMap((m) => PAYERS.map((payer) => ({ ...m, payer })));
    // how long a whole export takes here: the first combination with claims, run without a kill
    let calibrated = 0;
    let kills = 0;
    let committedThenKilled = 0;
    let trial = 0;
    let last: { batches: number; exported: number } | undefined;
    while (kills < KILLS && combos.length > 0 && trial < KILLS * 4) {
      const combo = combos[0]!;
      const out = path.join(dir, `batch-${trial}.x12`);
      const args = ['export', '837', '--out', out, '--from', combo.from, '--to', combo.to, '--payer', combo.payer, '--accept-warnings', '--db', db, '--now', NOW];
      // the state the previous trial left (checked then), or the built office
      const before = last ?? check(`before trial ${trial}`, out);
      const delay = calibrated === 0 ? undefined : Math.round(150 + random() * (calibrated * 1.05 - 150));
      const r = await runPerdiem(args, delay === undefined ? {} : { killAfterMs: delay });
      const label = `trial ${trial} (${combo.payer} ${combo.from}), kill after ${delay} ms`;
      const after = check(label, out);
      if (!r.killed && r.code !== 0) {
        // nothing (more) to export for this payer and month
        expect(r.stderr, label).toMatch(/no (exportable )?claim/);
        expect(after, label).toEqual(before);
        combos.shift();
      } else if (after.batches > before.batches) {
        expect(after.batches, label).toBe(before.batches + 1);
        expect(after.exported, label).toBeGreaterThan(before.exported);
        if (r.killed) committedThenKilled++;
        if (calibrated === 0) calibrated = r.ms;
        combos.shift();
      } else {
        expect(after, label).toEqual(before);
      }
      if (r.killed) kills++;
      last = after;
      trial++;
    }
    console.log(`export: ${kills} kills (${committedThenKilled} after the commit), ${trial} trials, whole run ${calibrated} ms`);
    expect(kills).toBe(KILLS);

    // and the office carries on: everything left exports, with fresh control numbers
    const rest = path.join(dir, 'rest.x12');
    const final = await runPerdiem(['export', '837', '--out', rest, '--from', '2026-05-01', '--to', '2026-10-31', '--accept-warnings', '--db', db, '--now', NOW]);
    expect([0, 1]).toContain(final.code);
    check('after the final export', rest);

    // the next start removed every temporary file a killed export left, and no file of the office is readable by others
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(files.filter((f) => (fs.statSync(path.join(dir, f)).mode & 0o077) !== 0 && !f.startsWith('.perdiem-pending'))).toEqual([]);
  }, 180_000);
});
