// Each golden input writes exactly the stored .x12 bytes, and the file reads back clean.
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/export837/golden.test.ts, then run
// npm run conformance (pyx12) before committing the new files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read837 } from '../../electron/export/x12/read837.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { GOLDEN_DIR, goldenCases, goldenInput, segmentDiff } from './golden.ts';

const update = process.env.UPDATE_GOLDEN === '1';
const cases = goldenCases();

describe('837P golden files', () => {
  it('show a failure as the segments that differ', () => {
    expect(segmentDiff('ISA*1~\nCLM*A*10~\nSE*3~\n', 'ISA*1~\nCLM*A*11~\nSE*3~\n')).toBe('segment 2:\n  expected CLM*A*10\n  actual   CLM*A*11');
    expect(segmentDiff('A~\n', 'A~\nB~\n')).toBe('segment 2:\n  expected (none)\n  actual   B');
  });

  it('cover every case the export must handle', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'subscriber-is-patient', 'dependent-patient', 'replacement-and-void', 'two-payers', 'drugs-jw-jz',
        'line-spans', 'split-50-lines', 'hostile-text', 'over-100-claims',
      ]),
    );
  });

  for (const name of cases) {
    it(`${name}.json writes exactly ${name}.x12`, () => {
      const file = path.join(GOLDEN_DIR, `${name}.x12`);
      const { text } = write837(goldenInput(name));
      if (update) writeFileSync(file, text);
      if (!existsSync(file)) expect.fail(`${name}.x12 is missing: run with UPDATE_GOLDEN=1 to write it`);
      const expected = readFileSync(file, 'latin1');
      if (text !== expected) expect.fail(`${name}.x12 differs:\n${segmentDiff(expected, text)}`);
    });

    it(`${name}.x12 reads back with no structural or business-rule error`, () => {
      const input = goldenInput(name);
      const r = read837(readFileSync(path.join(GOLDEN_DIR, `${name}.x12`), 'latin1'));
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.claims.map((c) => c.id)).toEqual(expect.arrayContaining(input.claims.map((c) => c.id)));
      expect(r.claims).toHaveLength(input.claims.length);
      for (const c of input.claims) {
        const back = r.claims.find((x) => x.id === c.id)!;
        expect(back.totalCents).toBe(c.totalCents);
        expect(back.frequency).toBe(c.frequency);
        expect(back.lines.map((l) => [l.code, l.modifiers, l.chargeCents, l.units, l.from, l.to, l.ndc])).toEqual(
          c.lines.map((l) => [l.code, l.modifiers, l.chargeCents, l.units, l.from, l.to, l.ndc]),
        );
      }
    });
  }
});
