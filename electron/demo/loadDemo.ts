// Fills an EMPTY store with the demo office, through the import path (same validation).
import type Database from 'better-sqlite3-multiple-ciphers';
import { UserError } from '../cli/errors.ts';
import { importDataset } from '../services/importDataset.ts';
import type { ImportCounts } from '../services/importDataset.ts';
import { generateDemo } from './generate.ts';

const TABLES = ['organization', 'payers', 'products', 'patients', 'therapies', 'dispenses', 'visits'];

export function isStoreEmpty(db: Database.Database): boolean {
  return TABLES.every((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined);
}

export function loadDemo(db: Database.Database, opts: { today: string; patients?: number }): { counts: ImportCounts } {
  if (!isStoreEmpty(db)) {
    throw new UserError('the database is not empty: the demo office only goes into a new database (use another --db)');
  }
  return importDataset(db, generateDemo(opts));
}
