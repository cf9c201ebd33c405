// The recovery key is the database key itself, written for people: Crockford base32 in groups
// of four with a checksum, e.g. 7K3Q-…-M2XA. Because it IS the key, it opens the database and
// every backup even when the keyring file and the computer are gone.
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 3;
export const DB_KEY_BYTES = 32;

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function decode(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return null;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

function checksum(key: Buffer): Buffer {
  return createHash('sha256').update('perdiem-recovery').update(key).digest().subarray(0, CHECK_BYTES);
}

export function formatRecoveryKey(dbKey: Buffer): string {
  if (dbKey.length !== DB_KEY_BYTES) throw new Error('database key must be 32 bytes');
  const chars = encode(Buffer.concat([dbKey, checksum(dbKey)]));
  return chars.match(/.{1,4}/g)!.join('-');
}

/** Accepts any case, spaces or hyphens, and the look-alikes O→0, I/L→1. Null when mistyped. */
export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const bytes = decode(clean);
  if (!bytes || bytes.length !== DB_KEY_BYTES + CHECK_BYTES) return null;
  const key = bytes.subarray(0, DB_KEY_BYTES);
  if (!checksum(key).equals(bytes.subarray(DB_KEY_BYTES))) return null;
  return Buffer.from(key);
}
