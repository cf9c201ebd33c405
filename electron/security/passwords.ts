// Password hashing with scrypt (node:crypto) and a timing-safe comparison.
// The cost parameters are stored with each hash so they can be raised later without
// invalidating existing passwords.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { PasswordHash, ScryptParams } from '../domain/security.ts';

export type { PasswordHash, ScryptParams };

/** OWASP's current minimum for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1, 128 MiB per hash. */
export const OWASP_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1, keylen: 32 });

/** Cheap parameters for tests only: the format and checks are the same. */
export const TEST_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 10, r: 8, p: 1, keylen: 32 });

/**
 * The parameters of every new hash: OWASP's minimum. The test runner alone (vitest.config.ts)
 * sets PERDIEM_INSECURE_TEST_SCRYPT=1, so thousands of test sign-ins do not each take 128 MiB.
 */
export function scryptDefaults(env: NodeJS.ProcessEnv = process.env): Readonly<ScryptParams> {
  return env.PERDIEM_INSECURE_TEST_SCRYPT === '1' ? TEST_SCRYPT : OWASP_SCRYPT;
}

export const DEFAULT_SCRYPT: Readonly<ScryptParams> = scryptDefaults();

/** A stored hash made with cheaper parameters than `target`: it is replaced at the next sign-in. */
export function weakerThan(params: ScryptParams, target: ScryptParams = DEFAULT_SCRYPT): boolean {
  return params.N < target.N || params.r < target.r || params.p < target.p || params.keylen < target.keylen;
}

let decoy: PasswordHash | null = null;

/**
 * For a user name that does not exist: the same scrypt work as checking a real password, so the
 * time of a failed sign-in does not tell whether the name exists.
 */
export function verifyNobody(password: string): void {
  decoy ??= hashPassword('no such user', DEFAULT_SCRYPT);
  verifyPassword(password, decoy);
}

export const MIN_PASSWORD_LENGTH = 10;

function maxmem(params: ScryptParams): number {
  return 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
}

export function scryptKey(secret: string | Buffer, salt: Buffer, params: ScryptParams): Buffer {
  const input = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  return scryptSync(input, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: maxmem(params) });
}

export function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): PasswordHash {
  const salt = randomBytes(16);
  return { hash: scryptKey(password, salt, params), salt, params: { ...params } };
}

export function verifyPassword(password: string, stored: PasswordHash): boolean {
  const candidate = scryptKey(password, stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}

/** Returns a reason the password is too weak, or null. Length is what matters (NIST 800-63B). */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim() !== password) return 'must not start or end with spaces';
  return null;
}
