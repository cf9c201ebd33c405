// SQLCipher at the storage level: whether a file is encrypted, and keying a connection the way
// openStore does. The keys themselves (wrapping, rotation) belong to electron/security.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file exists and does not start with SQLite's plain-text header. */
export function isEncryptedFile(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n > 0 && !(n === 16 && head.equals(SQLITE_MAGIC));
  } finally {
    closeSync(fd);
  }
}

/** Keys a connection opened outside openStore (backups, the CLI's sign-in check) the way openStore does. */
export function applyStoreKey(db: { pragma(source: string): unknown }, key: string | undefined): void {
  if (key === undefined) return;
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`key='${key.replace(/'/g, "''")}'`);
}

/**
 * The key as openStore takes it: SQLCipher's raw-key form x'…hex…', so SQLCipher uses the 32
 * bytes as they are instead of running its passphrase KDF on every open.
 */
export function storeKey(key: Buffer): string {
  return `x'${key.toString('hex')}'`;
}
