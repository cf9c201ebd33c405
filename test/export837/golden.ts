// Golden 837P cases: test/golden/837p/<case>.json (claims + records + control + now) → <case>.x12.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { X12BatchInput } from '../../electron/export/x12/input.ts';

export const GOLDEN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../golden/837p');

export function goldenCases(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function goldenInput(name: string): X12BatchInput {
  return JSON.parse(readFileSync(path.join(GOLDEN_DIR, `${name}.json`), 'utf8')) as X12BatchInput;
}

/** Segment-by-segment difference, for a failure message a biller-engineer can read. */
export function segmentDiff(expected: string, actual: string): string {
  const split = (t: string) => t.split('~').map((s) => s.replace(/^\r?\n/, '')).filter((s) => s !== '');
  const e = split(expected);
  const a = split(actual);
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] === a[i]) continue;
    out.push(`segment ${i + 1}:\n  expected ${e[i] ?? '(none)'}\n  actual   ${a[i] ?? '(none)'}`);
    if (out.length >= 20) {
      out.push('…');
      break;
    }
  }
  if (out.length === 0 && expected !== actual) out.push('same segments, different bytes (line breaks or terminator)');
  return out.join('\n');
}
