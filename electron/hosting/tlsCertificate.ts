// The office server's TLS certificate: made once, at the first `perdiem serve`, and kept beside
// the database (office.sqlite.tls.json, mode 0600: it holds the private key). Self-signed on
// purpose: an office has no public name for a certificate authority to vouch for, so each
// workstation pins the certificate's SHA-256 fingerprint when it joins instead, and a server
// showing any other certificate (someone in the middle, another machine) is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { generate } from 'selfsigned';

export { normalizeFingerprint } from '../domain/fingerprint.ts';

export interface TlsCertificate {
  /** PEM */
  key: string;
  /** PEM */
  cert: string;
  /** SHA-256 of the DER certificate, `AA:BB:…` (what a workstation pins) */
  fingerprint: string;
}

/** Where the office's certificate is kept: beside its database. */
export function certificatePath(dbPath: string): string {
  return `${dbPath}.tls.json`;
}

/** The SHA-256 fingerprint of a PEM certificate as `AA:BB:…` (the form Node's `cert.fingerprint256` has). */
export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}


/** A new self-signed certificate for the server's names (host names and IP addresses), valid ten years. */
export async function makeCertificate(names: readonly string[], now = new Date()): Promise<TlsCertificate> {
  const isIp = (n: string) => /^[\d.]+$/.test(n) || n.includes(':');
  const pems = await generate([{ name: 'commonName', value: `Perdiem office server` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
    notAfterDate: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...new Set(names)].map((n) => (isIp(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}

/**
 * The office's certificate: read from beside the database, or made and kept there on the first
 * start. The fingerprint is recomputed from the certificate, never trusted from the file.
 */
export async function loadOrCreateCertificate(dbPath: string, names: readonly string[]): Promise<TlsCertificate & { created: boolean }> {
  const file = certificatePath(dbPath);
  if (fs.existsSync(file)) {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; cert: string };
    return { key: kept.key, cert: kept.cert, fingerprint: fingerprintOf(kept.cert), created: false };
  }
  const made = await makeCertificate(names);
  // wx: two servers started at once on one office do not overwrite each other's key
  fs.writeFileSync(file, JSON.stringify({ key: made.key, cert: made.cert }, null, 2), { mode: 0o600, flag: 'wx' });
  return { ...made, created: true };
}
