// The hand-written reference files (from ../shared/reference 835.md §14 and acks.md §3–§5).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');

export function referenceFile(name: 'reference-835' | 'reference-999' | 'reference-277ca' | 'reference-ta1' | 'third-party-835'): string {
  return readFileSync(path.join(DIR, `${name}.x12`), 'utf8');
}
