// An empty office behind the one handler table, with a typed caller and a clock the test moves:
// what the remittance and secondary-claim tests (remitOffice.ts, cobOffice.ts) start from.
import { openMemoryStore, type Store } from '../../db/open.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import type { ArgsOf, CallError, ChannelName, Handlers, ResultOf } from '../../electron/contract/index.ts';
import { trustedSession } from '../../electron/security/sessions.ts';

export type Name = keyof Handlers & string;

export interface CobOffice {
  store: Store;
  call<K extends Name>(name: K, args: ArgsOf<K & ChannelName>): Promise<ResultOf<K & ChannelName>>;
  fail(name: Name, args: unknown): Promise<string>;
  /** the whole refusal (message and the fields it names) */
  refused(name: Name, args: unknown): Promise<CallError>;
}

/** An empty office with a typed caller over the handler table; `setNow` moves its clock. */
export function openHandlerOffice(start = '2026-11-26T09:00:00'): CobOffice & { setNow(now: string): void } {
  const store = openMemoryStore();
  let now = start;
  const ctx: HandlerContext = { db: store.db, session: trustedSession(store.db), via: 'test', now: () => now, today: () => now.slice(0, 10) };
  const registry = appRegistry();
  const call = async <K extends Name>(name: K, args: ArgsOf<K & ChannelName>): Promise<ResultOf<K & ChannelName>> => {
    const r = await registry.call(ctx, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}${r.error.details ? `\n${r.error.details.join('\n')}` : ''}`);
    return r.value as ResultOf<K & ChannelName>;
  };
  const refused = async (name: Name, args: unknown) => {
    const r = await registry.call(ctx, name, args);
    if (r.ok) throw new Error(`${name} succeeded`);
    return r.error;
  };
  const fail = async (name: Name, args: unknown) => (await refused(name, args)).message;
  return { store, call, fail, refused, setNow: (n) => (now = n) };
}

