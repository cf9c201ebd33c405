// The office's database as the app opens it: first run (key, encrypted database, administrator,
// recovery key), everyday opening through the OS-protected key, and recovery on a new computer.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openStore, type Store } from '../../db/open.ts';
import { countUsers, type User } from '../../db/repos/users.ts';
import { sqlText } from '../../db/repos/sql.ts';
import { UserError } from '../domain/errors.ts';
import { emptyKeyring, generateDbKey, keyringPath, readKeyring, unwrapWithProtector, updateKeyring, withOsWrap, writeKeyring, type SecretProtector } from './keyring.ts';
import { isEncryptedFile, storeKey } from '../../db/cipher.ts';
import { defaultBackupDir, listBackups } from '../../db/backups.ts';
import type { ScryptParams } from './passwords.ts';
import { formatRecoveryKey, parseRecoveryKey } from './recoveryKey.ts';
import { createUser, type KeyringContext } from './users.ts';
import { openingKey, settleWithKey } from './keySwitch.ts';

export const DB_FILE = 'perdiem.sqlite';

/** new: no database yet; plain: an unencrypted database (made before security, or by tests); encrypted: opens with the OS key; needsRecovery: encrypted, but this computer's key is missing. */
export type OfficeStatus = 'new' | 'plain' | 'encrypted' | 'needsRecovery';

export function officeStatus(dbPath: string, protector?: SecretProtector): OfficeStatus {
  if (!fs.existsSync(dbPath)) return 'new';
  if (!isEncryptedFile(dbPath)) return 'plain';
  return protector && protectorKey(dbPath, protector) ? 'encrypted' : 'needsRecovery';
}

/** The key this OS account's wrap holds, when it opens the database (a pending key switch is finished by it: keySwitch.ts). */
function protectorKey(dbPath: string, protector: SecretProtector): Buffer | null {
  const ring = readKeyring(keyringPath(dbPath));
  return ring ? openingKey({ dbPath }, ring, (r) => unwrapWithProtector(r, protector)) : null;
}

export interface OpenOffice {
  store: Store;
  /** null for a plain database */
  dbKey: Buffer | null;
  /** for createUser/createToken, so the command line can open the database with their secrets */
  keyring?: KeyringContext;
}

export interface InitializeOptions {
  /** the data folder; the database is DB_FILE inside it unless dbPath is given */
  dataDir: string;
  dbPath?: string;
  adminUser: string;
  adminPassword: string;
  adminDisplayName?: string;
  /**
   * The OS protection of the key (the app: Electron safeStorage). The command line has none
   * (`perdiem setup`): its office opens with a user's password, a token or the recovery key, and
   * the app asks for the recovery key once on each computer.
   */
  protector: SecretProtector | null;
  /** ISO date-time */
  now: string;
  params?: ScryptParams;
}

