// User accounts: validation, hashing, and keeping the keyring's password wraps in step, so the
// command line can open an encrypted database with any user's password.
import type Database from 'better-sqlite3-multiple-ciphers';
import {
  countActiveAdmins,
  getPasswordHash,
  getUserByName,
  insertUser,
  updateUserRow,
  type User,
} from '../../db/repos/users.ts';
import { FieldError } from '../domain/errors.ts';
import { asActor } from '../../db/actor.ts';
import { updateKeyring, withoutUser, withPasswordWrap, type KeyringFile } from './keyring.ts';
import { DEFAULT_SCRYPT, hashPassword, passwordProblem, verifyNobody, verifyPassword, weakerThan, type ScryptParams } from './passwords.ts';
import { isRole, type Role } from './roles.ts';

/** Where the keyring is and the key it wraps; absent for an unencrypted database. */
export interface KeyringContext {
  path: string;
  dbKey: Buffer;
}

export interface AccountOptions {
  /** ISO date-time */
  now: string;
  /** who does it, for the audit trail */
  actor: string;
  keyring?: KeyringContext;
  params?: ScryptParams;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  nurseId?: string | null;
  password: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

function validate(db: Database.Database, u: Partial<NewUser>, creating: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (creating) {
    if (typeof u.username !== 'string' || !USERNAME.test(u.username))
      problems.username = 'letters, digits and . _ @ - only, 1 to 64 characters, starting with a letter or digit';
    else if (getUserByName(db, u.username)) problems.username = `'${u.username}' is taken`;
  }
  if (u.displayName !== undefined && (typeof u.displayName !== 'string' || u.displayName.trim() === ''))
    problems.displayName = 'is required';
  if (u.role !== undefined && !isRole(u.role)) problems.role = 'must be admin, biller or nurse';
  if (u.role === 'nurse') {
    if (!u.nurseId) problems.nurseId = 'a nurse account is linked to a nurse record';
    else if (!db.prepare('SELECT 1 FROM nurses WHERE id = ?').get(u.nurseId)) problems.nurseId = `no nurse '${u.nurseId}'`;
  } else if (u.role !== undefined && u.nurseId) problems.nurseId = 'only a nurse account is linked to a nurse record';
  if (u.password !== undefined) {
    const p = typeof u.password === 'string' ? passwordProblem(u.password) : 'is required';
    if (p) problems.password = p;
  }
  return problems;
}

function updateRing(k: KeyringContext | undefined, change: (ring: KeyringFile) => KeyringFile) {
  if (k) updateKeyring(k.path, change);
}

export function createUser(db: Database.Database, input: NewUser, o: AccountOptions): User {
  const problems = validate(db, input, true);
  if (Object.keys(problems).length) throw new FieldError('the user was not created', problems);
  const params = o.params ?? DEFAULT_SCRYPT;
  const user = asActor(db, o.actor, () =>
    insertUser(db, {
      username: input.username.trim(),
      displayName: input.displayName.trim(),
      role: input.role,
      nurseId: input.role === 'nurse' ? input.nurseId ?? null : null,
      password: hashPassword(input.password, params),
      now: o.now,
    }),
  );
  // after the row is in: a keyring wrap for a user that does not exist would be harmless, the reverse would lock them out of the CLI
  updateRing(o.keyring, (ring) => withPasswordWrap(ring, o.keyring!.dbKey, user.username, input.password, params));
  return user;
}

export function changePassword(db: Database.Database, username: string, newPassword: string, o: AccountOptions): User {
  const found = getUserByName(db, username);
  if (!found) throw new FieldError('no such user', { username: `no user '${username}'` });
  const problems = validate(db, { password: newPassword }, false);
  if (Object.keys(problems).length) throw new FieldError('the password was not changed', problems);
  const params = o.params ?? DEFAULT_SCRYPT;
  const user = asActor(db, o.actor, () => updateUserRow(db, found.id, { password: hashPassword(newPassword, params) }, o.now));
  updateRing(o.keyring, (ring) => withPasswordWrap(ring, o.keyring!.dbKey, user.username, newPassword, params));
  return user;
}

export type UserPatch = { displayName?: string; role?: Role; nurseId?: string | null; disabled?: boolean };

/** Throws what would refuse the change (before anything else is done for it, such as a key switch); returns the account and its resulting role. */
export function checkUpdate(db: Database.Database, username: string, patch: UserPatch): { found: User; role: Role; nurseId: string | null } {
  const found = getUserByName(db, username);
  if (!found) throw new FieldError('no such user', { username: `no user '${username}'` });
  const role = patch.role ?? found.role;
  const nurseId = patch.nurseId !== undefined ? patch.nurseId : role === 'nurse' ? found.nurseId : null;
  const problems = validate(db, { displayName: patch.displayName, role, nurseId }, false);
  const losesAdmin = found.role === 'admin' && !found.disabled && (role !== 'admin' || patch.disabled === true);
  if (losesAdmin && countActiveAdmins(db) <= 1) problems.role = 'the office needs at least one active administrator';
  if (Object.keys(problems).length) throw new FieldError('the user was not changed', problems);
  return { found, role, nurseId };
}

export function updateUser(
  db: Database.Database,
  username: string,
  patch: UserPatch,
  o: AccountOptions,
): User {
  const { found, role, nurseId } = checkUpdate(db, username, patch);
  const user = asActor(db, o.actor, () =>
    updateUserRow(db, found.id, { displayName: patch.displayName?.trim(), role, nurseId, disabled: patch.disabled }, o.now),
  );
  // a disabled user must not open the database from the command line either
  if (user.disabled) updateRing(o.keyring, (ring) => withoutUser(ring, user.username));
  return user;
}

/**
 * The user when the password is right and the account is enabled; null otherwise (one answer, and
 * the same scrypt work, for every failure: an unknown name costs what a wrong password does).
 * A hash made with cheaper parameters than today's is replaced, the password being at hand (`now`).
 */
export function checkPassword(db: Database.Database, username: string, password: string, o: { now?: string } = {}): User | null {
  const found = getPasswordHash(db, username);
  if (!found) {
    verifyNobody(password);
    return null;
  }
  if (!verifyPassword(password, found.hash) || found.user.disabled) return null;
  if (o.now && weakerThan(found.hash.params)) {
    return asActor(db, found.user.username, () => updateUserRow(db, found.user.id, { password: hashPassword(password, DEFAULT_SCRYPT) }, o.now!));
  }
  return found.user;
}
