// The desktop app on a joined office server: every window's requests go to the server, each
// window with its own session there (officeClient.ts keyed by the window), the native dialogs
// stay on this computer. The connection is made at the first request and again after a failure,
// so a server that was down at start, or restarted, is picked up by the next request; meanwhile
// requests answer `unreachable` and the window says so.
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../contract/channels.ts';
import type { CallResult } from '../contract/result.ts';
import { UserError } from '../domain/errors.ts';
import { connectPinned, PinError } from '../hosting/pinnedHttps.ts';
import { OfficeClient } from '../hosting/officeClient.ts';
import type { JoinedServer } from './joinedServer.ts';

type Handle = (channel: string, fn: (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>) => void;

/** sends a change event's JSON text to a window (the shell: its webContents on CHANGE_EVENTS_CHANNEL) */
export type SendChange = (window: number, data: string) => void;

/**
 * The window requests the office server answers, for a joined app (the shell's own channels
 * excepted). With `send`, each window signed in there also gets the server's change events, as a
 * window of the app that holds the office gets its own (hosting/changeEvents.ts fanOut).
 */
export interface JoinedForwarder {
  call(window: number, name: string, args: unknown): Promise<CallResult<unknown>>;
  /** the window closed: its session on the server ends */
  forget(window: number): Promise<void>;
  /**
   * This computer leaves the server (leaveServer.ts): the change relays stop, every window's
   * session there ends (waiting at most `timeoutMs` for a server that does not answer: leaving
   * must work when the server is gone), the connection closes, and no later request reaches it.
   */
  leave(o?: { timeoutMs?: number }): Promise<void>;
}

export function joinedForwarder(joined: JoinedServer, send?: SendChange, retryMs?: number): JoinedForwarder {
  let client: Promise<OfficeClient<number>> | null = null;
  let left = false;
  const relays = new Map<number, () => void>();
  const relay = (c: OfficeClient<number>, window: number, name: string, r: CallResult<unknown>) => {
    if (!send) return;
    if (name === 'auth.signIn' && r.ok) {
      relays.get(window)?.();
      relays.set(window, c.relayChanges(window, (data) => send(window, data), retryMs));
    } else if (name === 'auth.signOut') {
      relays.get(window)?.();
      relays.delete(window);
    }
  };
  const connect = () =>
    (client ??= connectPinned(joined.url, joined.fingerprint).then(
      (s) => new OfficeClient<number>(s),
      (e: unknown) => {
        client = null;
        throw e;
      },
    ));
  return {
    async call(window, name, args) {
      if (left) return { ok: false, error: { message: `This computer left the office server at ${joined.url}: Perdiem starts again on its own office.` } };
      try {
        const c = await connect();
        const r = await c.call(window, name, args);
        relay(c, window, name, r);
        return r;
      } catch (e) {
        // another certificate is not "unreachable": retrying would not help, the person must be told
        if (e instanceof PinError) return { ok: false, error: { message: e.message } };
        if (e instanceof UserError) return { ok: false, error: { message: e.message, code: 'unreachable' } };
        throw e;
      }
    },
    async forget(window) {
      relays.get(window)?.();
      relays.delete(window);
      if (client) await (await client).forget(window).catch(() => undefined);
    },
    async leave(o = {}) {
      left = true;
      for (const stop of relays.values()) stop();
      relays.clear();
      const connecting = client;
      client = null;
      const c = await connecting?.catch(() => null);
      if (!c) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, o.timeoutMs ?? 5000)));
      await Promise.race([c.forgetAll().catch(() => undefined), gaveUp]);
      clearTimeout(timer);
      c.close();
    },
  };
}

/** Registers every channel for a joined app: `shell` the local answers (dialogs, where the office is, leaving it), the rest forwarded. */
export function registerJoinedChannels(forward: JoinedForwarder, shell: Record<string, (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>>, handle: Handle): void {
  for (const channel of CHANNELS) {
    const own = shell[channel];
    handle(channel, own ?? ((args, event) => forward.call(event.sender.id, channel, args)));
  }
}
