// Opening the store for a command or a service call: a store problem (newer schema, wrong key)
// is the user's to fix, so it becomes a UserError (exit 1) rather than a crash.
import { openStore } from '../../db/open.ts';
import type { OpenOptions, Store } from '../../db/open.ts';
import { StoreError } from '../../db/migrate.ts';
import { UserError } from '../domain/errors.ts';

export function openUserStore(dbPath: string, opts: OpenOptions = {}): Store {
  try {
    return openStore(dbPath, opts);
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message);
    throw e;
  }
}

/** Runs `fn` with the store open and closes it whatever happens. */
export function withUserStore<T>(dbPath: string, fn: (store: Store) => T, opts: OpenOptions = {}): T {
  const store = openUserStore(dbPath, opts);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}
