// Users and API tokens: rows in, plain objects out. Hashing and key wrapping live in
// electron/security; this file only stores what it is given.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { PasswordHash, Role, ScryptParams } from '../../electron/domain/security.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  nurseId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: Role;
  nurseId?: string | null;
  password: PasswordHash;
  now: string;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  nurse_id: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  password_hash: Buffer;
  password_salt: Buffer;
  password_params: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  nurseId: r.nurse_id,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function insertUser(db: Database.Database, u: NewUserRow): User {
  const r = db
    .prepare(
      `INSERT INTO users (username, display_name, role, nurse_id, password_hash, password_salt, password_params,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      u.username,
      u.displayName,
      u.role,
      u.nurseId ?? null,
      u.password.hash,
      u.password.salt,
      JSON.stringify(u.password.params),
      u.now,
      u.now,
    );
  return getUserById(db, Number(r.lastInsertRowid))!;
}

export function getUserById(db: Database.Database, id: number): User | null {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r ? toUser(r) : null;
}

export function getUserByName(db: Database.Database, username: string): User | null {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username.trim()) as UserRow | undefined;
  return r ? toUser(r) : null;
}

/** The stored hash of a user, for sign-in only. */
export function getPasswordHash(db: Database.Database, username: string): { user: User; hash: PasswordHash } | null {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username.trim()) as UserRow | undefined;
  if (!r) return null;
  return {
    user: toUser(r),
    hash: { hash: r.password_hash, salt: r.password_salt, params: JSON.parse(r.password_params) as ScryptParams },
  };
}

export function listUsers(db: Database.Database): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
}

export function countUsers(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function countActiveAdmins(db: Database.Database): number {
  return (db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`).get() as { n: number }).n;
}

export function updateUserRow(
  db: Database.Database,
  id: number,
  patch: { displayName?: string; role?: Role; nurseId?: string | null; disabled?: boolean; password?: PasswordHash },
  now: string,
): User {
  const cur = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!cur) throw new Error(`no user ${id}`);
  db.prepare(
    `UPDATE users SET display_name = ?, role = ?, nurse_id = ?, disabled = ?, password_hash = ?, password_salt = ?,
       password_params = ?, updated_at = ? WHERE id = ?`,
  ).run(
    patch.displayName ?? cur.display_name,
    patch.role ?? cur.role,
    patch.nurseId !== undefined ? patch.nurseId : cur.nurse_id,
    patch.disabled !== undefined ? (patch.disabled ? 1 : 0) : cur.disabled,
    patch.password?.hash ?? cur.password_hash,
    patch.password?.salt ?? cur.password_salt,
    patch.password ? JSON.stringify(patch.password.params) : cur.password_params,
    now,
    id,
  );
  return getUserById(db, id)!;
}

export interface ApiToken {
  id: string;
  label: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  id: string;
  label: string;
  role: Role;
  secret_hash: Buffer;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  label: r.label,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export function insertToken(
  db: Database.Database,
  t: { id: string; label: string; role: Role; secretHash: Buffer; createdBy: string; now: string },
): ApiToken {
  db.prepare(
    `INSERT INTO api_tokens (id, label, role, secret_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(t.id, t.label, t.role, t.secretHash, t.createdBy, t.now);
  return getToken(db, t.id)!.token;
}

export function getToken(db: Database.Database, id: string): { token: ApiToken; secretHash: Buffer } | null {
  const r = db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as TokenRow | undefined;
  return r ? { token: toToken(r), secretHash: r.secret_hash } : null;
}

export function listTokens(db: Database.Database): ApiToken[] {
  return (db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id').all() as TokenRow[]).map(toToken);
}

export function markTokenUsed(db: Database.Database, id: string, now: string): void {
  db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, id);
}

export function revokeTokenRow(db: Database.Database, id: string, now: string): boolean {
  return db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
}
