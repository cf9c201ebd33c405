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
}

/** An unguessable cookie value. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}
