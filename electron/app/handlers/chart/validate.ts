// Saves from the screens go through the import's own checks (parseDataset), so the window and
// `perdiem import` reject the same records with the same `path: message` texts. Unlike the
// settings' saveThroughImport, only the records a save refers to are loaded (not the whole
// office), since the chart saves often.
import type { Dataset } from '../../../domain/types.ts';
import { emptyDataset, parseDataset } from '../../../import/parse.ts';
import { FieldError } from '../../../domain/errors.ts';
import { problemsToFields } from '../../views/saveRecords.ts';

type RecordSection = 'patients' | 'therapies' | 'dispenses' | 'visits';

export type Problems = Record<string, string>;

export type Checked<K extends RecordSection> =
  | { ok: true; record: Dataset[K][number] }
  | { ok: false; problems: Problems; lines: string[] };

/** One record of `section` checked against what the store holds (`existing`). */
export function check<K extends RecordSection>(section: K, record: unknown, existing: Partial<Dataset>): Checked<K> {
  const r = parseDataset({ [section]: [record] }, { ...emptyDataset(), ...existing });
  if (r.ok) return { ok: true, record: r.dataset[section][0] as Dataset[K][number] };
  const prefix = `${section}[0]`;
  return { ok: false, problems: problemsToFields(r.errors, prefix), lines: r.errors.map((l) => (l.startsWith(`${prefix}.`) ? l.slice(prefix.length + 1) : l)) };
}

/** The checked record, or a FieldError naming every field that is wrong (the message lists every problem). */
export function checked<K extends RecordSection>(section: K, record: unknown, existing: Partial<Dataset>, what: string): Dataset[K][number] {
  const r = check(section, record, existing);
  if (!r.ok) throw new FieldError(`${what} was not saved. ${r.lines.join('; ')}`, r.problems);
  return r.record;
}
