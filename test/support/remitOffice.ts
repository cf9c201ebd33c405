// The example office after its October export, for the receive tests: the import example built
// for October, one 837P per payer exported through the handler table, and a `call` to go on with
// (the test payer answers those files; tests receive its answers with `remit.receive`).
import { readFileSync } from 'node:fs';
import type { Store } from '../../db/open.ts';
import type { ArgsOf, ChannelName, ResultOf } from '../../electron/contract/index.ts';
import { openHandlerOffice, type Name as HandlerName } from './handlerOffice.ts';
import { EXAMPLE_IMPORT } from './paths.ts';

export type { HandlerName };

export interface RemitOffice {
  store: Store;
  call<K extends HandlerName>(name: K, args: ArgsOf<K & ChannelName>): Promise<ResultOf<K & ChannelName>>;
  /** the 837P text sent to each payer (payer id → file text) */
  sent: Record<string, string>;
  /** the claims each file carried */
  claims: Record<string, string[]>;
  setNow(now: string): void;
  close(): void;
}

export async function exampleAfterExport(o: { now?: string; payers?: string[] } = {}): Promise<RemitOffice> {
  const office = openHandlerOffice(o.now ?? '2026-11-05T09:00:00');
  const { store, call } = office;
  await call('app.importFile', { fileName: 'x.json', text: readFileSync(EXAMPLE_IMPORT, 'utf8') });
  await call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  const sent: Record<string, string> = {};
  const claims: Record<string, string[]> = {};
  for (const payer of o.payers ?? ['bcbstx', 'allways']) {
    const out = await call('billing.export837', { payer, acceptWarnings: true });
    if (!out.file) continue;
    sent[payer] = Buffer.from(out.file.base64, 'base64').toString('latin1');
    claims[payer] = out.claims;
  }
  return { store, call, sent, claims, setNow: office.setNow, close: () => store.close() };
}

/** A file as the receive handler takes it. */
export function upload(fileName: string, text: string): { fileName: string; base64: string } {
  return { fileName, base64: Buffer.from(text, 'latin1').toString('base64') };
}