/** Encrypts an existing plain database in place (rekey needs the rollback journal, not WAL). */
function encryptInPlace(dbPath: string, key: Buffer): void {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher='sqlcipher'`);
    db.pragma(`rekey=${sqlText(storeKey(key))}`);
  } finally {
    db.close();
  }
}

function withAdmin(opened: OpenOffice & { dbKey: Buffer; keyring: KeyringContext }, o: InitializeOptions): OpenOffice & { recoveryKey: string; admin: User } {
  try {
    const admin = createUser(
      opened.store.db,
      { username: o.adminUser, displayName: o.adminDisplayName ?? o.adminUser, role: 'admin', password: o.adminPassword },
      { now: o.now, actor: 'setup', keyring: opened.keyring, params: o.params },
    );
    return { ...opened, recoveryKey: formatRecoveryKey(opened.dbKey), admin };
  } catch (e) {
    opened.store.close();
    throw e;
  }
}

/**
 * First run: a random database key, the keyring beside the database (wrapped for this OS user
 * and for the administrator's password), the encrypted database with its administrator.
 * An existing plain database without users is encrypted with its data kept. A first run that
 * stopped before its administrator was created (a crash, a refused password) is resumed.
 * Returns the recovery key, to be shown once.
 */
export function initializeOffice(o: InitializeOptions): OpenOffice & { recoveryKey: string; admin: User } {
  const dbPath = o.dbPath ?? path.join(o.dataDir, DB_FILE);
  const ringPath = keyringPath(dbPath);
  const status = officeStatus(dbPath, o.protector ?? undefined);
  if (status === 'needsRecovery') throw new UserError('this office is already set up: sign in instead');
  if (status === 'encrypted') {
    if (!o.protector) throw new UserError('this office is already set up: sign in instead');
    const opened = openOffice(dbPath, o.protector);
    if (countUsers(opened.store.db) > 0) {
      opened.store.close();
      throw new UserError('this office is already set up: sign in instead');
    }
    return withAdmin(opened as OpenOffice & { dbKey: Buffer; keyring: KeyringContext }, o);
  }
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  if (status === 'plain') {
    const s = openStore(dbPath);
    const users = countUsers(s.db);
    s.close();
    if (users > 0) throw new UserError('this database already has users: sign in instead');
  }
  const dbKey = generateDbKey();
  // the keyring first: a crash after it and before the database leaves a key nobody needs, never a database nobody can open
  writeKeyring(ringPath, o.protector ? withOsWrap(emptyKeyring(), dbKey, o.protector) : emptyKeyring());
  if (status === 'plain') {
    encryptInPlace(dbPath, dbKey);
    // the plain copies made before hold the same patients: they get the same key
    for (const b of listBackups(defaultBackupDir(dbPath))) if (!isEncryptedFile(b.file)) encryptInPlace(b.file, dbKey);
  }
  const store = openStore(dbPath, { key: storeKey(dbKey) });
  return withAdmin({ store, dbKey, keyring: { path: ringPath, dbKey } }, o);
}

/**
 * An encrypted office opened with the key this OS account's wrap holds (one keyring read, one
 * unwrap, one check of the key); null when it holds none that opens it: only the recovery key does then.
 */
export function openHeldOffice(dbPath: string, protector: SecretProtector): OpenOffice | null {
  const dbKey = protectorKey(dbPath, protector);
  return dbKey ? { store: openStore(dbPath, { key: storeKey(dbKey) }), dbKey, keyring: { path: keyringPath(dbPath), dbKey } } : null;
}

/** App start: opens the database with the key the OS keeps for this user. */
export function openOffice(dbPath: string, protector: SecretProtector): OpenOffice {
  if (!fs.existsSync(dbPath)) throw new UserError('no office yet: set it up first');
  if (!isEncryptedFile(dbPath)) return { store: openStore(dbPath), dbKey: null };
  const opened = openHeldOffice(dbPath, protector);
  if (!opened) throw new UserError('this computer does not hold the key of this database: enter the recovery key');
  return opened;
}

/**
 * On a new computer or OS account (or after the keyring was lost): the recovery key opens the
 * database, and the keyring gets a fresh wrap for this OS user. Password and token wraps that
 * were in a lost keyring come back as each user changes their password or tokens are re-issued.
 */
export function recoverOffice(dbPath: string, recoveryKey: string, protector: SecretProtector): OpenOffice {
  const dbKey = parseRecoveryKey(recoveryKey);
  if (!dbKey) throw new UserError('that is not a recovery key: check for a mistyped group');
  if (!fs.existsSync(dbPath)) throw new UserError('no office yet: set it up first');
  let store: Store;
  try {
    store = openStore(dbPath, { key: storeKey(dbKey) });
  } catch {
    // a well-formed key of another office (or of a backup made elsewhere): nothing is written
    throw new UserError("this recovery key does not open this office's data: check it is the key written down for this office");
  }
  const ringPath = keyringPath(dbPath);
  try {
    // the key of a switch that stopped half-way: the switch is finished first (keySwitch.ts)
    settleWithKey({ dbPath }, dbKey);
    updateKeyring(ringPath, (ring) => withOsWrap(ring, dbKey, protector));
  } catch (e) {
    store.close();
    throw e;
  }
  return { store, dbKey, keyring: { path: ringPath, dbKey } };
}
