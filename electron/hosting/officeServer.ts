// The office server: the one handler table over HTTPS on the office network, for the desktop
// app's workstations (joined with the certificate's fingerprint pinned), browsers and the
// command line (PERDIEM_SERVER). Fastify does the HTTP; this file only maps it to the table:
//   POST /api/<name>   JSON arguments → the same `{ ok, value | error }` every transport gets
//   GET  /api/events   server-sent events: one `change` after every request that changed the office
//   GET  /…            the built renderer, when one is given (policy.ts decides which file)
// Sessions, roles, the audit actor and the database key live here only: a workstation holds a
// cookie (or a token) and nothing of the office. First-run setup and recovery are refused over
// the network: they are done where the database is.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { BaseContext, Office } from '../app/context.ts';
import type { Registry } from '../app/registry.ts';
import type { CallResult } from '../contract/result.ts';
import { announcing, ChangeFeed, sseFrame } from './changeEvents.ts';
import { SECURITY_HEADERS, sessionCookieHeader, type RunningServer } from './httpServer.ts';
import { contentType, resolveUnderRoot } from './policy.ts';
import { callerOf } from './requestAuth.ts';
import { newSessionToken, signInNameOf, type SessionTable } from './sessionTable.ts';

export interface OfficeServerOptions {
  registry: Registry;
  office: Office;
  clock: Pick<BaseContext, 'now' | 'today'>;
  sessions: SessionTable<string>;
  tls: { key: string; cert: string; fingerprint: string };
  /** the address to listen on: 127.0.0.1 (tests, this computer only) or the office LAN address / 0.0.0.0 */
  host?: string;
  /** 0: any free port */
  port?: number;
  /** the built renderer (dist/renderer); omitted: API only */
  rendererDir?: string;
  /** largest request body in bytes (import files) */
  maxBody?: number;
  /** milliseconds between keep-alive comments on an event stream */
  pingMs?: number;
  /** the change events to announce and stream; the desktop app that hosts shares its windows' (one feed for both) */
  feed?: ChangeFeed;
}

export interface RunningOfficeServer extends RunningServer {
  /** url: https://HOST:PORT */
  host: string;
  /** SHA-256 of the certificate, `AA:BB:…` */
  fingerprint: string;
  feed: ChangeFeed;
}

/** the loopback server's headers, and HTTPS only from now on for this address */
const HEADERS = { ...SECURITY_HEADERS, 'strict-transport-security': 'max-age=31536000' };

/** Requests answered only where the database is (first-run setup, the recovery key). */
const LOCAL_ONLY = new Set(['auth.setup', 'auth.recover']);

/** A browser's post from another site is refused: its Origin must be this server as the browser addressed it. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || (host !== undefined && origin === `https://${host}`);
}

const secureCookie = (token: string | null) => `${sessionCookieHeader(token)}; Secure`;

export async function startOfficeServer(o: OfficeServerOptions): Promise<RunningOfficeServer> {
  const feed = o.feed ?? new ChangeFeed();
  // every successful change is announced (sign-in and sign-out are not changes: changeEvents.ts)
  const registry = announcing(o.registry, feed);
  const streams = new Set<ServerResponse>();
  const root = o.rendererDir ? path.resolve(o.rendererDir) : null;
  const app = Fastify({ https: { key: o.tls.key, cert: o.tls.cert }, bodyLimit: o.maxBody ?? 200 * 1024 * 1024, logger: false, forceCloseConnections: true });

  // the body stays text: the table's own messages for bad JSON, and an empty body means no arguments
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    void reply.headers(HEADERS);
    if (!sameOrigin(req.headers.origin, req.headers.host)) return reply.code(403).send({ ok: false, error: { message: 'forbidden: another site' } });
  });

  app.setErrorHandler((e: { statusCode?: number; message: string }, _req, reply) => {
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    void reply.code(status).send({ ok: false, error: { message: status === 415 ? 'send application/json' : `bad request: ${e.message}` } });
  });
  app.setNotFoundHandler((_req, reply) => void reply.code(404).type('text/plain').send('not found'));

  const base = (): BaseContext => ({ ...o.clock, db: o.office.db, office: o.office, via: 'http' });

  app.post<{ Params: { name: string }; Body: string | undefined }>('/api/:name', async (req, reply) => {
    const name = req.params.name;
    if (LOCAL_ONLY.has(name)) {
      return reply.code(403).send({ ok: false, error: { message: `${name} is done on the office server itself, not over the network`, code: 'denied' } });
    }
    let args: unknown;
    try {
      const text = typeof req.body === 'string' ? req.body : '';
      args = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch (e) {
      return reply.code(400).send({ ok: false, error: { message: `bad request: ${e instanceof Error ? e.message : String(e)}` } });
    }
    const signInAs = signInNameOf(name, args);
    const caller = callerOf(req.headers, o.sessions, o.office, new Date().toISOString(), signInAs);
    if ('refused' in caller) return reply.code(401).send({ ok: false, error: caller.refused });
    const { session, cookie, key } = caller;
    const result: CallResult<unknown> = await registry.call({ ...base(), session }, name, args ?? undefined);
    if (result.ok && name === 'auth.signIn') {
      // a new value at every sign-in: a value seen before signing in is worth nothing after
      if (key !== null) o.sessions.delete(key);
      const fresh = newSessionToken();
      o.sessions.set(fresh, session);
      void reply.header('set-cookie', secureCookie(fresh));
    } else if (name === 'auth.signOut' && cookie) {
      o.sessions.delete(cookie);
      void reply.header('set-cookie', secureCookie(null));
    }
    return reply.code(registry.has(name) ? 200 : 404).send(result);
  });

  app.get('/api/events', (req, reply) => {
    const caller = callerOf(req.headers, o.sessions, o.office, new Date().toISOString());
    const session = 'refused' in caller ? null : caller.session;
    if (!session || session.current() === null) {
      return reply.code(401).send({ ok: false, error: { message: 'sign in to receive changes', code: 'locked' } });
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    res.write('retry: 3000\n\n');
    streams.add(res);
    const end = () => {
      off();
      clearInterval(ping);
      streams.delete(res);
      res.end();
    };
    // a session signed out (or a token revoked) since the stream opened gets no further events
    const off = feed.subscribe((e) => (session.current() ? res.write(sseFrame(e)) : end()));
    const ping = setInterval(() => res.write(': ping\n\n'), o.pingMs ?? 15_000);
    req.raw.on('close', end);
  });

  if (root) {
    app.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
      const file = resolveUnderRoot(new URL(req.url, 'https://office').pathname, root);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return reply.code(404).type('text/plain').send('not found');
      return reply.type(contentType(file)).send(fs.readFileSync(file));
    });
  }

  const host = o.host ?? '127.0.0.1';
  await app.listen({ host, port: o.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `https://${shown}:${port}`,
    host,
    port,
    fingerprint: o.tls.fingerprint,
    feed,
    close: async () => {
      for (const res of streams) res.end();
      await app.close();
    },
  };
}
