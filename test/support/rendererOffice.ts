// The renderer's api over the real handler table and an in-memory store holding the import
// example, without a browser: what the state classes' tests run against. It lives with the tests,
// not in renderer/, because it reaches past the contract into the app.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { SessionManager, trustedSession } from '../../electron/security/sessions.ts';
import { createUser } from '../../electron/security/users.ts';
import { createApi, type Api } from '../../renderer/lib/api.ts';
import { EXAMPLE_IMPORT } from './paths.ts';

/** the administrator a signed-in office has, signed in */
export const ADMIN = { username: 'ada', displayName: 'Ada Admin', password: 'a long admin phrase', role: 'admin' } as const;

/**
 * `signedIn`: requests run in a session a person signs into (as a window's do), the registry checks
 * each against the role, and ADMIN is signed in; otherwise a trusted caller arranges the office.
 */
export async function exampleOffice(today = '2026-11-05', o: { signedIn?: boolean } = {}): Promise<{ store: Store; api: Api }> {
  const store = openMemoryStore();
  const now = `${today}T09:00:00`;
  let session: SessionManager;
  if (o.signedIn) {
    createUser(store.db, { ...ADMIN, nurseId: null }, { now, actor: 'test', params: TEST_SCRYPT });
    session = new SessionManager({ db: store.db });
  } else session = trustedSession(store.db);
  const ctx: HandlerContext = { db: store.db, session, via: 'test', now: () => now, today: () => today };
  const registry = appRegistry();
  const api = createApi((name, args) => registry.call(ctx, name, args), false);
  if (o.signedIn) await api.get('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await api.get('app.importFile', { fileName: 'x.json', text: readFileSync(EXAMPLE_IMPORT, 'utf8') });
  return { store, api };
}

/** A fresh example office for each test of the file (closed after it); `api` is that test's. */
export function eachTestExampleOffice(o: { signedIn?: boolean } = {}): { readonly api: Api } {
  let office: { store: Store; api: Api } | undefined;
  beforeEach(async () => {
    office = await exampleOffice(undefined, o);
  });
  afterEach(() => office?.store.close());
  return {
    get api(): Api {
      if (!office) throw new Error('the example office opens in beforeEach');
      return office.api;
    },
  };
}
