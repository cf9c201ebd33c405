// The office server this computer joined, if any: its address and the certificate fingerprint
// pinned when joining, kept in the app's data folder (office-server.json, 0600). No key, no
// password and no data of the office: only where it is and how to recognise it.
import fs from 'node:fs';
import path from 'node:path';
import { normalizeFingerprint, normalizeServerAddress } from '../domain/fingerprint.ts';

export interface JoinedServer {
  /** https://HOST:PORT */
  url: string;
  /** `AA:BB:…` */
  fingerprint: string;
}

export function joinedServerFile(dataDir: string): string {
  return path.join(dataDir, 'office-server.json');
}

/** The joined server, or null (none joined, or a file that does not hold one: the app opens its own file). */
export function readJoinedServer(file: string): JoinedServer | null {
  if (!fs.existsSync(file)) return null;
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<JoinedServer>;
    const url = normalizeServerAddress(String(kept.url ?? ''));
    const fingerprint = normalizeFingerprint(String(kept.fingerprint ?? ''));
    return url && fingerprint ? { url, fingerprint } : null;
  } catch {
    return null;
  }
}

export function writeJoinedServer(file: string, s: JoinedServer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(tmp, JSON.stringify(s, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function forgetJoinedServer(file: string): void {
  fs.rmSync(file, { force: true });
}
