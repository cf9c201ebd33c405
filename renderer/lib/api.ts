// The renderer's only way to the data: `api.call(name, args)` typed by the contract. In the
// desktop app it goes through the preload's `invoke`; in a browser (tests, dev) it posts to the
// loopback server's /api on the same origin.
import type { ArgList, CallError, CallResult, ChannelName, DraftOf, Result } from './contract.ts';

export type { CallError, CallResult, Result };

export interface PerdiemBridge {
  invoke(channel: string, args: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    perdiem?: PerdiemBridge;
  }
}

/** A failed call, thrown by `api.get`; `fields` maps field paths to messages. */
export class ApiError extends Error {
  readonly fields: Record<string, string>;
  constructor(error: CallError) {
    super(error.message);
    this.name = 'ApiError';
    this.fields = error.fields ?? {};
  }
}

export type Transport = (name: string, args: unknown) => Promise<CallResult<unknown>>;

const bridgeTransport =
  (bridge: PerdiemBridge): Transport =>
  async (name, args) =>
    (await bridge.invoke(name, args)) as CallResult<unknown>;

const httpTransport: Transport = async (name, args) => {
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? null),
    });
    return (await res.json()) as CallResult<unknown>;
  } catch (e) {
    return { ok: false, error: { message: `Could not reach Perdiem (${e instanceof Error ? e.message : String(e)})`, code: 'unreachable' } };
  }
};

export function createApi(raw: Transport, native: boolean) {
  // a request refused because the session is locked or signed out: the frame shows the lock screen
  const lockedListeners = new Set<() => void>();
  const transport: Transport = async (name, args) => {
    const r = await raw(name, args);
    if (!r.ok && r.error.code === 'locked') for (const fn of lockedListeners) fn();
    return r;
  };
  return {
    /** called whenever a request comes back `locked`; returns the unsubscribe */
    onLocked(fn: () => void): () => void {
      lockedListeners.add(fn);
      return () => lockedListeners.delete(fn);
    },
    /** true in the desktop app: native open/save dialogs exist */
    native,
    call<K extends ChannelName>(name: K, ...args: ArgList<K>): Promise<CallResult<Result<K>>> {
      return transport(name, args[0]) as Promise<CallResult<Result<K>>>;
    },
    submit<K extends ChannelName>(name: K, draft: DraftOf<K>): Promise<CallResult<Result<K>>> {
      return transport(name, draft) as Promise<CallResult<Result<K>>>;
    },
    /** like call, but throws ApiError on failure */
    async get<K extends ChannelName>(name: K, ...args: ArgList<K>): Promise<Result<K>> {
      const r = (await transport(name, args[0])) as CallResult<Result<K>>;
      if (!r.ok) throw new ApiError(r.error);
      return r.value;
    },
  };
}

export type Api = ReturnType<typeof createApi>;

const bridge = typeof window !== 'undefined' ? window.perdiem : undefined;
export const api: Api = bridge ? createApi(bridgeTransport(bridge), true) : createApi(httpTransport, false);
