// Changing the office's database key (R-SEC-REKEY): when a user is disabled or an API token
// revoked, the database and its backups are re-encrypted under a new random key, so an old
// keyring file, an old password or token, or a key copied while the person had access opens
// nothing of the office any more.
//
// Crash safety, step by step (a crash at any point leaves an office that opens):
//   1. the keyring gets `pending`: the new key's wraps, beside the old key's (temporary file,
//      fsync, rename). A crash here: the old key still opens the database; pending is harmless.
//   2. a whole copy of the database under the old key is put beside it (`.rekey-old`), then the
//      database is rekeyed on the open connection (rollback journal; WAL cannot rekey). A crash
//      during the rekey can leave a file neither key opens (measured): the next opener puts the
//      copy back (db/cipher.ts restoreSafetyCopy), the old key opens.
//   3. each backup is rekeyed through a copy renamed over it (one file at a time).
//   4. the keyring's pending wraps become its wraps (old ones gone), the safety copy is removed.
// Between 2 and 4 every opener (app, command line, server) tries the pending wrap first and
// finishes the switch (3 and 4) itself: `finishSwitch`.
//
// Wraps that cannot be renewed without a secret we do not keep: other users' password wraps
// become `renew` marks (renewed at their next sign-in in the app or on the server, which holds the
// new key and is given the password: `renewPasswordWrap`); tokens become `reissue` marks (a token's
// secret is not stored, so a new token is needed to open the file from the command line; on the
// office server a remaining token keeps working, the server holding the key).
import { defaultBackupDir, listBackups } from '../../db/backups.ts';
import { rmSync } from 'node:fs';
import { keyOpens, rekeyConnection, rekeyFile, restoreSafetyCopy, safetyCopyOf, storeKey } from '../../db/cipher.ts';
import type { Db } from '../../db/repos/sql.ts';
import {
  generateDbKey,
  hasPasswordWrap,
  keyId,
  keyringPath,
  pendingRing,
  readKeyring,
  withOsWrap,
  withoutToken,
  withoutUser,
  withPasswordWrap,
  writeKeyring,
  type KeyringFile,
  type KeyWrap,
  type SecretProtector,
} from './keyring.ts';
import type { ScryptParams } from './passwords.ts';
import { formatRecoveryKey } from './recoveryKey.ts';

/** Why the key changes, and who changes it. */
export interface KeyChange {
  /** the user being disabled, or the token being revoked: their wrap goes */
  remove: { user: string } | { tokenId: string };
  /** the acting administrator's own password (checked by the caller): their wrap is made for the new key at once */
  admin?: { username: string; password: string; params?: ScryptParams };
}

export interface SwitchOptions {
  dbPath: string;
  backupDir?: string;
  /** the app's OS protection of the key: the new key is wrapped for it at once. The command line has none: the app then asks for the new recovery key once. */
  protector?: SecretProtector | null;
}

export interface SwitchResult {
  dbKey: Buffer;
  /** shown to the administrator once */
  recoveryKey: string;
  backupsReencrypted: number;
  /** users whose command line waits for their next sign-in in the app; tokens to be reissued */
  renew: string[];
  reissue: string[];
}

/**
 * The new key's wraps: what can be renewed now is, the rest is marked for renewal or reissue. The
 * removed person's wraps go as withoutUser/withoutToken take them; the acting administrator's mark
 * is replaced by her new password wrap (withPasswordWrap replaces a user's wrap or mark).
 */
function nextWraps(ring: KeyringFile, newKey: Buffer, change: KeyChange, protector: SecretProtector | null): KeyWrap[] {
  const r = change.remove;
  const kept = 'user' in r ? withoutUser(ring, r.user) : withoutToken(ring, r.tokenId);
  const marks = kept.wraps.flatMap((w): KeyWrap[] => {
    if (w.kind === 'password' || w.kind === 'renew') return [{ kind: 'renew', user: w.user }];
    if (w.kind === 'token' || w.kind === 'reissue') return [{ kind: 'reissue', tokenId: w.tokenId }];
    // the old key's OS wrap: the new key gets its own below, when the OS protection is at hand
    return [];
  });
  let next: KeyringFile = { ...ring, wraps: marks };
  if (protector) next = withOsWrap(next, newKey, protector);
  if (change.admin) next = withPasswordWrap(next, newKey, change.admin.username, change.admin.password, change.admin.params);
  return next.wraps;
}

/** Rekeys the backups still under `oldKey`; a backup already under the new key (a finished switch, a resumed one) is left as it is. */
function rekeyBackups(dir: string, oldKey: Buffer | null, newKey: Buffer): number {
  if (!oldKey) return 0;
  let n = 0;
  for (const b of listBackups(dir)) {
    try {
      if (rekeyFile(b.file, storeKey(oldKey), storeKey(newKey))) n++;
    } catch {
      // one unreadable or locked backup does not stop the switch: it stays under the old key (the old recovery key opens it)
    }
  }
  return n;
}

