// The audit trail's hash chain: every entry's hash covers the entry (as SQLite's json_array of its
// columns) and the hash of the entry before it, so an edit, a deletion or an insertion anywhere
// breaks the chain from that entry on. Computed by the trigger of 0010_audit_chain.sql through
// perdiem_chain(), which every migrated connection gets (like perdiem_actor()).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

export const CHAIN_FUNCTION = 'perdiem_chain';

/**
 * The columns of an entry as the chain hashes them (the trigger in 0010_audit_chain.sql spells the
 * same expression). before/after go through json(): inside the trigger they carry SQLite's JSON
 * subtype and would be embedded as JSON, read back later they are text; json() makes both the same.
 */
export const CANONICAL_ENTRY = (t: string) => `json_array(${t}.id, ${t}.at, ${t}.actor, ${t}.action, ${t}.entity, ${t}.entity_id, json(${t}.before), json(${t}.after))`;

/** SHA-256 (hex) of the previous entry's hash (empty for the first) and this entry. */
export function chainHash(previous: string | null, canonical: string): string {
  return createHash('sha256').update(`${previous ?? ''}\n${canonical}`, 'utf8').digest('hex');
}

export function registerChainFunction(db: Database.Database): void {
  db.function(CHAIN_FUNCTION, { deterministic: true, varargs: false }, (previous: unknown, canonical: unknown) =>
    chainHash(typeof previous === 'string' ? previous : null, String(canonical)),
  );
}
