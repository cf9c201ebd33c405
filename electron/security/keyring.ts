// Envelope encryption for the database. One random 32-byte database key encrypts the SQLite
// file (SQLCipher) and its backups; it changes when a user is disabled or a token revoked
// (keySwitch.ts), and the recovery key of the time opens what was written under it.
// A sidecar file beside the database ("<db>.keyring.json") holds that key wrapped several ways:
//   os        by the operating system's protected storage (Electron safeStorage, per OS user)
//   password  per user, AES-256-GCM under a scrypt key derived from the user's password (CLI)
//   token     per API token, AES-256-GCM under an HKDF key derived from the token (CLI)
// The recovery key is the database key itself (recoveryKey.ts), shown once and never stored.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
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
  | ({ kind: 'token'; tokenId: string; salt: string } & Sealed)
  /** the key changed since this user's wrap was made: renewed at their next sign-in in the app or on the server */
  | { kind: 'renew'; user: string }
  /** the key changed since this token's wrap was made: its secret is not kept, so only a new token opens the file */
  | { kind: 'reissue'; tokenId: string };

export interface KeyringFile {
  format: 'perdiem-keyring';
  version: 1;
  /** SQLCipher 4 defaults through better-sqlite3-multiple-ciphers */
  cipher: 'sqlcipher';
  wraps: KeyWrap[];
  /**
   * A key switch under way (keySwitch.ts): the wraps of the new key, written before the database
   * is rekeyed. Whoever opens the database with the new key finishes the switch (these become
   * `wraps`); until then `wraps` still open the database under the old key.
   */
  pending?: { keyId: string; wraps: KeyWrap[] };
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

/** A user's password wrap or renewal mark (renew) go together: a new password wrap replaces both. */
const isUsers = (w: KeyWrap, name: string) => (w.kind === 'password' || w.kind === 'renew') && w.user === name;
const isTokens = (w: KeyWrap, id: string) => (w.kind === 'token' || w.kind === 'reissue') && w.tokenId === id;

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
  return replace(ring, (w) => !isUsers(w, name), {
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
  return replace(ring, (w) => !isTokens(w, tokenId), {
    kind: 'token',
    tokenId,
    salt: salt.toString('base64'),
    ...sealed,
  });
}

export function withoutUser(ring: KeyringFile, user: string): KeyringFile {
  const name = normalizeUser(user);
  return { ...ring, wraps: ring.wraps.filter((w) => !isUsers(w, name)) };
}

export function withoutToken(ring: KeyringFile, tokenId: string): KeyringFile {
  return { ...ring, wraps: ring.wraps.filter((w) => !isTokens(w, tokenId)) };
}

/** The user has a password wrap of the keyring's key (not only a renewal mark). */
export function hasPasswordWrap(ring: KeyringFile, user: string): boolean {
  const name = normalizeUser(user);
  return ring.wraps.some((w) => w.kind === 'password' && w.user === name);
}

/** The user's wrap waits for renewal after a key switch (their command line says so). */
export function awaitsRenewal(ring: KeyringFile, user: string): boolean {
  const name = normalizeUser(user);
  return ring.wraps.some((w) => w.kind === 'renew' && w.user === name);
}

export function awaitsReissue(ring: KeyringFile, tokenId: string): boolean {
  return ring.wraps.some((w) => w.kind === 'reissue' && w.tokenId === tokenId);
}

/** The pending switch's wraps seen as a keyring, so the unwrap functions read them the same way. */
export function pendingRing(ring: KeyringFile): KeyringFile | null {
  return ring.pending ? { ...emptyKeyring(), wraps: ring.pending.wraps } : null;
}

/** Names a key without revealing it (a hash of 32 random bytes), so a keyring can say which key its wraps hold. */
export function keyId(dbKey: Buffer): string {
  return createHash('sha256').update('perdiem-key-id').update(dbKey).digest('hex').slice(0, 16);
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
