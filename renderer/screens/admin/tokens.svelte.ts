// API tokens for automation (`PERDIEM_TOKEN` on the command line): created with a role, the
// text shown once, revoked at any time.
import type { Caller, RoleName, TokenView } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';
import { KeyChangeConfirm } from './keyChange.svelte.ts';

export class TokensState extends FormState<{ label: string; role: RoleName }> {
  tokens = $state<TokenView[]>([]);
  /** the token just created: its text is in no answer again */
  created = $state<{ token: string; label: string } | null>(null);
  /** revoking changes the office's key: the administrator confirms with her own password */
  readonly revoking = new KeyChangeConfirm<TokenView>();
  /** the office's new recovery key after a revoke changed the key: shown once */
  recoveryKey = $state<string | null>(null);

  constructor(api: Caller) {
    super(api, { label: '', role: 'biller' });
  }

  async load(): Promise<void> {
    const r = await this.api.call('tokens.list');
    if (r.ok) this.tokens = r.value;
    else this.error = r.error.message;
  }

  async create(): Promise<boolean> {
    const r = await this.submit(() => this.api.call('tokens.create', $state.snapshot(this.f)), null);
    if (!r) return false;
    this.created = { token: r.token, label: r.record.label };
    this.f.label = '';
    await this.load();
    return true;
  }

  async revoke(t: TokenView, password?: string): Promise<boolean> {
    const r = await this.api.call('tokens.revoke', { id: t.id, ...(password !== undefined ? { password } : {}) });
    if (!r.ok) {
      this.revoking.refused(r.error);
      return false;
    }
    // revoking changed the office's key: its new recovery key, shown once
    this.recoveryKey = r.value.recoveryKey;
    this.revoking.close();
    await this.load();
    return true;
  }

  async confirmRevoke(): Promise<boolean> {
    const t = this.revoking.target;
    return t ? this.revoke(t, this.revoking.password) : false;
  }
}
