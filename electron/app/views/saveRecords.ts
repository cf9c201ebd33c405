// Settings screens save through the import pipeline: the same zod schemas, reference checks and
// `path: message` problems as `perdiem import`, one record at a time, all or nothing.
import type { Dataset } from '../../domain/types.ts';
import { loadDataset, saveDataset } from '../../../db/repos/dataset.ts';
import type { Db } from '../../../db/repos/sql.ts';
import { parseDataset } from '../../import/parse.ts';
import { FieldError } from '../../domain/errors.ts';

type ListSection = 'payers' | 'prescribers' | 'nurses' | 'products' | 'patients' | 'therapies' | 'dispenses' | 'visits';
type SingleSection = 'organization' | 'clearinghouse' | 'chargeMaster';

/** `payers[0].fees.J1234: message` → fields { 'fees.J1234': message } relative to the record */
export function problemsToFields(problems: string[], prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of problems) {
    const at = line.indexOf(': ');
    const path = at > 0 ? line.slice(0, at) : '(record)';
    const message = at > 0 ? line.slice(at + 2) : line;
    let rel = path.startsWith(prefix) ? path.slice(prefix.length).replace(/^\./, '') : path;
    if (rel === '') rel = '(record)';
    fields[rel] ??= message;
  }
  return fields;
}

/** Validates and writes one import-format record; returns the normalized dataset slice. */
export function saveThroughImport(db: Db, section: ListSection | SingleSection, record: unknown, label: string): Dataset {
  return db.transaction(() => {
    const single = section === 'organization' || section === 'clearinghouse' || section === 'chargeMaster';
    const raw = { [section]: single ? record : [record] };
    const prefix = single ? section : `${section}[0]`;
    const parsed = parseDataset(raw, loadDataset(db));
    if (!parsed.ok) {
      const fields = problemsToFields(parsed.errors, prefix);
      const n = Object.keys(fields).length;
      throw new FieldError(`${label} was not saved: ${n} field${n === 1 ? ' needs' : 's need'} correcting`, fields);
    }
    if (section !== 'chargeMaster') saveDataset(db, parsed.dataset);
    return parsed.dataset;
  }).immediate();
}
