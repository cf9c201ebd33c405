// The desktop app's pin of its office server's certificate, for the requests Chromium makes
// itself (a window loading from the server, an EventSource): the joined server's host is
// accepted with exactly the pinned certificate and refused with any other; every other host
// gets Chromium's own verification. The main process's own requests pin through
// hosting/pinnedHttps.ts. The verdict is a pure function so it is tested without Electron.
import type { Session } from 'electron';
import type { JoinedServer } from './joinedServer.ts';

/** setCertificateVerifyProc's answers: accept, refuse, or Chromium's own verification */
export const ACCEPT = 0;
export const REFUSE = -2;
export const CHROMIUM_DECIDES = -3;
export type Verdict = typeof ACCEPT | typeof REFUSE | typeof CHROMIUM_DECIDES;

/** `AA:BB:…` (what people pin) as Electron's Certificate.fingerprint: `sha256/` and the base64 of the bytes */
export function electronFingerprint(pinned: string): string {
  return `sha256/${Buffer.from(pinned.replace(/:/g, ''), 'hex').toString('base64')}`;
}

/** The verdict on a certificate `hostname` shows, given the joined server (null: none joined). */
export function certificateVerdict(request: { hostname: string; fingerprint: string }, joined: JoinedServer | null): Verdict {
  if (!joined) return CHROMIUM_DECIDES;
  const host = new URL(joined.url).hostname.replace(/^\[|\]$/g, '');
  if (request.hostname.replace(/^\[|\]$/g, '') !== host) return CHROMIUM_DECIDES;
  return request.fingerprint === electronFingerprint(joined.fingerprint) ? ACCEPT : REFUSE;
}

/** Wires the verdict into a session; `joined` is asked at each verification (joining or leaving needs no restart of the pin). */
export function pinCertificates(session: Pick<Session, 'setCertificateVerifyProc'>, joined: () => JoinedServer | null): void {
  session.setCertificateVerifyProc((request, callback) => callback(certificateVerdict({ hostname: request.hostname, fingerprint: request.certificate.fingerprint }, joined())));
}
