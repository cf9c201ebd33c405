// Backups beside the database: back up now, the list, and for administrators a restore, after
// the backup passed its integrity check and a confirmation.
import type { BackupView, Caller } from '../../lib/contract.ts';

export class BackupsState {
  backups = $state<BackupView[]>([]);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state<null | 'backup' | 'check' | 'restore'>(null);
  /** the backup that passed its check, awaiting the confirmation */
  checked = $state<{ name: string; schemaVersion: number } | null>(null);

  constructor(
    private readonly api: Caller,
    /** asks for the session again after a restore: the office was replaced and everyone signs in again */
    private readonly refreshSession: () => Promise<void>,
  ) {}

  async load(): Promise<void> {
    const r = await this.api.call('backups.list');
    if (r.ok) this.backups = r.value;
    else this.error = r.error.message;
  }

  async backupNow(): Promise<void> {
    this.busy = 'backup';
    this.notice = null;
    const r = await this.api.call('backups.run');
    this.busy = null;
    if (!r.ok) this.error = r.error.message;
    else {
      this.error = null;
      this.notice = `Backed up: ${r.value.name}`;
    }
    await this.load();
  }

  async check(b: BackupView): Promise<void> {
    this.busy = 'check';
    this.notice = null;
    this.checked = null;
    const r = await this.api.call('backups.verify', { name: b.name });
    this.busy = null;
    if (!r.ok) this.error = r.error.message;
    else {
      this.error = null;
      this.checked = { name: r.value.name, schemaVersion: r.value.schemaVersion };
    }
  }

  async restore(): Promise<void> {
    if (!this.checked) return;
    this.busy = 'restore';
    const r = await this.api.call('backups.restore', { name: this.checked.name });
    this.busy = null;
    if (!r.ok) {
      this.error = r.error.message;
      return;
    }
    await this.refreshSession();
  }

  /** when the checked backup was taken */
  get checkedAt(): string {
    return this.backups.find((b) => b.name === this.checked?.name)?.at ?? '';
  }
}
