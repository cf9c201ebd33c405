// The actor the audit triggers record. Triggers in the main schema cannot read temp tables,
// but they can call application-defined functions, so every connection gets perdiem_actor()
// returning whoever the application says is acting on that connection.
import type Database from 'better-sqlite3-multiple-ciphers';
import { registerChainFunction } from './auditChain.ts';

export const ACTOR_FUNCTION = 'perdiem_actor';
/** Recorded when nobody signed in: the command line on a database without users, migrations, tests. */
export const SYSTEM_ACTOR = 'system';

const actors = new WeakMap<Database.Database, string>();

/** Registers perdiem_actor() on a connection; must run before any statement that fires an audit trigger. */
export function registerActorFunction(db: Database.Database): void {
  db.function(ACTOR_FUNCTION, { deterministic: false, varargs: false }, () => actors.get(db) ?? SYSTEM_ACTOR);
  // every audit row the triggers write is chained by another trigger (0010_audit_chain.sql)
  registerChainFunction(db);
}

export function setActor(db: Database.Database, actor: string | null): void {
  if (actor === null) actors.delete(db);
  else actors.set(db, actor);
}

export function currentActor(db: Database.Database): string {
  return actors.get(db) ?? SYSTEM_ACTOR;
}

/** Runs fn with the actor set, restoring the previous one afterwards. */
export function asActor<T>(db: Database.Database, actor: string, fn: () => T): T {
  const previous = actors.get(db);
  actors.set(db, actor);
  try {
    return fn();
  } finally {
    if (previous === undefined) actors.delete(db);
    else actors.set(db, previous);
  }
}