/**
 * Steps 3 and 4 for whoever opened the database with the pending key: the backups still under the
 * old key (when the opener could unwrap it too) follow, then the pending wraps become the keyring.
 */
function finishSwitch(o: SwitchOptions, newKey: Buffer, oldKey: Buffer | null): number {
  const n = rekeyBackups(o.backupDir ?? defaultBackupDir(o.dbPath), oldKey, newKey);
  // read after the backups (which take a while), right before it is written: another opener may have
  // finished the switch meanwhile and a sign-in renewed a wrap since, and that keyring is not overwritten
  const path = keyringPath(o.dbPath);
  const ring = readKeyring(path);
  if (ring?.pending && ring.pending.keyId === keyId(newKey)) writeKeyring(path, { format: ring.format, version: ring.version, cipher: ring.cipher, wraps: ring.pending.wraps });
  rmSync(safetyCopyOf(o.dbPath), { force: true });
  return n;
}

/**
 * Changes the key of the open database `db` (its only connection: SQLite refuses the journal
 * switch while another program has the file open, and then nothing has changed).
 */
export function switchKey(db: Db, oldKey: Buffer, change: KeyChange, o: SwitchOptions): SwitchResult {
  const path = keyringPath(o.dbPath);
  const ring = readKeyring(path);
  if (!ring) throw new Error(`${path} is missing: the office's key cannot change without its keyring`);
  const newKey = generateDbKey();
  const wraps = nextWraps(ring, newKey, change, o.protector ?? null);
  const before: KeyringFile = { format: ring.format, version: ring.version, cipher: ring.cipher, wraps: ring.wraps };
  writeKeyring(path, { ...before, pending: { keyId: keyId(newKey), wraps } });
  try {
    rekeyConnection(db, storeKey(newKey), safetyCopyOf(o.dbPath));
  } catch (e) {
    // nothing was rekeyed (SQLite's rekey is one transaction): the keyring goes back to what it was
    writeKeyring(path, before);
    rmSync(safetyCopyOf(o.dbPath), { force: true });
    throw e;
  }
  const backupsReencrypted = finishSwitch(o, newKey, oldKey);
  return {
    dbKey: newKey,
    recoveryKey: formatRecoveryKey(newKey),
    backupsReencrypted,
    renew: wraps.flatMap((w) => (w.kind === 'renew' ? [w.user] : [])),
    reissue: wraps.flatMap((w) => (w.kind === 'reissue' ? [w.tokenId] : [])),
  };
}

/**
 * The key that opens the database among the ones a credential unwraps from the keyring: the
 * pending switch's first (finishing the switch when it opens), then the current one. `unwrap`
 * reads one view of the keyring with the credential (a password, a token, the OS protection).
 */
export function openingKey(o: SwitchOptions, ring: KeyringFile, unwrap: (r: KeyringFile) => Buffer | null): Buffer | null {
  const pending = pendingRing(ring);
  const fresh = pending ? unwrap(pending) : null;
  const current = unwrap(ring);
  if (fresh && keyOpens(o.dbPath, storeKey(fresh))) {
    finishSwitch(o, fresh, current);
    return fresh;
  }
  if (!current) return null;
  if (keyOpens(o.dbPath, storeKey(current))) {
    // a switch that stopped before its rekey committed (or failed): its copy is the same data under the same key
    rmSync(safetyCopyOf(o.dbPath), { force: true });
    return current;
  }
  // a switch killed during the database's rekey: its copy under the old key goes back
  return restoreSafetyCopy(o.dbPath, storeKey(current)) ? current : null;
}

/** A raw key given directly (the recovery key): when it is the pending switch's key, the switch is finished. */
export function settleWithKey(o: SwitchOptions, key: Buffer): void {
  const ring = readKeyring(keyringPath(o.dbPath));
  if (ring?.pending?.keyId === keyId(key)) finishSwitch(o, key, null);
}

/**
 * At a successful sign-in in the app or on the server (which hold the key and are given the
 * password): a user without a password wrap of the current key (after a key switch, a disabled
 * and re-enabled account, a recovered keyring) gets one, so their command line opens the office
 * again. Nothing is written while a switch is pending, or when the wrap is there already.
 */
export function renewPasswordWrap(k: { path: string; dbKey: Buffer }, username: string, password: string, params?: ScryptParams): boolean {
  const ring = readKeyring(k.path);
  if (!ring || ring.pending || hasPasswordWrap(ring, username)) return false;
  writeKeyring(k.path, withPasswordWrap(ring, k.dbKey, username, password, params));
  return true;
}
