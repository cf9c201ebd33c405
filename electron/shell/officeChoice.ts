// The shell's answers about which office this computer opens: the joined server (if any) and
// joining one. Joining keeps the server in the data folder and restarts the app on it; the
// next start registers the joined channels (main.ts).
import { app } from 'electron';
import { toCallError } from '../app/registry.ts';
import type { CallResult } from '../contract/result.ts';
import { defaultDataDir } from '../paths.ts';
import { joinServer } from './joinServer.ts';
import { joinedServerFile, readJoinedServer } from './joinedServer.ts';

export const JOINED_SERVER_FILE = joinedServerFile(defaultDataDir());

const isJoinArgs = (a: unknown): a is { url: string; fingerprint: string } =>
  !!a && typeof (a as { url?: unknown }).url === 'string' && typeof (a as { fingerprint?: unknown }).fingerprint === 'string';

export async function joinServerChannel(args: unknown): Promise<CallResult<unknown>> {
  if (!isJoinArgs(args)) return { ok: false, error: { message: 'shell.joinServer needs the address and the fingerprint' } };
  try {
    const joined = await joinServer(JOINED_SERVER_FILE, args);
    // after the answer reaches the window: the app starts again on the server
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 300);
    return { ok: true, value: joined };
  } catch (e) {
    const known = toCallError(e);
    if (known) return { ok: false, error: known };
    throw e;
  }
}

export async function officeLocationChannel(): Promise<CallResult<unknown>> {
  return { ok: true, value: { server: readJoinedServer(JOINED_SERVER_FILE) } };
}
