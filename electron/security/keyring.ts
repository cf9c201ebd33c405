// Envelope encryption for the database. One random 32-byte database key encrypts the SQLite
// file (SQLCipher); it never changes, so every backup stays readable with the recovery key.
// A sidecar file beside the database ("<db>.keyring.json") holds that key wrapped several ways:
//   os        by the operating system's protected storage (Electron safeStorage, per OS user)
//   password  per user, AES-256-GCM under a scrypt key derived from the user's password (CLI)
//   token     per API token, AES-256-GCM under an HKDF key derived from the token (CLI)
// The recovery key is the database key itself (recoveryKey.ts), shown once and never stored.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { DEFAULT_SCRYPT, scryptKey, type ScryptParams } from './passwords.ts';
import { DB_KEY_BYTES } from './recoveryKey.ts';

/** What the Electron shell provides (safeStorageProtector.ts); tests use a fake. */
export interface SecretProtector {
  encrypt(plain: Buffer): Buffer;
  decrypt(blob: Buffer): Buffer;
}

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export type KeyWrap =
  | { kind: 'os'; blob: string }
  | ({ kind: 'password'; user: string; salt: string; params: ScryptParams } & Sealed)
  | ({ kind: 'token'; tokenId: string; salt: string } & Sealed);

export interface KeyringFile {
  format: 'perdiem-keyring';
  version: 1;
  /** SQLCipher 4 defaults through better-sqlite3-multiple-ciphers */
  cipher: 'sqlcipher';
  wraps: KeyWrap[];
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

export function keyringPath(dbPath: string): string {
  return `${dbPath}.keyring.json`;
}

export function generateDbKey(): Buffer {
  return randomBytes(DB_KEY_BYTES);
}

function seal(kek: Buffer, plain: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function open(kek: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(sealed.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(sealed.data, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

/** Tokens are 32 random bytes already, so a fast KDF is enough; passwords get scrypt. */
function tokenKek(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, 'perdiem-token-kek', 32));
}

const normalizeUser = (u: string) => u.trim().toLowerCase();

export function emptyKeyring(): KeyringFile {
  return { format: 'perdiem-keyring', version: 1, cipher: 'sqlcipher', wraps: [] };
}

/** Reads the keyring (or starts one), applies `change`, writes it back atomically. */
export function updateKeyring(path: string, change: (ring: KeyringFile) => KeyringFile): void {
  writeKeyring(path, change(readKeyring(path) ?? emptyKeyring()));
}

export function readKeyring(path: string): KeyringFile | null {
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyringFile>;
  if (parsed.format !== 'perdiem-keyring' || parsed.version !== 1 || !Array.isArray(parsed.wraps)) {
    throw new KeyringError(`${path} is not a Perdiem keyring`);
  }
  return parsed as KeyringFile;
}

/** Written to a temporary file, flushed and renamed, so a crash leaves the old or the new file. */
export function writeKeyring(path: string, ring: KeyringFile): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(ring, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function replace(ring: KeyringFile, keep: (w: KeyWrap) => boolean, add: KeyWrap): KeyringFile {
  return { ...ring, wraps: [...ring.wraps.filter(keep), add] };
}

export function withOsWrap(ring: KeyringFile, dbKey: Buffer, protector: SecretProtector): KeyringFile {
  return replace(ring, (w) => w.kind !== 'os', { kind: 'os', blob: protector.encrypt(dbKey).toString('base64') });
}

export function withPasswordWrap(
  ring: KeyringFile,
  dbKey: Buffer,
  user: string,
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): KeyringFile {
  const name = normalizeUser(user);
  const salt = randomBytes(16);
  const kek = scryptKey(password, salt, { ...params, keylen: 32 });
  const sealed = seal(kek, dbKey, `password:${name}`);
  return replace(ring, (w) => !(w.kind === 'password' && w.user === name), {
    kind: 'password',
    user: name,
    salt: salt.toString('base64'),
    params: { ...params, keylen: 32 },
    ...sealed,
  });
}

export function withTokenWrap(ring: KeyringFile, dbKey: Buffer, tokenId: string, secret: string): KeyringFile {
  const salt = randomBytes(16);
  const sealed = seal(tokenKek(secret, salt), dbKey, `token:${tokenId}`);
  return replace(ring, (w) => !(w.kind === 'token' && w.tokenId === tokenId), {
    kind: 'token',
    tokenId,
    salt: salt.toString('base64'),
    ...sealed,
  });
}

export function withoutUser(ring: KeyringFile, user: string): KeyringFile {
  const name = normalizeUser(user);
  return { ...ring, wraps: ring.wraps.filter((w) => !(w.kind === 'password' && w.user === name)) };
}

export function withoutToken(ring: KeyringFile, tokenId: string): KeyringFile {
  return { ...ring, wraps: ring.wraps.filter((w) => !(w.kind === 'token' && w.tokenId === tokenId)) };
}

function checked(key: Buffer | null): Buffer | null {
  return key && key.length === DB_KEY_BYTES ? key : null;
}

export function unwrapWithProtector(ring: KeyringFile, protector: SecretProtector): Buffer | null {
  const w = ring.wraps.find((x) => x.kind === 'os');
  if (!w || w.kind !== 'os') return null;
  try {
    return checked(protector.decrypt(Buffer.from(w.blob, 'base64')));
  } catch {
    return null;
  }
}

/** Null for an unknown user or a wrong password (the same answer, on purpose). */
export function unwrapWithPassword(ring: KeyringFile, user: string, password: string): Buffer | null {
  const name = normalizeUser(user);
  const w = ring.wraps.find((x) => x.kind === 'password' && x.user === name);
  if (!w || w.kind !== 'password') return null;
  const kek = scryptKey(password, Buffer.from(w.salt, 'base64'), w.params);
  return checked(open(kek, w, `password:${name}`));
}

export function unwrapWithToken(ring: KeyringFile, tokenId: string, secret: string): Buffer | null {
  const w = ring.wraps.find((x) => x.kind === 'token' && x.tokenId === tokenId);
  if (!w || w.kind !== 'token') return null;
  return checked(open(tokenKek(secret, Buffer.from(w.salt, 'base64')), w, `token:${tokenId}`));
}
