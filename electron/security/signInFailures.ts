// The wait after failed sign-ins, read from the audit trail (signin.failed and signin rows), so it
// holds across windows, processes and restarts: a restart of the app is no way around it.
import type Database from 'better-sqlite3-multiple-ciphers';

/** How a typed user name is counted: trimmed, lower case, at most 64 characters (the audit row's entity id). */
export function signInKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

/**
 * Milliseconds since the epoch until which `key` may not try again (0: now): after `max`
 * failures in a row since its last successful sign-in, `lockoutMs` after the latest failure.
 */
export function lockedUntil(db: Database.Database, key: string, max: number, lockoutMs: number): number {
  const r = db
    .prepare(
      `SELECT count(*) AS n, max(at) AS last FROM audit_log
       WHERE entity = 'users' AND entity_id = ? AND action = 'signin.failed'
         AND id > coalesce((SELECT max(id) FROM audit_log WHERE entity = 'users' AND lower(entity_id) = ? AND action = 'signin'), 0)`,
    )
    .get(key, key) as { n: number; last: string | null };
  if (r.n < max || !r.last) return 0;
  return Date.parse(r.last.endsWith('Z') ? r.last : `${r.last}Z`) + lockoutMs;
}
