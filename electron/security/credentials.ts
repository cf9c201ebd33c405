// The command line signs in from the environment:
//   PERDIEM_USER + PERDIEM_PASSWORD   a user's name and password
//   PERDIEM_TOKEN                     an API token an administrator created (pdt_…)
//   PERDIEM_DB_KEY                    the recovery key (or the raw key as 64 hex digits), for
//                                     automation and disaster recovery: acts as an administrator
// A plain database without users needs none of them (tests, the public example, a fresh install
// before first run). An encrypted database, or one with users, needs one. Whoever signs in gets a
// session like a window's, and every command is a request to the handler table under it: the
// table's permissions, audit and error messages are the command line's too.
import { appendAudit } from '../../db/repos/audit.ts';
import { countUsers } from '../../db/repos/users.ts';
import type { Db } from '../../db/repos/sql.ts';
import { isEncryptedFile } from '../../db/cipher.ts';
import { UserError } from '../domain/errors.ts';
import { awaitsReissue, awaitsRenewal, keyringPath, readKeyring, unwrapWithPassword, unwrapWithToken } from './keyring.ts';
import { openingKey, settleWithKey } from './keySwitch.ts';
import { parseRecoveryKey } from './recoveryKey.ts';
import { principalUser, type SessionManager } from './sessions.ts';
import { parseToken, verifyToken } from './tokens.ts';

export const CREDENTIALS_HELP =
  'set PERDIEM_USER and PERDIEM_PASSWORD, or PERDIEM_TOKEN (an API token), or PERDIEM_DB_KEY (the recovery key)';

export interface Credentials {
  user?: string;
  password?: string;
  token?: string;
  /** the recovery key or 64 hex digits, as typed */
  dbKey?: string;
}

export function readCredentials(env: NodeJS.ProcessEnv): Credentials {
  const user = env.PERDIEM_USER?.trim();
  const token = env.PERDIEM_TOKEN?.trim();
  const dbKey = env.PERDIEM_DB_KEY?.trim();
  return {
    ...(user ? { user } : {}),
    ...(env.PERDIEM_PASSWORD !== undefined ? { password: env.PERDIEM_PASSWORD } : {}),
    ...(token ? { token } : {}),
    ...(dbKey ? { dbKey } : {}),
  };
}

/** After a key switch (keySwitch.ts) a remaining user's password no longer unwraps the key until they sign in where the key is held. */
export const KEY_CHANGED_USER =
  "the office's key changed (a user or an API token was removed): sign in to the app (or the office server) once with your password, then the command line opens the office again";
export const KEY_CHANGED_TOKEN =
  "the office's key changed (a user or an API token was removed): this token no longer opens the database file; ask an administrator for a new token (it still works against the office server)";

function keyFromText(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  return parseRecoveryKey(text);
}

/**
 * The raw key of an encrypted database, unwrapped from its keyring with whichever credential was
 * given (a recovery key is the key itself); null for a plain or a new file.
 */
export function unlockDatabase(dbPath: string, c: Credentials, backupDir?: string): Buffer | null {
  if (!isEncryptedFile(dbPath)) return null;
  const ring = readKeyring(keyringPath(dbPath));
  const at = { dbPath, ...(backupDir ? { backupDir } : {}) };
  if (c.dbKey) {
    const raw = keyFromText(c.dbKey);
    if (!raw) throw new UserError('PERDIEM_DB_KEY is neither a recovery key nor 64 hex digits');
    settleWithKey(at, raw);
    return raw;
  }
  if (c.token) {
    const t = parseToken(c.token);
    const raw = t && ring ? openingKey(at, ring, (r) => unwrapWithToken(r, t.id, t.secret)) : null;
    if (!raw && t && ring && awaitsReissue(ring, t.id)) throw new UserError(KEY_CHANGED_TOKEN);
    if (!raw) throw new UserError('PERDIEM_TOKEN is not a valid token for this database');
    return raw;
  }
  if (c.user && c.password !== undefined) {
    const { user, password } = c;
    const raw = ring ? openingKey(at, ring, (r) => unwrapWithPassword(r, user, password)) : null;
    if (!raw && ring && awaitsRenewal(ring, user)) throw new UserError(KEY_CHANGED_USER);
    if (!raw) throw new UserError('wrong user name or password');
    return raw;
  }
  throw new UserError(`${dbPath} is encrypted: ${CREDENTIALS_HELP}`);
}

/**
 * Signs the command's session in as the credentials say, once the store is open (`keyed`: it
 * opened with a key the credentials unwrapped, so the key proves something).
 */
export function signInFromCredentials(session: SessionManager, db: Db, c: Credentials, o: { dbPath: string; keyed: boolean; now: string }): void {
  if (countUsers(db) === 0) {
    // nobody to sign in as yet: the person at the keyboard runs the office (as before first run in the app)
    const name = c.user ?? (o.keyed ? 'db-key' : 'cli');
    session.assume({ user: principalUser(name, 'admin', o.now), via: o.keyed ? 'dbkey' : 'none', stillValid: () => true });
    return;
  }
  // the key proves something only for an encrypted file: on a plain one anybody could claim it
  if (c.dbKey && o.keyed) {
    appendAudit(db, { actor: 'db-key', action: 'signin', entity: 'users', entityId: 'db-key', after: { via: 'dbkey' }, at: o.now });
    session.assume({ user: principalUser('db-key', 'admin', o.now), via: 'dbkey', stillValid: () => true });
    return;
  }
  if (c.token) {
    const token = c.token;
    const t = verifyToken(db, token, o.now);
    if (!t) throw new UserError('PERDIEM_TOKEN is not a valid token for this database (unknown or revoked)');
    // a token revoked while the command (or a server's session) runs stops at its next request
    session.assume({ user: principalUser(`token:${t.label}`, t.role, o.now), via: 'token', stillValid: () => verifyToken(db, token) !== null });
    return;
  }
  if (c.user && c.password !== undefined) {
    session.signIn(c.user, c.password);
    return;
  }
  throw new UserError(`${o.dbPath} has users: ${CREDENTIALS_HELP}`);
}
