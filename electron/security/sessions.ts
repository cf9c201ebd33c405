// Sign-in and the idle lock for the desktop app. One session per window process; the clock is
// injected (milliseconds), so tests move time instead of waiting. Every sign-in, failure,
// lock and sign-out goes to the audit trail, and the signed-in user becomes the connection's
// actor for the audit triggers. A session ends by itself when its account's password changes
// (on another screen, by an administrator) or the account is disabled: it reads the account at
// every check, so a change made anywhere reaches every window and cookie.
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../db/repos/audit.ts';
import { getSecuritySettings } from '../../db/repos/securitySettings.ts';
import { getPasswordHash, type User } from '../../db/repos/users.ts';
import { UserError } from '../domain/errors.ts';
import { setActor } from '../../db/actor.ts';
import { requirePermission, can, type Action } from './roles.ts';
import { checkPassword } from './users.ts';
import { lockedUntil, signInKey } from './signInFailures.ts';

export interface SessionOptions {
  db: Database.Database;
  /** milliseconds since the epoch */
  clock?: () => number;
  /** overrides the stored idleLockMinutes */
  idleTimeoutMs?: number;
  /** failed sign-ins in a row before a user must wait */
  maxFailures?: number;
  lockoutMs?: number;
}

export type SessionState = 'signedOut' | 'active' | 'locked';

export class SignInError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

export class LockedError extends UserError {
  constructor() {
    super('the session is locked: sign in again to continue');
    this.name = 'LockedError';
  }
}

/** Pure: has the idle time run out? */
export function idleExpired(lastActivityMs: number, nowMs: number, timeoutMs: number): boolean {
  return nowMs - lastActivityMs >= timeoutMs;
}

/**
 * A caller proven by other means than a password at this session: an API token, the database key,
 * the command line on an office without users, a test arranging data. The session holds it
 * until `stillValid()` says otherwise (a revoked token stops at its next request); there is no
 * password to re-check and no idle lock.
 */
export interface Principal {
  user: User;
  /** how it was proven, for the audit trail: 'token', 'dbkey', 'none' (an office without users), 'trusted' */
  via: string;
  stillValid(): boolean;
}

/** A user record for a principal that has no account row (a token, the database key). */
export function principalUser(username: string, role: User['role'], at: string): User {
  return { id: 0, username, displayName: username, role, nurseId: null, disabled: false, createdAt: at, updatedAt: at };
}

export class SessionManager {
  private user: User | null = null;
  private principal: Principal | null = null;
  private lastActivity = 0;
  private locked = false;
  /** the password's salt when this session signed in: a new password has a new salt */
  private credential = '';
  private readonly clock: () => number;
  private readonly db: Database.Database;

  constructor(private readonly o: SessionOptions) {
    this.db = o.db;
    this.clock = o.clock ?? Date.now;
  }

  private iso(): string {
    return new Date(this.clock()).toISOString();
  }

  idleTimeoutMs(): number {
    return this.o.idleTimeoutMs ?? getSecuritySettings(this.db).idleLockMinutes * 60_000;
  }

  /** Re-reads the account; false when its password changed since sign-in or it was disabled or removed. */
  private accountStillValid(user: User): boolean {
    const found = getPasswordHash(this.db, user.username);
    if (!found || found.user.disabled || found.user.id !== user.id || found.hash.salt.toString('hex') !== this.credential) return false;
    // a role or nurse link changed by an administrator applies from the next request
    this.user = found.user;
    return true;
  }

  state(): SessionState {
    if (!this.user) return 'signedOut';
    if (this.principal) {
      if (this.principal.stillValid()) return 'active';
      this.end(`${this.principal.via} no longer valid`);
      return 'signedOut';
    }
    if (!this.accountStillValid(this.user)) {
      this.end('password changed or account disabled');
      return 'signedOut';
    }
    if (!this.locked && idleExpired(this.lastActivity, this.clock(), this.idleTimeoutMs())) this.lock('idle');
    return this.locked ? 'locked' : 'active';
  }

