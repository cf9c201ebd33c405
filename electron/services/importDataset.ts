// Import: validate the file against what is stored, then write it in one transaction.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Dataset } from '../domain/types.ts';
import { loadDataset, saveDataset } from '../../db/repos/dataset.ts';
import { UserError } from '../domain/errors.ts';
import { parseDataset } from '../import/parse.ts';

export type ImportCounts = Record<string, number>;

export function countDataset(ds: Dataset): ImportCounts {
  return {
    organization: ds.organization ? 1 : 0,
    clearinghouse: ds.clearinghouse ? 1 : 0,
    chargeMaster: Object.keys(ds.chargeMaster).length,
    payers: ds.payers.length,
    prescribers: ds.prescribers.length,
    nurses: ds.nurses.length,
    products: ds.products.length,
    patients: ds.patients.length,
    therapies: ds.therapies.length,
    dispenses: ds.dispenses.length,
    visits: ds.visits.length,
  };
}

/** All or nothing: throws UserError with one `path: message` detail per problem, having written nothing. */
export function importDataset(db: Database.Database, raw: unknown): { counts: ImportCounts } {
  // Validation reads and the write share one immediate transaction, so nothing changes in between.
  return db.transaction(() => {
    const parsed = parseDataset(raw, loadDataset(db));
    if (!parsed.ok) {
      const n = parsed.errors.length;
      throw new UserError(`import rejected: ${n} problem${n === 1 ? '' : 's'}, nothing was imported`, parsed.errors);
    }
    saveDataset(db, parsed.dataset);
    return { counts: countDataset(parsed.dataset) };
  }).immediate();
}
