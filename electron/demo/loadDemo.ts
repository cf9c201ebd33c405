// Fills an EMPTY store with the demo office, through the import path (same validation).
import type Database from 'better-sqlite3-multiple-ciphers';
import { UserError } from '../domain/errors.ts';
import { isOfficeEmpty } from '../../db/repos/dataset.ts';
import { importDataset } from '../services/importDataset.ts';
import type { ImportCounts } from '../services/importDataset.ts';
import { generateDemo } from './generate.ts';

export function isStoreEmpty(db: Database.Database): boolean {
  return isOfficeEmpty(db);
}

export function loadDemo(db: Database.Database, opts: { today: string; patients?: number }): { counts: ImportCounts } {
  if (!isStoreEmpty(db)) {
    throw new UserError('the database is not empty: the demo office only goes into a new database (use another --db)');
  }
  return importDataset(db, generateDemo(opts));
}
