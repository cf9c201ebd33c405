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

/** the window requests the office server answers, for a joined app (the shell's own channels excepted) */
export function joinedForwarder(joined: JoinedServer): { call(window: number, name: string, args: unknown): Promise<CallResult<unknown>>; forget(window: number): Promise<void> } {
  let client: Promise<OfficeClient<number>> | null = null;
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
      try {
        return await (await connect()).call(window, name, args);
      } catch (e) {
        // another certificate is not "unreachable": retrying would not help, the person must be told
        if (e instanceof PinError) return { ok: false, error: { message: e.message } };
        if (e instanceof UserError) return { ok: false, error: { message: e.message, code: 'unreachable' } };
        throw e;
      }
    },
    async forget(window) {
      if (client) await (await client).forget(window).catch(() => undefined);
    },
  };
}

/** Registers every channel for a joined app: `shell` the local answers (dialogs, where the office is), the rest forwarded. */
export function registerJoinedChannels(joined: JoinedServer, shell: Record<string, (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>>, handle: Handle): ReturnType<typeof joinedForwarder> {
  const forward = joinedForwarder(joined);
  for (const channel of CHANNELS) {
    const own = shell[channel];
    handle(channel, own ?? ((args, event) => forward.call(event.sender.id, channel, args)));
  }
  return forward;
}
