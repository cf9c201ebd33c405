// First run: the administrator, then the recovery key, shown once.
import type { Caller } from '../../lib/contract.ts';
import { NewPasswordForm } from './newPassword.svelte.ts';

export interface SetupFields {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export class SetupForm extends NewPasswordForm<SetupFields> {
  /** shown until it has been written down, then forgotten */
  recoveryKey = $state<string | null>(null);

  constructor(api: Caller) {
    super(api, { username: '', displayName: '', password: '', confirm: '' });
  }

  get ready(): boolean {
    return !this.saving && this.hint.ok && !!this.f.username && !!this.f.displayName && !!this.f.confirm;
  }

  /** creates the administrator; true when the recovery key is there to show */
  async create(): Promise<boolean> {
    if (!this.confirmed('does not match the password')) return false;
    const r = await this.submit(() => this.api.call('auth.setup', $state.snapshot(this.f)), null);
    if (!r) return false;
    this.recoveryKey = r.recoveryKey;
    this.forgetPasswords();
    return true;
  }

  /** the key leaves the page's memory; returns who signs in next */
  finish(): string {
    this.recoveryKey = null;
    return this.f.username;
  }
}
