// A temp store holding the example office's reference records (payers, prescribers, nurses,
// products) and, on request, its patients; the chart's handlers served in-process over it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/open.ts';
import { saveDataset } from '../../db/repos/dataset.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import type { Handlers } from '../../electron/contract/index.ts';
import { createRegistry } from '../../electron/app/registry.ts';
import type { CallResult } from '../../electron/contract/result.ts';
import patients from '../../electron/app/handlers/patients.ts';
import therapies from '../../electron/app/handlers/therapies.ts';
import visits from '../../electron/app/handlers/visits.ts';
import dispenses from '../../electron/app/handlers/dispenses.ts';
import { trustedSession } from '../../electron/security/sessions.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

export const EXAMPLE = JSON.parse(fs.readFileSync(EXAMPLE_IMPORT, 'utf8')) as Record<string, unknown>;

const REFERENCE = ['organization', 'chargeMaster', 'payers', 'prescribers', 'nurses', 'products'] as const;

export interface Office {
  ctx: HandlerContext;
  call<K extends keyof Handlers & string>(name: K, args: Parameters<Handlers[K]>[0]): Promise<CallResult<ReturnType<Handlers[K]>>>;
  /** the value, or the test fails with the error */
  get<K extends keyof Handlers & string>(name: K, args: Parameters<Handlers[K]>[0]): Promise<ReturnType<Handlers[K]>>;
  count(table: string): number;
  close(): void;
}

export function openOffice(opts: { withPatients?: boolean; extra?: Record<string, unknown[]> } = {}): Office {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-chart-'));
  const store = openStore(path.join(dir, 'office.db'));
  const raw: Record<string, unknown> = {};
  for (const k of REFERENCE) raw[k] = EXAMPLE[k];
  if (opts.withPatients) for (const k of ['patients', 'therapies', 'dispenses', 'visits']) raw[k] = EXAMPLE[k];
  for (const [k, v] of Object.entries(opts.extra ?? {})) raw[k] = [...((raw[k] as unknown[]) ?? []), ...v];
  const parsed = parseDataset(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  saveDataset(store.db, parsed.dataset as Dataset);

  const ctx: HandlerContext = { db: store.db, session: trustedSession(store.db), via: 'test', now: () => '2026-10-15T09:00:00', today: () => '2026-10-15' };
  const registry = createRegistry([patients, therapies, visits, dispenses] as never);
  const call = ((name: string, args: unknown) => registry.call(ctx, name, args)) as Office['call'];
  return {
    ctx,
    call,
    async get(name, args) {
      const r = await call(name, args);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.message}`);
      return r.value;
    },
    count: (table) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
