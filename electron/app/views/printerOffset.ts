// The printer offset belongs to the workstation (each printer feeds paper a little differently),
// not to the office's shared records: it is kept in printer.json beside the database file.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { PrinterOffset } from '../../contract/settings.ts';

const inMemory = new WeakMap<Database.Database, PrinterOffset>();

function fileFor(db: Database.Database): string | null {
  return db.memory || !db.name ? null : path.join(path.dirname(path.resolve(db.name)), 'printer.json');
}

export function getPrinterOffset(db: Database.Database): PrinterOffset {
  const file = fileFor(db);
  if (!file) return inMemory.get(db) ?? { x: 0, y: 0 };
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PrinterOffset>;
    if (typeof v.x === 'number' && typeof v.y === 'number' && Number.isFinite(v.x) && Number.isFinite(v.y)) return { x: v.x, y: v.y };
  } catch {
    // no file yet, or not ours to trust: the default
  }
  return { x: 0, y: 0 };
}

export function savePrinterOffset(db: Database.Database, offset: PrinterOffset): PrinterOffset {
  const value = { x: offset.x, y: offset.y };
  const file = fileFor(db);
  if (!file) inMemory.set(db, value);
  else {
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, file);
  }
  return value;
}
