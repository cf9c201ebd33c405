// Any signed-in user changes their own password: the current one, the new one twice.
import type { Caller } from '../../lib/contract.ts';
import { NewPasswordForm } from './newPassword.svelte.ts';

export interface ChangePasswordFields {
  current: string;
  password: string;
  confirm: string;
}

export class ChangePasswordForm extends NewPasswordForm<ChangePasswordFields> {
  constructor(api: Caller) {
    super(api, { current: '', password: '', confirm: '' });
  }

  get ready(): boolean {
    return !this.saving && !!this.f.current && this.hint.ok && !!this.f.confirm;
  }

  /** true when changed; the current password is forgotten either way */
  async change(): Promise<boolean> {
    if (!this.confirmed('does not match the new password')) return false;
    const { current, password, confirm } = this.f;
    const r = await this.submit(() => this.api.call('auth.changePassword', { currentPassword: current, password, confirm }), null);
    this.f.current = '';
    if (!r) return false;
    this.forgetPasswords();
    return true;
  }
}
