import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import type { BuildResult } from '../../electron/domain/claims.ts';
import { EXAMPLE_CLAIMS, EXAMPLE_IMPORT } from '../support/paths.ts';
import { publicClaims, readJson } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'perdiem-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--plain'], { out: (t) => (out += t), err: (t) => (err += t) }, {});
  return { code, out, err };
}

describe('perdiem build on the import example', () => {
  const db = path.join(dir, 'example.sqlite');

  it('gives exactly the expected claims and findings for October 2026', async () => {
    expect((await cli('import', EXAMPLE_IMPORT, '--db', db)).code).toBe(0);
    const run = await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--json', '--now', '2026-11-05', '--db', db);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const actual = JSON.parse(run.out) as BuildResult;
    const expected = readJson(EXAMPLE_CLAIMS) as { claims: unknown[]; findings: Array<Record<string, unknown>> };
    expect(publicClaims(actual)).toEqual(expected.claims);
    const listed = actual.findings.map((f, i) => Object.fromEntries(Object.keys(expected.findings[i] ?? {}).map((k) => [k, (f as unknown as Record<string, unknown>)[k]])));
    expect(listed).toEqual(expected.findings);
    expect(actual.findings).toHaveLength(expected.findings.length);
    for (const c of actual.claims) {
      expect(c.id).toMatch(/^PD[0-9A-HJKMNP-TV-Z]{12}$/);
      for (const l of c.lines) expect(l.sourceKey).toMatch(/^(perdiem|drug|waste|visit|supply):/);
    }
  });

  it('gives the same claim ids when the same facts are built again', async () => {
    const a = JSON.parse((await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--json', '--now', '2026-11-05', '--db', db)).out) as BuildResult;
    const b = JSON.parse((await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--json', '--now', '2026-11-05', '--db', db)).out) as BuildResult;
    expect(b.claims.map((c) => c.id)).toEqual(a.claims.map((c) => c.id));
  });

  it('prints a readable summary without --json', async () => {
    const run = await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--now', '2026-11-05', '--db', db);
    expect(run.out).toContain('2 claims');
    expect(run.out).toMatch(/bcbstx\s+1 claim\s+28 lines\s+\$1,602\.00/);
    expect(run.out).toMatch(/allways\s+1 claim\s+8 lines\s+\$7,020\.00/);
    expect(run.out).toContain('$8,622.00');
    expect(run.out).toContain('1 warning:');
    expect(run.out).toContain('R-NV-7 P1002 2026-10-21');
    expect(run.out).toContain('1 info:');
  });

  it('builds one payer only with --payer', async () => {
    const run = await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--payer', 'allways', '--json', '--now', '2026-11-05', '--db', db);
    expect((JSON.parse(run.out) as BuildResult).claims.map((c) => c.payer)).toEqual(['allways']);
  });

  it('rejects bad arguments: usage errors exit 2, an unknown payer or bad date exits 1', async () => {
    expect((await cli('build', '--from', '2026-10-01', '--db', db)).code).toBe(2);
    expect((await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--bogus', '--db', db)).code).toBe(2);
    const payer = await cli('build', '--from', '2026-10-01', '--to', '2026-10-31', '--payer', 'nobody', '--db', db);
    expect([payer.code, payer.err]).toEqual([1, "perdiem: build: no payer with id 'nobody'\n"]);
    const date = await cli('build', '--from', '2026-02-30', '--to', '2026-10-31', '--db', db);
    expect(date.code).toBe(1);
    expect(date.err).toContain("--from '2026-02-30' is not a date");
  });
});
