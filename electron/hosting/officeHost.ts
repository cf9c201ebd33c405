// The office database as the app serves it: opened at start (plain, new or encrypted with the
// OS-held key), set up once (administrator, encryption, recovery key), and swapped in place by a
// restore. Handlers reach the current connection through `host.db`; a transport's sessions made
// on an older connection are dropped (sessionTable.ts), so everyone signs in again after a
// setup, a recovery or a restore.
// When this OS account cannot unwrap the office's key (a new computer, a reinstalled system), the
// host opens nothing of the office: `needsRecovery` is true, the registry answers only the
// recovery requests (requests.ts RECOVERY_REQUESTS), and `recover(key)` opens it and re-wraps the
// key for this account.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { pendingJournal, sweepLeftovers } from '../../db/files/leftovers.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { openStore, type Store } from '../../db/open.ts';
import { countUsers } from '../../db/repos/users.ts';
import { defaultBackupDir, listBackups, restoreBackup } from '../../db/backups.ts';
import { keyringPath, type SecretProtector } from '../security/keyring.ts';
import { switchKey, type KeyChange, type SwitchResult } from '../security/keySwitch.ts';
import { storeKey } from '../../db/cipher.ts';
import { initializeOffice, officeStatus, openHeldOffice, recoverOffice } from '../security/office.ts';
import type { ScryptParams } from '../security/passwords.ts';
import type { KeyringContext } from '../security/users.ts';
import type { Office, SetupInput } from '../app/context.ts';
import { UserError } from '../domain/errors.ts';

export interface OfficeHostOptions {
  dbPath: string;
  /** the OS protection of the database key (Electron safeStorage); asked for only when needed */
  protector: () => SecretProtector;
  /** ISO date-time, for the administrator's record */
  now: () => string;
  backupDir?: string;
  /** tests: cheaper scrypt */
  params?: ScryptParams;
}

export class OfficeHost implements Office {
  private store: Store | null = null;
  private dbKey: Buffer | null = null;
  private ring: KeyringContext | undefined;
  /** an empty in-memory connection standing in while the office waits for its recovery key: no table of the office is on it */
  private placeholder: Database.Database | null = null;
  readonly backupDir: string;

  constructor(private readonly o: OfficeHostOptions) {
    this.backupDir = o.backupDir ?? defaultBackupDir(o.dbPath);
    // what a killed app or command left half-written (exports, backups, a restore) goes first
    sweepLeftovers(pendingJournal(o.dbPath), [path.dirname(path.resolve(o.dbPath)), this.backupDir]);
    this.open();
  }

  private open(): void {
    const status = officeStatus(this.o.dbPath, undefined);
    // a new or plain office needs no OS keyring until it is set up
    if (status === 'new' || status === 'plain') {
      this.store = openStore(this.o.dbPath);
      this.dbKey = null;
      this.ring = undefined;
      return;
    }
    // encrypted: this OS account's wrap opens it (checked once, as it is opened), or only the recovery key does
    const opened = openHeldOffice(this.o.dbPath, this.o.protector());
    if (!opened) {
      this.placeholder ??= new Database(':memory:');
      this.dbKey = null;
      this.ring = undefined;
      return;
    }
    this.store = opened.store;
    this.dbKey = opened.dbKey;
    this.ring = opened.keyring;
  }

  get db(): Database.Database {
    if (this.store) return this.store.db;
    if (this.placeholder) return this.placeholder;
    throw new UserError('the office is closed');
  }

  /** The office is encrypted and this OS account does not hold its key: only the recovery key opens it. */
  get needsRecovery(): boolean {
    return this.store === null && this.placeholder !== null;
  }

  get keyring(): KeyringContext | undefined {
    return this.ring;
  }

  get encrypted(): boolean {
    return this.dbKey !== null;
  }

  /** First run: nobody can sign in yet. */
  needsSetup(): boolean {
    return !this.needsRecovery && countUsers(this.db) === 0;
  }

  /**
   * Opens the office with its recovery key and wraps the key for this OS account, so it opens by
   * itself from now on. A mistyped or wrong key changes nothing.
   */
  recover(recoveryKey: string): void {
    if (!this.needsRecovery) throw new UserError('this office opens on this computer already: sign in instead');
    const opened = recoverOffice(this.o.dbPath, recoveryKey, this.o.protector());
    this.store = opened.store;
    this.dbKey = opened.dbKey;
    this.ring = opened.keyring;
    this.placeholder?.close();
    this.placeholder = null;
    appendAudit(this.store.db, { actor: 'system', action: 'office.recover', entity: 'office', after: { keyWrappedFor: 'this OS account' } });
  }

  /** Creates the administrator and encrypts the office; returns the recovery key (shown once). */
  setup(input: SetupInput): { recoveryKey: string } {
    if (!this.needsSetup()) throw new UserError('this office is already set up: sign in instead');
    this.close();
    try {
      const office = initializeOffice({
        dataDir: '.',
        dbPath: this.o.dbPath,
        adminUser: input.username.trim(),
        adminDisplayName: input.displayName.trim(),
        adminPassword: input.password,
        protector: this.o.protector(),
        now: this.o.now(),
        ...(this.o.params ? { params: this.o.params } : {}),
      });
      this.store = office.store;
      this.dbKey = office.dbKey;
      this.ring = office.keyring;
      return { recoveryKey: office.recoveryKey };
    } catch (e) {
      // a refused name or password: the office opens again as it was (or encrypted, without users: setup resumes)
      if (!this.store) this.open();
      throw e;
    }
  }

  backupFile(name: string): string | null {
    return listBackups(this.backupDir).find((b) => b.name === name)?.file ?? null;
  }

  /** Replaces the office with a verified backup (the current one is kept as a pre-restore backup). */
  restore(file: string): { version: number; previous: string | null } {
    const key = this.dbKey ? storeKey(this.dbKey) : undefined;
    this.close();
    try {
      return restoreBackup(file, this.o.dbPath, key, { backupDir: this.backupDir });
    } finally {
      this.open();
    }
  }

  /** The key changes on this connection (the app's only one); the new key is wrapped for this OS account at once. */
  rekey(change: KeyChange): SwitchResult | null {
    if (!this.store || !this.dbKey) return null;
    const r = switchKey(this.store.db, this.dbKey, change, { dbPath: this.o.dbPath, backupDir: this.backupDir, protector: this.o.protector() });
    this.dbKey = r.dbKey;
    this.ring = { path: keyringPath(this.o.dbPath), dbKey: r.dbKey };
    return r;
  }

  close(): void {
    this.store?.close();
    this.store = null;
    this.placeholder?.close();
    this.placeholder = null;
  }
}
