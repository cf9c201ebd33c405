// Opening the office on a computer that does not hold its key yet, with the recovery key.
import type { Caller } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';

/** 14 groups of 4: 56 letters and digits */
export const KEY_LENGTH = 56;

export class RecoveryForm extends FormState<{ key: string }> {
  constructor(api: Caller) {
    super(api, { key: '' });
  }

  /** spaces, dashes and case do not matter; counted as the handler will read it */
  get typed(): number {
    return this.f.key.replace(/[\s-]/g, '').length;
  }

  /** true when the office opened (then sign in) */
  async recover(): Promise<boolean> {
    const r = await this.submit(() => this.api.call('auth.recover', { recoveryKey: this.f.key }), null);
    if (r) {
      this.f.key = '';
      return true;
    }
    if (this.problems.recoveryKey) this.error = `The recovery key ${this.problems.recoveryKey}.`;
    return false;
  }
}
