// The shell's answers about which office this computer opens: the joined server (if any),
// joining one and leaving it. Joining keeps the server in the data folder and leaving forgets it;
// either restarts the app, whose next start opens the server (the joined channels, main.ts) or
// this computer's own office file.
import { app } from 'electron';
import { toCallError } from '../app/registry.ts';
import type { CallResult } from '../contract/result.ts';
import { defaultDataDir } from '../paths.ts';
import type { JoinedForwarder } from './joinedChannels.ts';
import { joinServer } from './joinServer.ts';
import { leaveServer } from './leaveServer.ts';
import { joinedServerFile, readJoinedServer } from './joinedServer.ts';

export const JOINED_SERVER_FILE = joinedServerFile(defaultDataDir());

const isJoinArgs = (a: unknown): a is { url: string; fingerprint: string } =>
  !!a && typeof (a as { url?: unknown }).url === 'string' && typeof (a as { fingerprint?: unknown }).fingerprint === 'string';

/** Answers `work`'s result, then restarts the app (once the answer reached the window) on the office it chose. */
async function thenRestart(work: () => Promise<unknown>): Promise<CallResult<unknown>> {
  try {
    const value = await work();
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 300);
    return { ok: true, value };
  } catch (e) {
    const known = toCallError(e);
    if (known) return { ok: false, error: known };
    throw e;
  }
}

export async function joinServerChannel(args: unknown): Promise<CallResult<unknown>> {
  if (!isJoinArgs(args)) return { ok: false, error: { message: 'shell.joinServer needs the address and the fingerprint' } };
  return thenRestart(() => joinServer(JOINED_SERVER_FILE, args));
}

/** `forward`: the running joined app's forwarder (null when the app runs on its own file: nothing to leave). */
export async function leaveServerChannel(forward: JoinedForwarder | null): Promise<CallResult<unknown>> {
  return thenRestart(() => leaveServer(JOINED_SERVER_FILE, forward));
}

export async function officeLocationChannel(): Promise<CallResult<unknown>> {
  return { ok: true, value: { server: readJoinedServer(JOINED_SERVER_FILE) } };
}
