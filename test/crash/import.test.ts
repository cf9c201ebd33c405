// SIGKILL during `perdiem import` of a large file into an encrypted database: the import is
// all or nothing, whatever the moment, for a first import and for a re-import that changes
// every patient; the database stays sound and opens only with its key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.ts';
import { generateDbKey } from '../../electron/security/keyring.ts';
import { storeKey } from '../../db/cipher.ts';
import { bigDataset, copyDb, count, crashSeed, invariantProblems, NOW, openRaw, runPerdiem, seededRandom } from './harness.ts';

const KILLS = 20;
const seed = crashSeed(1);
const PHONE_A = '5125550100';
const PHONE_B = '5125550199';
let dir: string;
let fileA: string;
let fileB: string;
let empty: string;
let full: { patients: number; visits: number };
const rawKey = generateDbKey();
const key = storeKey(rawKey);
const env = { PERDIEM_DB_KEY: rawKey.toString('hex') };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-crash-import-'));
  const big = bigDataset(150);
  full = big;
  const withPhone = (phone: string) => ({ ...big.data, patients: (big.data.patients as object[]).map((p) => ({ ...p, phone })) });
  fileA = path.join(dir, 'a.json');
  fileB = path.join(dir, 'b.json');
  fs.writeFileSync(fileA, JSON.stringify(withPhone(PHONE_A)));
  fs.writeFileSync(fileB, JSON.stringify(withPhone(PHONE_B)));
  empty = path.join(dir, 'empty.sqlite');
  openStore(empty, { key }).close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the database holds: how many patients and visits, and which phone numbers. */
function contents(db: string, label: string) {
  const c = openRaw(db, key);
  try {
    expect(invariantProblems(c), label).toEqual([]);
    const phones = (c.prepare('SELECT DISTINCT phone FROM patients ORDER BY phone').pluck().all() as string[]).join(',');
    return { patients: count(c, 'SELECT count(*) AS n FROM patients'), visits: count(c, 'SELECT count(*) AS n FROM visits'), phones };
  } finally {
    c.close();
  }
}

describe(`SIGKILL during import (seed ${seed})`, () => {
  it(`leaves either the old data or the whole file imported, ${KILLS} times`, async () => {
    const db = path.join(dir, 'office.sqlite');
    const withA = path.join(dir, 'with-a.sqlite');
    copyDb(empty, db);
    const whole = await runPerdiem(['import', fileA, '--db', db, '--now', NOW], { env });
    expect(whole.stderr).toBe('');
    expect(whole.code).toBe(0);
    copyDb(db, withA);
    const nothing = { patients: 0, visits: 0, phones: '' };
    const a = { patients: full.patients, visits: full.visits, phones: PHONE_A };
    const b = { ...a, phones: PHONE_B };
    expect(contents(withA, 'after the whole import')).toEqual(a);

    const random = seededRandom(seed);
    let kills = 0;
    const outcomes: Record<string, number> = {};
    for (let trial = 0; kills < KILLS && trial < KILLS * 3; trial++) {
      // even trials: a first import into an empty office; odd: a re-import changing every patient
      const first = trial % 2 === 0;
      copyDb(first ? empty : withA, db);
      // from process start-up to a little past the uninterrupted run, so the kill lands anywhere
      const delay = Math.round(150 + random() * (whole.ms * 1.1 - 150));
      const r = await runPerdiem(['import', first ? fileA : fileB, '--db', db, '--now', NOW], { killAfterMs: delay, env });
      if (r.killed) kills++;
      const label = `trial ${trial}, kill after ${delay} ms`;
      const after = contents(db, label);
      expect(first ? [nothing, a] : [a, b], label).toContainEqual(after);
      const landed = first ? after.patients > 0 : after.phones === PHONE_B;
      const outcome = `${first ? 'first' : 're-import'}:${landed ? 'new' : 'old'}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    console.log(`import: ${kills} kills, outcomes ${JSON.stringify(outcomes)}, whole run ${whole.ms} ms`);
    expect(kills).toBe(KILLS);
    // a killed import never leaves plain pages behind: the file opens with the key only
    const plain = openRaw(db);
    expect(() => plain.prepare('SELECT count(*) FROM patients').get()).toThrow('file is not a database');
    plain.close();
  }, 180_000);
});
