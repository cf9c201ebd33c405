// A client of the office server for callers that stand for people: the command line (one caller)
// and the desktop app's main process (one per window). Each caller key keeps the session cookie
// its `auth.signIn` got, or sends the API token, so the server tells the windows apart as it
// tells browsers apart. A server that does not answer becomes `code: 'unreachable'`, never a throw:
// a window shows it and retries.
import type { IncomingMessage } from 'node:http';
import type { CallResult } from '../contract/result.ts';
import { sseChanges } from './changeEvents.ts';
import { UserError } from '../domain/errors.ts';
import type { PinnedServer } from './pinnedHttps.ts';

function cookieOf(setCookie: string | string[] | undefined): string | null {
  for (const line of [setCookie ?? []].flat()) {
    const pair = line.split(';')[0]!;
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(eq + 1) !== '') return pair;
  }
  return null;
}

export class OfficeClient<K = string> {
  private readonly cookies = new Map<K, string>();

  constructor(
    private readonly server: PinnedServer,
    /** an API token sent with every request (`Authorization: Bearer`), instead of signing in */
    private readonly token?: string,
  ) {}

  get url(): string {
    return this.server.url;
  }

  /** Who the caller is to the server: the API token, and the session cookie its sign-in got. */
  private credentials(key: K): Record<string, string> {
    const cookie = this.cookies.get(key);
    return { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...(cookie ? { cookie } : {}) };
  }

  /** One request of the table for the caller `key`. */
  async call(key: K, name: string, args: unknown): Promise<CallResult<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.credentials(key) };
    let r: Awaited<ReturnType<PinnedServer['request']>>;
    try {
      r = await this.server.request({ method: 'POST', path: `/api/${encodeURIComponent(name)}`, headers, body: JSON.stringify(args ?? null) });
    } catch (e) {
      if (e instanceof UserError) return { ok: false, error: { message: e.message, code: 'unreachable' } };
      throw e;
    }
    let result: CallResult<unknown>;
    try {
      result = JSON.parse(r.text) as CallResult<unknown>;
    } catch {
      return { ok: false, error: { message: `the office server answered ${r.status} without a result` } };
    }
    if (result.ok && name === 'auth.signIn') {
      const fresh = cookieOf(r.headers['set-cookie']);
      if (fresh) this.cookies.set(key, fresh);
    } else if (name === 'auth.signOut') this.cookies.delete(key);
    return result;
  }

  /** The caller's change events (the server's event stream under its session), or null when it is not signed in there. */
  async events(key: K): Promise<IncomingMessage | null> {
    const credentials = this.credentials(key);
    if (Object.keys(credentials).length === 0) return null;
    const res = await this.server.stream('/api/events', credentials);
    if (res.statusCode === 200) return res;
    res.resume();
    return null;
  }

  /**
   * Relays the caller's change events to `send` (each event's JSON text) while it is signed in
   * there: the stream is opened again `retryMs` after it ends or cannot be opened (the server
   * restarted, the network is back); it stops when the server no longer knows the caller's
   * session, or at the returned stop.
   */
  relayChanges(key: K, send: (data: string) => void, retryMs = 3000): () => void {
    let stopped = false;
    let current: IncomingMessage | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = () => {
      if (stopped) return;
      timer = setTimeout(() => void open(), retryMs);
      timer.unref?.();
    };
    const open = async (): Promise<void> => {
      let res: IncomingMessage | null;
      try {
        res = await this.events(key);
      } catch {
        return again();
      }
      if (!res) return;
      if (stopped) return void res.destroy();
      current = res;
      res.setEncoding('utf8');
      res.on('data', sseChanges(send));
      res.on('close', () => {
        current = null;
        again();
      });
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      current?.destroy();
    };
  }

  /** the caller is gone (a window closed): its session ends on the server too */
  async forget(key: K): Promise<void> {
    if (this.cookies.has(key)) await this.call(key, 'auth.signOut', undefined);
    this.cookies.delete(key);
  }

  /** every caller's session ends on the server (this computer leaves it); a server that does not answer ends none */
  async forgetAll(): Promise<void> {
    await Promise.all([...this.cookies.keys()].map((key) => this.forget(key)));
  }

  close(): void {
    this.server.close();
  }
}
