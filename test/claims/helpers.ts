// Shared test helpers: the import example as a Dataset, and the fields the public contract lists.
import { readFileSync } from 'node:fs';
import type { BuildResult } from '../../electron/domain/claims.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function exampleRaw(): Record<string, unknown> {
  return readJson(EXAMPLE_IMPORT) as Record<string, unknown>;
}

export function datasetFrom(raw: unknown): Dataset {
  const r = parseDataset(raw);
  if (!r.ok) throw new Error(`fixture does not import:\n${r.errors.join('\n')}`);
  return r.dataset;
}

export function exampleDataset(): Dataset {
  return datasetFrom(exampleRaw());
}

const CLAIM_FIELDS = ['patient', 'payer', 'frequency', 'priorAuth', 'diagnoses', 'totalCents'] as const;
const LINE_FIELDS = ['from', 'to', 'code', 'modifiers', 'units', 'chargeCents', 'pointers', 'ndc', 'ndcQty', 'ndcUnit'] as const;

/** The listed fields of the public `build --json` output, ids and source keys aside. */
export function publicClaims(result: Pick<BuildResult, 'claims'>): unknown[] {
  return result.claims.map((c) => ({
    ...Object.fromEntries(CLAIM_FIELDS.map((k) => [k, c[k]])),
    lines: c.lines.map((l) => Object.fromEntries(LINE_FIELDS.map((k) => [k, l[k]]))),
  }));
}