  /** The state with, when active, its user: one read of the account for both. */
  status(): { state: SessionState; user: User | null } {
    const state = this.state();
    return { state, user: state === 'active' ? this.user : null };
  }

  /** The signed-in user, or null when signed out or locked. */
  current(): User | null {
    return this.status().user;
  }

  signIn(username: string, password: string): User {
    const key = signInKey(username);
    const now = this.clock();
    // the failures are the audit trail's: a restart of the app or another window does not reset them
    const until = lockedUntil(this.db, key, this.o.maxFailures ?? 5, this.o.lockoutMs ?? 60_000);
    if (until > now) {
      throw new SignInError(`too many failed attempts: try again in ${Math.ceil((until - now) / 1000)} s`);
    }
    const user = checkPassword(this.db, username, password, { now: this.iso() });
    if (!user) {
      appendAudit(this.db, { actor: key, action: 'signin.failed', entity: 'users', entityId: key, at: this.iso() });
      throw new SignInError('wrong user name or password');
    }
    if (this.locked && this.user && this.user.id !== user.id) {
      // someone else at a locked screen: the previous user is signed out first
      this.signOut();
    }
    this.user = user;
    this.principal = null;
    this.credential = getPasswordHash(this.db, user.username)?.hash.salt.toString('hex') ?? '';
    this.locked = false;
    this.lastActivity = now;
    setActor(this.db, user.username);
    appendAudit(this.db, { actor: user.username, action: 'signin', entity: 'users', entityId: user.username, at: this.iso() });
    return user;
  }

  /** Holds a principal proven elsewhere (see Principal) for the rest of the session. */
  assume(p: Principal): User {
    this.principal = p;
    this.user = p.user;
    this.locked = false;
    this.credential = '';
    this.lastActivity = this.clock();
    setActor(this.db, p.user.username);
    return p.user;
  }

  /** How the signed-in user was proven: 'password', or the principal's way. */
  via(): string {
    return this.principal?.via ?? 'password';
  }

  /** Call on every user action; throws when locked or signed out. */
  touch(): User {
    const u = this.current();
    if (!u) throw new LockedError();
    this.lastActivity = this.clock();
    return u;
  }

  lock(reason: 'idle' | 'user' = 'user'): void {
    if (!this.user || this.locked || this.principal) return;
    this.locked = true;
    setActor(this.db, null);
    appendAudit(this.db, { actor: this.user.username, action: 'lock', entity: 'users', entityId: this.user.username, after: { reason }, at: this.iso() });
  }

  signOut(): void {
    this.end(null);
  }

  /** After this session changed its own password: it stays signed in (every other session of the account ends). */
  renewCredential(): void {
    if (this.user) this.credential = getPasswordHash(this.db, this.user.username)?.hash.salt.toString('hex') ?? '';
  }

  private end(reason: string | null): void {
    if (!this.user) return;
    appendAudit(this.db, {
      actor: this.user.username,
      action: 'signout',
      entity: 'users',
      entityId: this.user.username,
      ...(reason ? { after: { reason } } : {}),
      at: this.iso(),
    });
    this.user = null;
    this.principal = null;
    this.locked = false;
    this.credential = '';
    setActor(this.db, null);
  }

  can(action: Action): boolean {
    const u = this.current();
    return u !== null && can(u.role, action);
  }

  /** For IPC handlers: the active user, allowed to do `action`, with the idle clock reset. */
  require(action: Action): User {
    const u = this.touch();
    requirePermission(u.role, action);
    return u;
  }
}

/**
 * A session that is already signed in as `username` (an administrator unless `role` says
 * otherwise): for trusted in-process callers that arrange data (tests, benchmarks, the demo
 * server), so they too go through the permission check and the audit path.
 */
export function trustedSession(db: Database.Database, username = 'system', role: User['role'] = 'admin', at = new Date().toISOString()): SessionManager {
  const session = new SessionManager({ db });
  session.assume({ user: principalUser(username, role, at), via: 'trusted', stillValid: () => true });
  return session;
}
