// SIGKILL during `perdiem build` of six months of a demo office: a build replaces the drafts of
// its period in one transaction, so after any kill the claims are all the old ones or all the
// new ones, and no source key is on two claims.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDb, count, crashSeed, invariantProblems, NOW, openRaw, runPerdiem, seededRandom } from './harness.ts';

const KILLS = 15;
const seed = crashSeed(2);
let dir: string;
let demo: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-crash-build-'));
  demo = path.join(dir, 'demo.sqlite');
  const r = await runPerdiem(['demo', '--db', demo, '--now', NOW]);
  if (r.code !== 0) throw new Error(`demo failed: ${r.stderr}`);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function shape(file: string): { claims: number; lines: number; keys: number } {
  const c = openRaw(file);
  try {
    expect(invariantProblems(c)).toEqual([]);
    return {
      claims: count(c, 'SELECT count(*) AS n FROM claims'),
      lines: count(c, 'SELECT count(*) AS n FROM claim_lines'),
      keys: count(c, 'SELECT count(*) AS n FROM claim_keys'),
    };
  } finally {
    c.close();
  }
}

describe(`SIGKILL during build (seed ${seed})`, () => {
  it(`leaves the old drafts or the new ones, never a mix, ${KILLS} times`, async () => {
    const db = path.join(dir, 'office.sqlite');
    copyDb(demo, db);
    const args = ['build', '--from', '2026-09-01', '--to', '2026-10-31', '--db', db, '--now', NOW];
    const empty = shape(db);
    expect(empty.claims).toBe(0);
    const whole = await runPerdiem(args);
    expect(whole.code).toBe(0);
    const built = shape(db);
    expect(built.claims).toBeGreaterThan(50);
    const builtCopy = path.join(dir, 'built.sqlite');
    copyDb(db, builtCopy);

    const random = seededRandom(seed);
    let kills = 0;
    const seen = { none: 0, built: 0 };
    for (let trial = 0; kills < KILLS && trial < KILLS * 3; trial++) {
      // half the trials start from no claims (a first build), half rebuild over the drafts of a whole build
      copyDb(trial % 2 === 0 ? demo : builtCopy, db);
      const before = shape(db);
      const delay = Math.round(150 + random() * (whole.ms * 1.05 - 150));
      const r = await runPerdiem(args, { killAfterMs: delay });
      if (r.killed) kills++;
      const after = shape(db);
      expect([before, built], `trial ${trial}, kill after ${delay} ms`).toContainEqual(after);
      seen[after.claims === 0 ? 'none' : 'built']++;
    }
    console.log(`build: ${kills} kills, outcomes ${JSON.stringify(seen)}, whole run ${whole.ms} ms`);
    expect(kills).toBe(KILLS);
  }, 180_000);
});
