// The handler table over loopback HTTP, for end-to-end tests and development in a browser:
// `POST /api/<name>` with a JSON body → the same `{ ok, value | error }` the desktop app gets.
// It also serves the built renderer. Bound to 127.0.0.1 only; requests naming another host or
// coming from another origin are refused (DNS rebinding, cross-site posts).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { HandlerContext } from './context.ts';
import { CONTENT_SECURITY_POLICY, contentType } from './policy.ts';
import type { Registry } from './registry.ts';

export interface HttpServerOptions {
  registry: Registry;
  ctx: HandlerContext;
  /** the built renderer (dist/renderer); omitted: API only */
  rendererDir?: string;
  port?: number;
  /** largest request body in bytes (import files) */
  maxBody?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
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
        const result = await opts.registry.call(opts.ctx, name, args ?? undefined);
        return sendJson(res, opts.registry.has(name) ? 200 : 404, result);
      }

      if (!root || (req.method !== 'GET' && req.method !== 'HEAD')) return send(res, 404, 'not found', 'text/plain');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(root, rel);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
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
