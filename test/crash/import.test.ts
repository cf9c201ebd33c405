// SIGKILL during `perdiem import` of a large file into an encrypted database: the import is
// all or nothing, whatever the moment, and the database stays sound and opens with its key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.ts';
import { generateDbKey, storeKey } from '../../electron/security/keyring.ts';
import { bigDataset, copyDb, count, crashSeed, invariantProblems, NOW, openRaw, runPerdiem, seededRandom } from './harness.ts';

const KILLS = 20;
const seed = crashSeed(1);
let dir: string;
let file: string;
let pristine: string;
let full: { patients: number; visits: number };
const rawKey = generateDbKey();
const key = storeKey(rawKey);
const env = { PERDIEM_DB_KEY: rawKey.toString('hex') };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-crash-import-'));
  const big = bigDataset(150);
  full = big;
  file = path.join(dir, 'big.json');
  fs.writeFileSync(file, JSON.stringify(big.data));
  pristine = path.join(dir, 'pristine.sqlite');
  openStore(pristine, { key }).close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(`SIGKILL during import (seed ${seed})`, () => {
  it(`leaves either nothing or the whole file imported, ${KILLS} times`, async () => {
    const db = path.join(dir, 'office.sqlite');
    copyDb(pristine, db);
    const args = ['import', file, '--db', db, '--now', NOW];
    const whole = await runPerdiem(args, { env });
    expect(whole.stderr).toBe('');
    expect(whole.code).toBe(0);

    const random = seededRandom(seed);
    let kills = 0;
    let finished = 0;
    const outcomes = { nothing: 0, whole: 0 };
    for (let trial = 0; kills < KILLS && trial < KILLS * 3; trial++) {
      copyDb(pristine, db);
      // from process start-up to a little past the uninterrupted run, so the kill lands anywhere
      const delay = Math.round(150 + random() * (whole.ms * 1.05 - 150));
      const r = await runPerdiem(args, { killAfterMs: delay, env });
      if (r.killed) kills++;
      else finished++;
      const c = openRaw(db, key);
      try {
        const problems = invariantProblems(c);
        expect(problems, `trial ${trial}, kill after ${delay} ms`).toEqual([]);
        const patients = count(c, 'SELECT count(*) AS n FROM patients');
        const visits = count(c, 'SELECT count(*) AS n FROM visits');
        const audited = count(c, `SELECT count(*) AS n FROM audit_log WHERE entity = 'patients'`);
        outcomes[patients === 0 ? 'nothing' : 'whole']++;
        expect([patients, visits, audited], `trial ${trial}, kill after ${delay} ms`).toEqual(
          patients === 0 ? [0, 0, 0] : [full.patients, full.visits, full.patients],
        );
      } finally {
        c.close();
      }
    }
    console.log(`import: ${kills} kills, ${finished} runs finished first, outcomes ${JSON.stringify(outcomes)}, whole run ${whole.ms} ms`);
    expect(kills).toBe(KILLS);
    // the file opens without the key nowhere: a killed import never leaves plain pages behind
    expect(() => openRaw(db).prepare('SELECT count(*) FROM patients').get()).toThrow('file is not a database');
    expect(finished).toBeLessThan(KILLS * 2);
  }, 180_000);
});
