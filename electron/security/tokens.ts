// API tokens for automation (a nightly build and export). A token is `pdt_<id>.<secret>`:
// the id finds the row, the secret's SHA-256 must match, and when the database is encrypted
// the keyring holds the database key wrapped under the token too.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { getToken, insertToken, markTokenUsed, revokeTokenRow, type ApiToken } from '../../db/repos/users.ts';
import { FieldError } from '../domain/errors.ts';
import { asActor } from '../../db/actor.ts';
import { updateKeyring, withoutToken, withTokenWrap } from './keyring.ts';
import { isRole, type Role } from './roles.ts';
import type { AccountOptions } from './users.ts';

const TOKEN = /^pdt_([a-z0-9]{12})\.([A-Za-z0-9_-]{43})$/;

export function parseToken(token: string): { id: string; secret: string } | null {
  const m = TOKEN.exec(token.trim());
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/** Returns the token text, shown once; only its hash is kept. */
export function createToken(
  db: Database.Database,
  input: { label: string; role: Role },
  o: AccountOptions,
): { token: string; record: ApiToken } {
  const problems: Record<string, string> = {};
  if (typeof input.label !== 'string' || input.label.trim() === '') problems.label = 'is required';
  if (!isRole(input.role)) problems.role = 'must be admin, biller or nurse';
  if (Object.keys(problems).length) throw new FieldError('the token was not created', problems);
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const record = asActor(db, o.actor, () =>
    insertToken(db, { id, label: input.label.trim(), role: input.role, secretHash: hashSecret(secret), createdBy: o.actor, now: o.now }),
  );
  const k = o.keyring;
  if (k) updateKeyring(k.path, (ring) => withTokenWrap(ring, k.dbKey, id, secret));
  return { token: `pdt_${id}.${secret}`, record };
}

/** The token's record when it is well formed, known, not revoked and the secret matches. */
export function verifyToken(db: Database.Database, token: string, now?: string): ApiToken | null {
  const parts = parseToken(token);
  if (!parts) return null;
  const found = getToken(db, parts.id);
  if (!found || found.token.revokedAt) return null;
  const ok = timingSafeEqual(found.secretHash, hashSecret(parts.secret));
  if (ok && now) markTokenUsed(db, parts.id, now);
  return ok ? found.token : null;
}

export function revokeToken(db: Database.Database, id: string, o: AccountOptions): boolean {
  const done = asActor(db, o.actor, () => revokeTokenRow(db, id, o.now));
  if (o.keyring) updateKeyring(o.keyring.path, (ring) => withoutToken(ring, id));
  return done;
}
