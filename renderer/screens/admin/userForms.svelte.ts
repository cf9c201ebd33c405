// The two password-bearing forms of the users screen: a new user with a role (a nurse is linked
// to her nurse record), and a new password an administrator sets for someone.
import type { Caller, RoleName, UserView } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';
import { passwordHint } from '../../lib/passwordHint.ts';

export interface NewUserFields {
  username: string;
  displayName: string;
  role: RoleName;
  /** '' until a nurse record is chosen */
  nurseId: string;
  password: string;
}

const blankUser = (): NewUserFields => ({ username: '', displayName: '', role: 'biller', nurseId: '', password: '' });

export class NewUserForm extends FormState<NewUserFields> {
  constructor(api: Caller) {
    super(api, blankUser());
  }

  get hint(): ReturnType<typeof passwordHint> {
    return passwordHint(this.f.password);
  }

  get ready(): boolean {
    return !!this.f.username && !!this.f.displayName && this.hint.ok;
  }

  /** the user created (and the form blank again), or null with the server's problems */
  async create(): Promise<UserView | null> {
    const f = $state.snapshot(this.f);
    const user = await this.submit(() => this.api.call('users.create', { ...f, nurseId: f.role === 'nurse' ? f.nurseId || null : null }), null);
    if (user) Object.assign(this.f, blankUser());
    return user;
  }
}

export class PasswordReset extends FormState<{ password: string }> {
  constructor(
    api: Caller,
    readonly username: string,
  ) {
    super(api, { password: '' });
  }

  get hint(): ReturnType<typeof passwordHint> {
    return passwordHint(this.f.password);
  }

  /** true when set; a refusal without a field is shown under the password */
  async save(): Promise<boolean> {
    // the call answers null: done is the absence of an error
    await this.submit(() => this.api.call('users.setPassword', { username: this.username, password: this.f.password }), null);
    if (this.error === null) return true;
    if (!Object.keys(this.problems).length) this.problems = { password: this.error };
    return false;
  }
}
