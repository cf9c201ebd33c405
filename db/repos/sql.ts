// Small helpers every repository uses: cached prepared statements, 0/1 booleans, address columns.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Address } from '../../electron/domain/types.ts';

export type Db = Database.Database;
export type Row = Record<string, unknown>;

/** A string as an SQL literal, for the statements that take no parameters (PRAGMA key/rekey, VACUUM INTO). */
export const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepares once per connection; repositories call it with constant SQL. */
export function stmt(db: Db, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

export function all(db: Db, sql: string, ...params: unknown[]): Row[] {
  return stmt(db, sql).all(...params) as Row[];
}

const rawCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Rows as arrays of column values, in the SELECT's order: for reads of tens of thousands of rows,
 * where building one object per row is most of the cost. Its statements are cached apart, since
 * raw mode is a property of a prepared statement.
 */
export function rows(db: Db, sql: string, ...params: unknown[]): unknown[][] {
  let m = rawCache.get(db);
  if (!m) rawCache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql).raw(true)));
  return s.all(...params) as unknown[][];
}

export function one(db: Db, sql: string, ...params: unknown[]): Row | undefined {
  return stmt(db, sql).get(...params) as Row | undefined;
}

export function run(db: Db, sql: string, ...params: unknown[]): void {
  stmt(db, sql).run(...params);
}

/** The largest number of rows one multi-row INSERT of `insertRows` carries. */
const MAX_ROWS = 256;

/**
 * `INSERT INTO <head> VALUES (…), (…), …`: many rows of one table in few statements, in the
 * order given (the same rows and rowids as one INSERT per row). `values` holds the rows one after
 * the other, `width` values each (no array per row). The rows go in chunks of 256, 128, … 1, so a
 * connection caches at most nine statements per table whatever the row count.
 */
export function insertRows(db: Db, head: string, width: number, values: readonly unknown[]): void {
  const count = values.length / width;
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  let at = 0;
  for (let size = MAX_ROWS; size >= 1; size >>= 1) {
    if (count - at < size) continue;
    const s = stmt(db, `INSERT INTO ${head} VALUES ${Array.from({ length: size }, () => tuple).join(', ')}`);
    for (; count - at >= size; at += size) s.run(values.slice(at * width, (at + size) * width));
  }
}

export const bit = (b: boolean | null | undefined): number | null => (b === null || b === undefined ? null : b ? 1 : 0);
export const bool = (v: unknown): boolean => v === 1;
export const boolOrNull = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === 1);
export const str = (v: unknown): string => v as string;
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));
export const num = (v: unknown): number => v as number;
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : (v as number));

/** Address columns `${prefix}line1` … in the order the SQL lists them. */
export function addressParams(a: Address | null | undefined): (string | null)[] {
  return a ? [a.line1, a.line2 ?? null, a.city, a.state, a.zip] : [null, null, null, null, null];
}

export function addressOf(r: Row, prefix = 'addr_'): Address | null {
  const line1 = r[`${prefix}line1`];
  if (line1 === null || line1 === undefined) return null;
  return {
    line1: str(line1),
    line2: strOrNull(r[`${prefix}line2`]),
    city: str(r[`${prefix}city`]),
    state: str(r[`${prefix}state`]),
    zip: str(r[`${prefix}zip`]),
  };
}

/** Rows grouped by a key column, each group in query order. */
export function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r[key] as string;
    let g = m.get(k);
    if (!g) m.set(k, (g = []));
    g.push(r);
  }
  return m;
}
