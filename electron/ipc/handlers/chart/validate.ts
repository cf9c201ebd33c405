// Saves from the screens go through the import's own checks (parseDataset), so the window and
// `perdiem import` reject the same records with the same `path: message` texts.
import type { Dataset } from '../../../domain/types.ts';
import { emptyDataset, parseDataset } from '../../../import/parse.ts';
import { FieldError } from '../../errors.ts';

type RecordSection = 'patients' | 'therapies' | 'dispenses' | 'visits';

export type Problems = Record<string, string>;

/** `patients[0].coverages[1].memberId: is required` → `coverages[1].memberId` → `is required` */
export function problemsOf(section: RecordSection, lines: readonly string[]): Problems {
  const prefix = `${section}[0]`;
  const out: Problems = {};
  for (const line of lines) {
    const at = line.indexOf(': ');
    const path = at < 0 ? '' : line.slice(0, at);
    const message = at < 0 ? line : line.slice(at + 2);
    let field = path.startsWith(prefix) ? path.slice(prefix.length).replace(/^\./, '') : path;
    if (field === '') field = '(record)';
    out[field] = out[field] ? `${out[field]}; ${message}` : message;
  }
  return out;
}

export type Checked<K extends RecordSection> = { ok: true; record: Dataset[K][number] } | { ok: false; problems: Problems };

/** One record of `section` checked against what the store holds (`existing`). */
export function check<K extends RecordSection>(section: K, record: unknown, existing: Partial<Dataset>): Checked<K> {
  const r = parseDataset({ [section]: [record] }, { ...emptyDataset(), ...existing });
  if (r.ok) return { ok: true, record: r.dataset[section][0] as Dataset[K][number] };
  return { ok: false, problems: problemsOf(section, r.errors) };
}

export function problemsError(what: string, problems: Problems): FieldError {
  const list = Object.entries(problems).map(([k, v]) => `${k}: ${v}`);
  return new FieldError(`${what} was not saved. ${list.join('; ')}`, problems);
}

/** The checked record, or a FieldError naming every field that is wrong. */
export function checked<K extends RecordSection>(section: K, record: unknown, existing: Partial<Dataset>, what: string): Dataset[K][number] {
  const r = check(section, record, existing);
  if (!r.ok) throw problemsError(what, r.problems);
  return r.record;
}
