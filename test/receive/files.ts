// The hand-written reference files (from the shared reference, 835.md §14 and acks.md §3–§5).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { X12ReadError } from '../../electron/receive/readError.ts';
import { readReceived } from '../../electron/receive/readReceived.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');

export function referenceFile(name: 'reference-835' | 'reference-835-reversal' | 'reference-999' | 'reference-277ca' | 'reference-ta1' | 'third-party-835'): string {
  return readFileSync(path.join(DIR, `${name}.x12`), 'utf8');
}

/** The message of the X12ReadError that reading `text` throws (fails the test when none is thrown). */
export function readProblem(text: string): string {
  try {
    readReceived(text);
  } catch (e) {
    if (e instanceof X12ReadError) return e.message;
    throw e;
  }
  throw new Error('expected an X12ReadError');
}
