// Hostile import files: whatever is damaged, parseDataset answers (no crash), importDataset
// rejects with a UserError and writes nothing, and every problem line is `path: message` with
// a path the user can find in the file.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../db/open.ts';
import { UserError } from '../../electron/domain/errors.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { registerActorFunction } from '../../db/actor.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { applyMutations, mutationArb } from './mutate.ts';
import { contentHash } from './hash.ts';
import { parseLinePath, pathExists } from './paths.ts';

const EXAMPLE = JSON.parse(
  fs.readFileSync(EXAMPLE_IMPORT, 'utf8'),
) as Record<string, unknown>;
const SEED = Number(process.env.PERDIEM_FUZZ_SEED ?? 7);
/** PERDIEM_FUZZ_RUNS=10 for a longer hunt than CI's */
const SCALE = Number(process.env.PERDIEM_FUZZ_RUNS ?? 1);

let image: Buffer;

beforeAll(() => {
  const s = openMemoryStore();
  importDataset(s.db, EXAMPLE);
  image = s.db.serialize();
  s.close();
});

/** The example office, fresh for each run. */
function officeDb(): Database.Database {
  const db = new Database(image);
  db.pragma('foreign_keys = ON');
  registerActorFunction(db);
  return db;
}

function expectFindable(input: unknown, lines: string[]) {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const parsed = parseLinePath(line);
    expect(parsed, `not "path: message": ${line}`).not.toBeNull();
    expect(parsed!.message.trim().length, line).toBeGreaterThan(0);
    expect(pathExists(input, parsed!.path, parsed!.message), `path not in the input: ${line}`).toBe(true);
  }
}

describe('hostile import files', () => {
  it('parseDataset answers every damaged file with a dataset or findable problems, never a crash', () => {
    fc.assert(
      fc.property(mutationArb, (mutations) => {
        const input = applyMutations(EXAMPLE, mutations);
        const r = parseDataset(input);
        if (!r.ok) expectFindable(input, r.errors);
      }),
      { numRuns: 400 * SCALE, seed: SEED },
    );
  }, 60_000 * SCALE);

  it('importDataset either imports or rejects with a UserError, writing nothing', () => {
    fc.assert(
      fc.property(mutationArb, (mutations) => {
        const input = applyMutations(EXAMPLE, mutations);
        const db = officeDb();
        try {
          const before = contentHash(db);
          let error: unknown;
          try {
            importDataset(db, JSON.parse(JSON.stringify(input ?? null)) as unknown);
          } catch (e) {
            error = e;
          }
          if (error !== undefined) {
            expect(error, String((error as Error)?.stack)).toBeInstanceOf(UserError);
            expectFindable(JSON.parse(JSON.stringify(input ?? null)), (error as UserError).details);
            expect(contentHash(db)).toBe(before);
          }
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(db.pragma('foreign_key_check')).toEqual([]);
        } finally {
          db.close();
        }
      }),
      { numRuns: 250 * SCALE, seed: SEED },
    );
  }, 60_000 * SCALE);

  it('rejects values that are not JSON objects at the top, naming the file', () => {
    for (const v of [null, 42, 'text', [], [EXAMPLE], true]) {
      const r = parseDataset(v);
      expect(r).toEqual({ ok: false, errors: ['(file): expected a JSON object'] });
    }
  });
});
