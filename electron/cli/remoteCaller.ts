// The command line against an office server (PERDIEM_SERVER=https://HOST:PORT): the same Caller
// the commands use locally, with each request posted to the server's table. The server holds the
// office, its key, the sessions and the audit; this process holds a token or a session cookie.
//   PERDIEM_SERVER_FINGERPRINT   the certificate fingerprint `perdiem serve` printed (required)
//   PERDIEM_TOKEN                sent as `Authorization: Bearer` with every request, or
//   PERDIEM_USER + PERDIEM_PASSWORD   signed in once (auth.signIn), then the session cookie
// A file a command writes (--out) comes back in the answer (base64) and is written here whole.
import type { DeliveredFile } from '../app/context.ts';
import type { CallResult, FilePayload } from '../contract/result.ts';
import { UserError } from '../domain/errors.ts';
import { normalizeFingerprint } from '../domain/fingerprint.ts';
import type { ArgsOf, Handlers } from '../contract/index.ts';
import type { ArgList, Caller, HandlerName } from './caller.ts';
import { readCredentials } from '../security/credentials.ts';
import { connectPinned } from '../hosting/pinnedHttps.ts';
import { OfficeClient } from '../hosting/officeClient.ts';

export interface RemoteOptions {
  server: string;
  env: NodeJS.ProcessEnv;
  /** a backup file named on the command line: there is none to name on a server */
  namedBackup?: string;
}

/** A CallResult's failure as the command line reports it (exit 1). */
export function errorOf(r: Extract<CallResult<unknown>, { ok: false }>): UserError {
  return new UserError(r.error.message, r.error.details ?? Object.entries(r.error.fields ?? {}).map(([k, v]) => `${k}: ${v}`));
}

const isFile = (v: unknown): v is FilePayload =>
  v !== null && typeof v === 'object' && typeof (v as FilePayload).base64 === 'string' && typeof (v as FilePayload).fileName === 'string';

/** An office server as a Caller; signs in at the first request. */
export function openRemoteCaller(o: RemoteOptions): Caller {
  if (o.namedBackup) throw new UserError('a backup is restored on the office server itself, not through PERDIEM_SERVER');
  const pin = normalizeFingerprint(o.env.PERDIEM_SERVER_FINGERPRINT ?? '');
  if (!pin) throw new UserError('PERDIEM_SERVER needs PERDIEM_SERVER_FINGERPRINT: the SHA-256 fingerprint `perdiem serve` printed (AA:BB:…)');
  const c = readCredentials(o.env);
  if (c.dbKey && !c.token && !c.user) throw new UserError('the database key stays on the office server: sign in with PERDIEM_TOKEN or PERDIEM_USER and PERDIEM_PASSWORD');
  if (!c.token && !(c.user && c.password !== undefined)) throw new UserError('the office server needs PERDIEM_TOKEN, or PERDIEM_USER and PERDIEM_PASSWORD');

  const KEY = 'cli';
  let ready: Promise<OfficeClient> | null = null;
  let client: OfficeClient | null = null;

  const connect = (): Promise<OfficeClient> =>
    (ready ??= (async () => {
      const opened = new OfficeClient(await connectPinned(o.server, pin), c.token);
      client = opened;
      if (!c.token) {
        const signedIn = await opened.call(KEY, 'auth.signIn', { username: c.user, password: c.password });
        if (!signedIn.ok) throw errorOf(signedIn);
      }
      return opened;
    })());

  async function send(name: string, args: unknown, deliver?: (file: DeliveredFile) => void): Promise<unknown> {
    const result = await (await connect()).call(KEY, name, args);
    if (!result.ok) throw errorOf(result);
    const file = (result.value as { file?: unknown } | null)?.file;
    if (deliver && isFile(file)) deliver({ fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') });
    return result.value;
  }

  return {
    call: <K extends HandlerName>(name: K, ...args: ArgList<K>) => send(name, args[0]) as Promise<ReturnType<Handlers[K]>>,
    callDelivering: <K extends HandlerName>(name: K, args: ArgsOf<K>, deliver: (file: DeliveredFile) => void) => send(name, args, deliver) as Promise<ReturnType<Handlers[K]>>,
    backupDir: `the office server's backups folder (${o.server})`,
    close: () => {
      const cl = client;
      // the session ends with the command (a token has none to end)
      if (cl) void cl.forget(KEY).catch(() => undefined).finally(() => cl.close());
    },
  };
}
