// The handler table over loopback HTTP, for end-to-end tests and development in a browser:
// `POST /api/<name>` with a JSON body → the same `{ ok, value | error }` the desktop app gets.
// It also serves the built renderer. Bound to 127.0.0.1 only; requests naming another host or
// coming from another origin are refused (DNS rebinding, cross-site posts).
// With `sessions`, every request runs under the session named by an HttpOnly SameSite=Strict
// cookie that only `auth.signIn` sets (a new value at each sign-in); without the cookie a request
// gets a signed-out session of its own (sessionTable.ts cookieSession, as on the office server),
// so only the public requests (status, setup, sign-in) answer and no two browsers share one.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BaseContext } from '../app/context.ts';
import { trustedSession } from '../security/sessions.ts';
import { CONTENT_SECURITY_POLICY, contentType, resolveUnderRoot } from './policy.ts';
import type { OfficeHost } from './officeHost.ts';
import type { Registry } from '../app/registry.ts';
import { cookieSession, newSessionToken, signInNameOf, type SessionTable } from './sessionTable.ts';

export const SESSION_COOKIE = 'perdiem_session';

export interface HttpServerOptions {
  registry: Registry;
  ctx: BaseContext;
  /** the built renderer (dist/renderer); omitted: API only */
  rendererDir?: string;
  port?: number;
  /** largest request body in bytes (import files) */
  maxBody?: number;
  /** the office behind ctx.db (setup, restore swap the connection); its db replaces ctx.db per request */
  office?: OfficeHost;
  /** sessions by cookie; omitted: no sign-in, every request runs as one trusted caller (API-only tests of the table) */
  sessions?: SessionTable<string>;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** sent with every answer, by this server and the office server */
export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error(`request larger than ${limit} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The session cookie's value, if the request has one. */
export function sessionCookie(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function sessionCookieHeader(token: string | null): string {
  const base = `${SESSION_COOKIE}=${token ?? ''}; HttpOnly; SameSite=Strict; Path=/`;
  return token ? base : `${base}; Max-Age=0`;
}

/** Only requests addressed to this very server (Host) and, when a browser says so, from its own origin. */
export function isLocalRequest(headers: http.IncomingHttpHeaders, port: number): boolean {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!headers.host || !allowed.has(headers.host)) return false;
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  return true;
}

export function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const maxBody = opts.maxBody ?? 200 * 1024 * 1024;
  const root = opts.rendererDir ? path.resolve(opts.rendererDir) : null;
  let port = 0;
  // without sign-in (API-only tests of the table) every request runs as one trusted caller
  let trustedFor: { db: BaseContext['db']; session: ReturnType<typeof trustedSession> } | null = null;
  const trusted = (db: BaseContext['db']) => {
    if (trustedFor?.db !== db) trustedFor = { db, session: trustedSession(db) };
    return trustedFor.session;
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!isLocalRequest(req.headers, port)) return send(res, 403, 'forbidden', 'text/plain');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { message: 'use POST' } });
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { message: 'send application/json' } });
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        let args: unknown;
        try {
          const text = await readBody(req, maxBody);
          args = text === '' ? undefined : (JSON.parse(text) as unknown);
        } catch (e) {
          return sendJson(res, 400, { ok: false, error: { message: `bad request: ${e instanceof Error ? e.message : String(e)}` } });
        }
        const status = opts.registry.has(name) ? 200 : 404;
        const base: BaseContext = { ...opts.ctx, via: 'http', ...(opts.office ? { db: opts.office.db, office: opts.office } : {}) };
        const table = opts.sessions;
        if (!table) return sendJson(res, status, await opts.registry.call({ ...base, session: trusted(base.db) }, name, args ?? undefined));
        const token = sessionCookie(req.headers.cookie);
        // the cookie's own session (a locked one continues at the lock screen); without one, a
        // signed-out session of this request's own, as on the office server (cookieSession)
        const signInAs = signInNameOf(name, args);
        const { session, key } = cookieSession(table, token, signInAs);
        const result = await opts.registry.call({ ...base, session }, name, args ?? undefined);
        if (result.ok && name === 'auth.signIn') {
          // a new value at every sign-in: a value seen before signing in is worth nothing after
          if (key !== null) table.delete(key);
          const fresh = newSessionToken();
          table.set(fresh, session);
          res.setHeader('set-cookie', sessionCookieHeader(fresh));
        } else if (result.ok && name === 'auth.signOut' && token) {
          // a refused or malformed sign-out ends nothing
          table.delete(token);
          res.setHeader('set-cookie', sessionCookieHeader(null));
        }
        return sendJson(res, status, result);
      }

      if (!root || (req.method !== 'GET' && req.method !== 'HEAD')) return send(res, 404, 'not found', 'text/plain');
      const file = resolveUnderRoot(url.pathname, root);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        return send(res, 404, 'not found', 'text/plain');
      }
      return send(res, 200, fs.readFileSync(file), contentType(file));
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { message: e instanceof Error ? e.message : String(e) } });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
