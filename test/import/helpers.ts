import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

export const EXAMPLE_PATH = EXAMPLE_IMPORT;

/** A fresh copy of the example import file, to mutate. */
export function example(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'perdiem-import-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function capture() {
  let out = '';
  let err = '';
  return {
    io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
