// The renderer's api over the real handler table and an in-memory store holding the import
// example, without a browser: what the state classes' tests run against.
// It lives with the tests, not in renderer/, because it reaches past the contract into the app.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { trustedSession } from '../../electron/security/sessions.ts';
import { createApi, type Api } from '../../renderer/lib/api.ts';
import { EXAMPLE_IMPORT } from './paths.ts';

const exampleImport = readFileSync(EXAMPLE_IMPORT, 'utf8');

export async function exampleOffice(today = '2026-11-05'): Promise<{ store: Store; api: Api }> {
  const store = openMemoryStore();
  const ctx: HandlerContext = { db: store.db, session: trustedSession(store.db), via: 'test', now: () => `${today}T09:00:00`, today: () => today };
  const registry = appRegistry();
  const api = createApi((name, args) => registry.call(ctx, name, args), false);
  await api.get('app.importFile', { fileName: 'x.json', text: exampleImport });
  return { store, api };
}

/** A fresh example office for each test of the file (closed after it); `api` is that test's. */
export function eachTestExampleOffice(): { readonly api: Api } {
  let office: { store: Store; api: Api } | undefined;
  beforeEach(async () => {
    office = await exampleOffice();
  });
  afterEach(() => office?.store.close());
  return {
    get api(): Api {
      if (!office) throw new Error('the example office opens in beforeEach');
      return office.api;
    },
  };
}
