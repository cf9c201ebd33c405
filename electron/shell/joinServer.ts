// "Join an office server": the address and fingerprint a person typed are checked against the
// server itself before anything is kept — a server showing another certificate is refused with
// both fingerprints named — and then kept in the data folder (joinedServer.ts). Nothing is sent to
// the server: signing in comes after, on the server's own sign-in screen. No Electron import.
import { FieldError } from '../domain/errors.ts';
import { normalizeFingerprint, normalizeServerAddress } from '../domain/fingerprint.ts';
import { connectPinned } from '../hosting/pinnedHttps.ts';
import { writeJoinedServer, type JoinedServer } from './joinedServer.ts';

export async function joinServer(file: string, typed: { url: string; fingerprint: string }, o: { timeoutMs?: number } = {}): Promise<JoinedServer> {
  const url = normalizeServerAddress(typed.url);
  const fingerprint = normalizeFingerprint(typed.fingerprint);
  const problems: Record<string, string> = {};
  if (!url) problems.url = 'is not an office server address (like 192.168.1.20:5443)';
  if (!fingerprint) problems.fingerprint = 'is not a SHA-256 fingerprint (32 pairs of hex digits, AA:BB:…)';
  if (!url || !fingerprint) throw new FieldError('the office server was not joined', problems);
  const server = await connectPinned(url, fingerprint, { timeoutMs: o.timeoutMs ?? 10_000 });
  server.close();
  const joined = { url, fingerprint };
  writeJoinedServer(file, joined);
  return joined;
}
