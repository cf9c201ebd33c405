// An office opened with the key someone's credentials unwrapped (a command, the office server):
// the database, its keyring (for tokens and passwords), its backups folder. First-run setup and
// recovery are the app's (and `perdiem setup`'s); a restore replaces the file and reopens it.
import path from 'node:path';
import { openStore, type Store } from '../../db/open.ts';
import { StoreError } from '../../db/migrate.ts';
import { countUsers } from '../../db/repos/users.ts';
import { defaultBackupDir, listBackups, restoreBackup } from '../../db/backups.ts';
import { storeKey } from '../../db/cipher.ts';
import type { Office, SetupInput } from '../app/context.ts';
import { UserError } from '../domain/errors.ts';
import { keyringPath } from '../security/keyring.ts';
import type { KeyringContext } from '../security/users.ts';
import { switchKey, type KeyChange, type SwitchResult } from '../security/keySwitch.ts';

export interface KeyedOfficeOptions {
  dbPath: string;
  /** the raw database key; null for a plain database */
  dbKey: Buffer | null;
  backupDir?: string;
  /** a backup file the person named on the command line (`backup restore FILE`): theirs to choose */
  namedBackup?: string;
}

function open(dbPath: string, dbKey: Buffer | null): Store {
  try {
    return openStore(dbPath, dbKey ? { key: storeKey(dbKey) } : {});
  } catch (e) {
    if (e instanceof StoreError) throw new UserError(e.message);
    throw e;
  }
}

export class KeyedOffice implements Office {
  private store: Store;
  readonly backupDir: string;
  readonly needsRecovery = false;

  /** the key the office is open with; a key switch replaces it */
  private dbKey: Buffer | null;

  constructor(private readonly o: KeyedOfficeOptions) {
    this.backupDir = o.backupDir ?? defaultBackupDir(o.dbPath);
    this.dbKey = o.dbKey;
    this.store = open(o.dbPath, o.dbKey);
  }

  get db() {
    return this.store.db;
  }

  get encrypted(): boolean {
    return this.dbKey !== null;
  }

  get keyring(): KeyringContext | undefined {
    return this.dbKey ? { path: keyringPath(this.o.dbPath), dbKey: this.dbKey } : undefined;
  }

  needsSetup(): boolean {
    return countUsers(this.db) === 0;
  }

  recover(): void {
    throw new UserError('this office opens with the credentials given: recovery is for the app on a new computer');
  }

  setup(_input: SetupInput): { recoveryKey: string } {
    throw new UserError('set up the office in the app');
  }

  backupFile(name: string): string | null {
    const named = this.o.namedBackup;
    if (named && path.basename(named) === name) return path.resolve(named);
    return listBackups(this.backupDir).find((b) => b.name === name)?.file ?? null;
  }

  restore(file: string): { version: number; previous: string | null } {
    const key = this.dbKey ? storeKey(this.dbKey) : undefined;
    this.store.close();
    try {
      return restoreBackup(file, this.o.dbPath, key, { backupDir: this.backupDir });
    } finally {
      this.store = open(this.o.dbPath, this.dbKey);
    }
  }

  /** No OS keyring here: the app on this computer asks once for the new recovery key (docs/security.md). */
  rekey(change: KeyChange): SwitchResult | null {
    if (!this.dbKey) return null;
    const r = switchKey(this.store.db, this.dbKey, change, { dbPath: this.o.dbPath, backupDir: this.backupDir, protector: null });
    this.dbKey = r.dbKey;
    return r;
  }

  close(): void {
    this.store.close();
  }
}
