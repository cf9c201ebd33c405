// New records get the next free number after the office's highest `<prefix><n>` id, so ids stay
// short and readable on claims and in logs (T12, V88, D5). The maximum is numeric (V10 after V9),
// and ids of another form (imported `visit-a`, `V1b`) are ignored.
import { one } from './sql.ts';
import type { Db } from './sql.ts';

/** the tables whose records the screens create */
export type IdKind = 'therapies' | 'visits' | 'dispenses';

const MAX_SQL: Record<IdKind, string> = {
  therapies: maxSql('therapies'),
  visits: maxSql('visits'),
  dispenses: maxSql('dispenses'),
};

function maxSql(table: IdKind): string {
  // @p is the prefix; the tail must be digits only. The primary key index is scanned, not the rows.
  return `SELECT max(CAST(substr(id, length(@p) + 1) AS INTEGER)) AS n FROM ${table}
          WHERE substr(id, 1, length(@p)) = @p AND length(id) > length(@p) AND substr(id, length(@p) + 1) NOT GLOB '*[^0-9]*'`;
}

export function nextId(db: Db, kind: IdKind, prefix: string): string {
  const n = one(db, MAX_SQL[kind], { p: prefix })?.n;
  return `${prefix}${(typeof n === 'number' ? n : 0) + 1}`;
}

/**
 * ORDER BY terms for ids newest first with their trailing number compared as a number (D10 before
 * D9), as the screens' numeric collator sorts them: the text before the digits, then the digits.
 * For a table aliased `t`, pass `t.`.
 */
export function idNumberDesc(alias = ''): string {
  const id = `${alias}id`;
  return `rtrim(${id}, '0123456789') DESC, CAST(substr(${id}, length(rtrim(${id}, '0123456789')) + 1) AS INTEGER) DESC, ${id} DESC`;
}
