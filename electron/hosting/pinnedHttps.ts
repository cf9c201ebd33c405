// HTTPS to an office server whose certificate is pinned by its SHA-256 fingerprint (shown by
// `perdiem serve`, given to the workstation as PERDIEM_SERVER_FINGERPRINT). The certificate is
// self-signed, so no authority vouches for it: the client first reads the server's certificate
// over a connection that sends nothing, refuses it unless its fingerprint is the pinned one, and
// then trusts exactly that certificate (as the only CA, with the fingerprint checked again on
// every connection). A server showing any other certificate never receives a byte of a request,
// so no credential or patient data reaches someone in the middle.
import https from 'node:https';
import tls from 'node:tls';
import { UserError } from '../domain/errors.ts';

export class PinError extends UserError {
  constructor(url: string, shown: string, pinned: string) {
    super(
      `refusing the office server at ${url}: its certificate has fingerprint ${shown}, but the pinned one is ${pinned}. ` +
        'Someone may be between you and the server, or the server has a new certificate: ask the office administrator for the fingerprint `perdiem serve` shows.',
    );
    this.name = 'PinError';
  }
}

export class UnreachableError extends UserError {
  constructor(url: string, why: string) {
    super(`cannot reach the office server at ${url} (${why})`);
    this.name = 'UnreachableError';
  }
}

const pemOf = (raw: Buffer) => `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

export interface PinnedServer {
  readonly url: string;
  /** POST (or GET) a path; resolves with the status, the headers and the body text */
  request(o: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>;
  /** a streaming GET (the event stream): the response as it arrives */
  stream(path: string, headers: Record<string, string>): Promise<import('node:http').IncomingMessage>;
  close(): void;
}

/** Reads the certificate a server shows, sending nothing. */
function peerCertificate(host: string, port: number, url: string, timeoutMs: number): Promise<tls.DetailedPeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host, rejectUnauthorized: false });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      resolve(cert);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => reject(new UnreachableError(url, e.code ?? e.message)));
  });
}

/**
 * Connects to the server at `url` (https://HOST:PORT) if it shows the certificate `fingerprint`
 * pins (`AA:BB:…`); throws PinError when it shows another, UnreachableError when it does not answer.
 */
export async function connectPinned(url: string, fingerprint: string, o: { timeoutMs?: number } = {}): Promise<PinnedServer> {
  const u = new URL(url);
  if (u.protocol !== 'https:') throw new UserError(`the office server address must start with https:// (got ${url})`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || 443);
  const timeoutMs = o.timeoutMs ?? 30_000;
  const shown = await peerCertificate(host, port, url, timeoutMs);
  if (shown.fingerprint256 !== fingerprint) throw new PinError(url, shown.fingerprint256, fingerprint);
  const agent = new https.Agent({
    keepAlive: true,
    ca: pemOf(shown.raw),
    // the name the workstation typed need not be one the certificate lists: the pin is what identifies the server
    checkServerIdentity: (_name, cert) => (cert.fingerprint256 === fingerprint ? undefined : new PinError(url, cert.fingerprint256, fingerprint)),
  });
  const base = { host, port, agent, timeout: timeoutMs };
  const fail = (e: NodeJS.ErrnoException) => (e instanceof UserError ? e : new UnreachableError(url, e.code ?? e.message));
  return {
    url,
    request: ({ method, path, headers = {}, body }) =>
      new Promise((resolve, reject) => {
        const req = https.request({ ...base, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => reject(fail(e)));
        });
        req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
        req.on('error', (e) => reject(fail(e)));
        req.end(body);
      }),
    stream: (path, headers) =>
      new Promise((resolve, reject) => {
        const req = https.request({ ...base, timeout: 0, method: 'GET', path, headers: { ...headers, accept: 'text/event-stream' } }, resolve);
        req.on('error', (e) => reject(fail(e)));
        req.end();
      }),
    close: () => agent.destroy(),
  };
}
