import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

/** A digest of every row of every table, so "nothing written" can be checked exactly. */
export function contentHash(db: Database.Database): string {
  const h = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  for (const t of tables) {
    h.update(`\u0000${t}\u0000`);
    for (const r of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().iterate()) {
      h.update(JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return h.digest('hex');
}
