// The users screen (administrators): the list, a new user, disabling and enabling, a new
// password for someone, and the office's idle lock.
import type { Nurse } from '../../../electron/domain/types.ts';
import type { Caller, UserView } from '../../lib/contract.ts';
import { KeyChangeConfirm } from './keyChange.svelte.ts';
import { NewUserForm, PasswordReset } from './userForms.svelte.ts';

export class UsersState {
  users = $state<UserView[]>([]);
  nurses = $state<Nurse[]>([]);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  readonly newUser: NewUserForm;
  /** the password being set, for whom */
  reset = $state<PasswordReset | null>(null);
  /** disabling changes the office's key: the administrator confirms with her own password */
  readonly disabling = new KeyChangeConfirm<UserView>();
  /** the office's new recovery key after a disable changed the key: shown once, until acknowledged */
  recoveryKey = $state<string | null>(null);
  // the idle lock applies to every account on this office
  idleMinutes = $state(15);
  idleError = $state<string | null>(null);

  constructor(
    private readonly api: Caller,
    /** asks for the session again after the idle lock changes: the session carries it */
    private readonly refreshSession: () => Promise<void>,
  ) {
    this.newUser = new NewUserForm(api);
  }

  async load(): Promise<void> {
    void this.api.call('security.settings').then((r) => {
      if (r.ok) this.idleMinutes = r.value.idleLockMinutes;
    });
    const [u, n] = await Promise.all([this.api.call('users.list'), this.api.call('settings.listNurses')]);
    if (u.ok) this.users = u.value;
    else this.error = u.error.message;
    if (n.ok) this.nurses = n.value;
  }

  nurseName(id: string | null): string {
    const n = this.nurses.find((x) => x.id === id);
    return n ? `${n.firstName} ${n.lastName}, ${n.credential}` : (id ?? '');
  }

  async create(): Promise<boolean> {
    this.notice = null;
    const u = await this.newUser.create();
    if (!u) {
      this.error = this.newUser.error;
      return false;
    }
    this.error = null;
    this.notice = `${u.displayName} (${u.username}) can now sign in as ${u.role}.`;
    await this.load();
    return true;
  }

  async setDisabled(u: UserView, disabled: boolean): Promise<void> {
    this.notice = null;
    const r = await this.api.call('users.update', { username: u.username, disabled });
    if (!r.ok) this.error = r.error.message;
    else {
      this.error = null;
      this.recoveryKey = r.value.recoveryKey;
      this.notice = `${u.username} is ${disabled ? 'disabled: they cannot sign in' : 'enabled again'}.`;
    }
    await this.load();
  }

  async confirmDisable(): Promise<boolean> {
    const u = this.disabling.target;
    if (!u) return false;
    this.notice = null;
    const r = await this.api.call('users.update', { username: u.username, disabled: true, password: this.disabling.password });
    if (!r.ok) {
      this.disabling.refused(r.error);
      return false;
    }
    this.disabling.close();
    this.error = null;
    this.recoveryKey = r.value.recoveryKey;
    this.notice = `${u.username} is disabled: they cannot sign in${r.value.recoveryKey ? ', and the office has a new key' : ''}.`;
    await this.load();
    return true;
  }

  /** "I have written it down": the key leaves the screen for good */
  acknowledgeKey(): void {
    this.recoveryKey = null;
  }

  startReset(username: string): void {
    this.reset = new PasswordReset(this.api, username);
  }

  cancelReset(): void {
    this.reset = null;
  }

  async saveReset(): Promise<boolean> {
    const reset = this.reset;
    if (!reset || !(await reset.save())) return false;
    this.notice = `New password set for ${reset.username}.`;
    this.reset = null;
    return true;
  }

  async saveIdle(): Promise<boolean> {
    const r = await this.api.call('security.saveSettings', { idleLockMinutes: Number(this.idleMinutes) });
    if (!r.ok) {
      this.idleError = r.error.fields?.idleLockMinutes ?? r.error.message;
      return false;
    }
    this.idleError = null;
    this.notice = `Perdiem now locks after ${r.value.idleLockMinutes} minutes without activity.`;
    await this.refreshSession();
    return true;
  }
}
