// A form that sets a new password typed twice (first-run setup, changing one's own): the hint
// under it, and the second copy checked here before anything is sent.
import type { Caller } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';
import { passwordHint } from '../../lib/passwordHint.ts';

export abstract class NewPasswordForm<F extends { password: string; confirm: string }> extends FormState<F> {
  constructor(api: Caller, fields: F) {
    super(api, fields);
  }

  get hint(): ReturnType<typeof passwordHint> {
    return passwordHint(this.f.password);
  }

  /** true when the copies match; otherwise `confirm` says so and nothing is sent */
  protected confirmed(mismatch: string): boolean {
    this.error = null;
    this.problems = this.f.confirm === this.f.password ? {} : { confirm: mismatch };
    return this.f.confirm === this.f.password;
  }

  protected forgetPasswords(): void {
    this.f.password = '';
    this.f.confirm = '';
  }
}
