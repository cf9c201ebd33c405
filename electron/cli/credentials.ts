// The command line signs in from the environment:
//   PERDIEM_USER + PERDIEM_PASSWORD   a user's name and password
//   PERDIEM_TOKEN                     an API token an administrator created (pdt_…)
//   PERDIEM_DB_KEY                    the recovery key (or the raw key as 64 hex digits), for
//                                     automation and disaster recovery: acts as an administrator
// A plain database without users needs none of them (tests, the public example, a fresh
// install before first run). An encrypted database, or one with users, needs one, and the
// role then decides which commands run (roles.ts); every command is recorded in the audit trail.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { setOpenDefaults } from '../../db/open.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { UserError } from '../domain/errors.ts';
import { registerActorFunction, setActor } from '../../db/actor.ts';
import { keyringPath, readKeyring, unwrapWithPassword, unwrapWithToken } from '../security/keyring.ts';
import { applyStoreKey, isEncryptedFile, storeKey } from '../../db/cipher.ts';
import { parseRecoveryKey } from '../security/recoveryKey.ts';
import { requirePermission, type Action, type Role } from '../security/roles.ts';
import { parseToken, verifyToken } from '../security/tokens.ts';
import { checkPassword } from '../security/users.ts';

export interface CliIdentity {
  /** recorded as the actor of every change */
  actor: string;
  /** null: a database without users, where every command runs */
  role: Role | null;
  via: 'none' | 'password' | 'token' | 'dbkey';
  /** the key for openStore, for an encrypted database */
  key?: string;
}

export const CREDENTIALS_HELP =
  'set PERDIEM_USER and PERDIEM_PASSWORD, or PERDIEM_TOKEN (an API token), or PERDIEM_DB_KEY (the recovery key)';

/** Which permission a command needs; a command not listed here needs an administrator. */
export function cliAction(command: string, args: readonly string[]): Action {
  switch (command) {
    case 'import':
    case 'demo':
      return 'data.import';
    case 'build':
      return 'claims.build';
    case 'export':
      return args.find((a) => !a.startsWith('-')) === 'pdf' ? 'export.pdf' : 'export.837';
    case 'audit':
      return 'audit.view';
    case 'backup':
      return args.find((a) => !a.startsWith('-')) === 'restore' ? 'backup.restore' : 'backup.run';
    case 'token':
      return 'tokens.manage';
    default:
      return 'users.manage';
  }
}

function keyFromEnv(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  return parseRecoveryKey(t);
}

function openRaw(dbPath: string, key: string | undefined): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    applyStoreKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw new UserError(`cannot open ${dbPath}: ${key ? 'the key does not open it' : (e as Error).message}`);
  }
  db.pragma('busy_timeout = 5000');
  registerActorFunction(db);
  return db;
}

function hasUsers(db: Database.Database): boolean {
  const t = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'`).get();
  return !!t && (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n > 0;
}

/** Decides who is running the command; throws UserError (exit 1) when credentials are missing or wrong. */
export function authenticateCli(dbPath: string, env: NodeJS.ProcessEnv): CliIdentity {
  // the audit trail keeps the wall clock, not --now (which only pins what the engine sees)
  const now = new Date().toISOString();
  const user = env.PERDIEM_USER?.trim() || undefined;
  const password = env.PERDIEM_PASSWORD;
  const token = env.PERDIEM_TOKEN?.trim() || undefined;
  const dbKeyText = env.PERDIEM_DB_KEY?.trim() || undefined;
  if (!fs.existsSync(dbPath)) return { actor: user ?? 'cli', role: null, via: 'none' };

  let key: string | undefined;
  if (isEncryptedFile(dbPath)) {
    const ring = readKeyring(keyringPath(dbPath));
    let raw: Buffer | null = null;
    if (dbKeyText) {
      raw = keyFromEnv(dbKeyText);
      if (!raw) throw new UserError('PERDIEM_DB_KEY is neither a recovery key nor 64 hex digits');
    } else if (token) {
      const t = parseToken(token);
      raw = t && ring ? unwrapWithToken(ring, t.id, t.secret) : null;
      if (!raw) throw new UserError('PERDIEM_TOKEN is not a valid token for this database');
    } else if (user && password !== undefined) {
      raw = ring ? unwrapWithPassword(ring, user, password) : null;
      if (!raw) throw new UserError('wrong user name or password');
    } else {
      throw new UserError(`${dbPath} is encrypted: ${CREDENTIALS_HELP}`);
    }
    key = storeKey(raw);
  }

  const db = openRaw(dbPath, key);
  try {
    if (!hasUsers(db)) {
      return { actor: user ?? (key ? 'db-key' : 'cli'), role: key ? 'admin' : null, via: key ? 'dbkey' : 'none', key };
    }
    // the key proves something only for an encrypted file: on a plain one anybody could claim it
    if (dbKeyText && key) {
      appendAudit(db, { actor: 'db-key', action: 'signin', entity: 'cli', after: { via: 'dbkey' }, at: now });
      return { actor: 'db-key', role: 'admin', via: 'dbkey', key };
    }
    if (token) {
      const t = verifyToken(db, token, now);
      if (!t) throw new UserError('PERDIEM_TOKEN is not a valid token for this database (unknown or revoked)');
      return { actor: `token:${t.label}`, role: t.role, via: 'token', key };
    }
    if (user && password !== undefined) {
      const u = checkPassword(db, user, password);
      if (!u) {
        appendAudit(db, { actor: user.slice(0, 64), action: 'signin.failed', entity: 'cli', entityId: user.slice(0, 64), at: now });
        throw new UserError('wrong user name or password');
      }
      return { actor: u.username, role: u.role, via: 'password', key };
    }
    throw new UserError(`${dbPath} has users: ${CREDENTIALS_HELP}`);
  } finally {
    db.close();
  }
}

/** Throws PermissionError (exit 1) when the identity's role may not run the command. */
export function authorizeCli(id: CliIdentity, command: string, args: readonly string[]): void {
  if (id.role !== null) requirePermission(id.role, cliAction(command, args));
}

/** One audit row for a command that succeeded (its data changes have their own rows from the triggers). A rejected command writes nothing. */
export function recordCliCommand(
  dbPath: string,
  id: CliIdentity,
  command: string,
  args: readonly string[],
  exitCode: number,
): void {
  if (!fs.existsSync(dbPath)) return;
  const db = openRaw(dbPath, id.key);
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get();
    if (!table) return;
    setActor(db, id.actor);
    const action = command === 'import' || command === 'demo' ? `cli.${command}` : cliAction(command, args);
    appendAudit(db, { actor: id.actor, action, entity: 'cli', after: { command, args: [...args], exitCode, via: id.via } });
  } finally {
    db.close();
  }
}

let active: CliIdentity | null = null;

/** From here until endCliSession, every openStore of dbPath gets the key and the actor. */
export function beginCliSession(dbPath: string, id: CliIdentity): void {
  active = id;
  setOpenDefaults({ file: dbPath, key: id.key, onOpen: (db) => setActor(db, id.actor) });
}

export function endCliSession(): void {
  active = null;
  setOpenDefaults(null);
}

/** Who runs the current command (for commands that record who did what, e.g. token create). */
export function activeCliIdentity(): CliIdentity | null {
  return active;
}

/** The raw database key of the current command, for keyring updates; null for a plain database. */
export function activeDbKey(): Buffer | null {
  const m = active?.key ? /^x'([0-9a-f]{64})'$/i.exec(active.key) : null;
  return m ? Buffer.from(m[1]!, 'hex') : null;
}
