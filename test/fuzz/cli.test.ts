// Hostile command lines: random argv into runCli on a plain office database. runCli always
// answers with an exit code (0, 1 or 2), never throws; a refused command (1 or 2) says why on
// stderr and leaves the database exactly as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { EXAMPLE_IMPORT as EXAMPLE } from '../support/paths.ts';
import { contentHash } from './hash.ts';

const SEED = Number(process.env.PERDIEM_FUZZ_SEED ?? 7);
const SCALE = Number(process.env.PERDIEM_FUZZ_RUNS ?? 1);

let dir: string;
let db: string;
let bad: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-fuzz-cli-'));
  db = path.join(dir, 'office.sqlite');
  bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ patients: [{ id: 'P1' }] }));
  const code = await runCli(['import', EXAMPLE, '--db', db, '--plain'], { out: () => undefined, err: () => undefined }, {});
  if (code !== 0) throw new Error('could not import the example');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function hashOf(file: string): string {
  const d = new Database(file, { readonly: true });
  try {
    return contentHash(d);
  } finally {
    d.close();
  }
}

/** Words the CLI knows, values that look almost right, and noise. Never another --db. */
function tokenArb(outDir: () => string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('import', 'demo', 'build', 'export', '837', 'pdf', 'help', '--help', '-h') },
    { weight: 2, arbitrary: fc.constantFrom('audit', 'backup', 'token', 'now', 'list', 'restore', 'create', 'revoke', '--label', '--role', '--format', '--dir', '--keep', '--actor', 'csv', 'json', 'admin', 'nurse') },
    {
      weight: 4,
      arbitrary: fc.constantFrom('--from', '--to', '--payer', '--json', '--accept-warnings', '--form', '--batch', '--scale', '--now', '--out', '--from=', '--now='),
    },
    {
      weight: 4,
      arbitrary: fc.constantFrom('2026-10-01', '2026-10-31', '2026-02-30', '10/01/2026', '2026-10-01T25:00', 'bcbstx', 'nobody', 'full', 'data', '0', '-1', '99999999', 'B000001'),
    },
    { weight: 2, arbitrary: fc.constantFrom(EXAMPLE, bad, '/', '/nonexistent/file.json', '.') },
    { weight: 2, arbitrary: fc.nat(20).map((n) => path.join(outDir(), `out-${n}.x12`)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }).filter((s) => !s.startsWith('--db')) },
  );
}

describe('hostile command lines', () => {
  it('always end with an exit code; a refusal explains itself and writes nothing', async () => {
    let n = 0;
    const outDir = () => path.join(dir, `o${n}`);
    const argvArb = fc.array(tokenArb(outDir), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(argvArb, async (argv) => {
        n++;
        fs.mkdirSync(outDir(), { recursive: true });
        const before = hashOf(db);
        let out = '';
        let err = '';
        const code = await runCli([...argv, '--db', db], { out: (t) => (out += t), err: (t) => (err += t) }, {});
        expect([0, 1, 2]).toContain(code);
        if (code === 1) expect(err).toMatch(/^perdiem: \S/);
        // a usage error names the problem, or (no command at all) prints the usage
        if (code === 2) expect(/^perdiem: \S/.test(err) || out.startsWith('usage: perdiem'), `argv ${JSON.stringify(argv)}`).toBe(true);
        if (code !== 0) {
          expect(hashOf(db), `argv ${JSON.stringify(argv)} changed the database: ${err}`).toBe(before);
        }
        const d = new Database(db, { readonly: true });
        try {
          expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          d.close();
        }
        return out.length >= 0;
      }),
      { numRuns: 150 * SCALE, seed: SEED },
    );
  }, 120_000 * SCALE);
});
