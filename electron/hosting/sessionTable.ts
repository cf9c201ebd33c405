// The sessions a transport holds: Electron one per window (keyed by webContents id), the
// loopback server one per cookie. The role always comes from the session kept here, never from
// the caller. A session made on a connection the office has since replaced (setup, restore) is
// dropped: everyone signs in again.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { SessionManager, type SessionOptions } from '../security/sessions.ts';

export type SessionFactory = (db: Database.Database) => SessionManager;

export function sessionFactory(o: Omit<SessionOptions, 'db'> = {}): SessionFactory {
  return (db) => new SessionManager({ ...o, db });
}

export class SessionTable<K> {
  private readonly map = new Map<K, { db: Database.Database; session: SessionManager }>();

  constructor(
    private readonly db: () => Database.Database,
    private readonly make: SessionFactory,
  ) {}

  /** The key's session, if it has a live one. */
  find(key: K | null | undefined): SessionManager | null {
    if (key === null || key === undefined) return null;
    const e = this.map.get(key);
    if (!e) return null;
    if (e.db !== this.db()) {
      this.map.delete(key);
      return null;
    }
    return e.session;
  }

  /** The key's session, a new signed-out one when it has none. */
  get(key: K): SessionManager {
    const found = this.find(key);
    if (found) return found;
    const session = this.fresh();
    this.map.set(key, { db: this.db(), session });
    return session;
  }

  /** A signed-out session not yet held under any key. */
  fresh(): SessionManager {
    return this.make(this.db());
  }

  set(key: K, session: SessionManager): void {
    this.map.set(key, { db: this.db(), session });
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  /** The signed-in (active) sessions on the current connection, with their keys: who is connected. */
  live(): { key: K; user: NonNullable<ReturnType<SessionManager['current']>> }[] {
    const out: { key: K; user: NonNullable<ReturnType<SessionManager['current']>> }[] = [];
    for (const [key, e] of this.map) {
      if (e.db !== this.db()) continue;
      const user = e.session.current();
      if (user) out.push({ key, user });
    }
    return out;
  }
}

/** The session a request runs under and the table key it is kept under (null: a throwaway, kept nowhere). */
export interface KeyedSession {
  session: SessionManager;
  key: string | null;
}

/**
 * The key of the signed-out session a sign-in without a cookie runs on: one per user name, so
 * two people signing in at the same moment never share a session (one of them would get the
 * other's). Failed attempts add up to a name's wait whoever tries anyway: the wait is read from
 * the audit trail (security/signInFailures.ts), not from a session.
 */
export const signInKey = (username: unknown) => `signin:${String(username ?? '').trim().toLowerCase()}`;

/** The user name an `auth.signIn` request gives (its session is kept under it), undefined for any other request. */
export function signInNameOf(request: string, args: unknown): unknown {
  if (request !== 'auth.signIn') return undefined;
  return args !== null && typeof args === 'object' ? ((args as { username?: unknown }).username ?? '') : '';
}

/**
 * The session of a request named by its cookie, the same way on every HTTP transport (the
 * loopback server and the office server): the cookie's own live session; without one, an
 * `auth.signIn` (`signInAs`: the name it gives) runs on that name's signed-out session, and any
 * other request on a fresh signed-out session kept nowhere, so no two browsers share state.
 */
export function cookieSession(table: SessionTable<string>, cookie: string | null, signInAs?: unknown): KeyedSession {
  const own = table.find(cookie);
  if (own) return { session: own, key: cookie };
  if (signInAs !== undefined) {
    const key = signInKey(signInAs);
    return { session: table.get(key), key };
  }
  return { session: table.fresh(), key: null };
}

/** An unguessable cookie value. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}
