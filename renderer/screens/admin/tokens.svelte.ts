// API tokens for automation (`PERDIEM_TOKEN` on the command line): created with a role, the
// text shown once, revoked at any time.
import type { Caller, RoleName, TokenView } from '../../lib/contract.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';

export class TokensState extends FormState<{ label: string; role: RoleName }> {
  tokens = $state<TokenView[]>([]);
  /** the token just created: its text is in no answer again */
  created = $state<{ token: string; label: string } | null>(null);
  /** the token whose revoking waits for the administrator's password */
  revoking = $state<TokenView | null>(null);
  revokePassword = $state('');
  revokeError = $state<string | null>(null);
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
      this.revokeError = r.error.fields?.password ?? r.error.message;
      return false;
    }
    // revoking changed the office's key: its new recovery key, shown once
    this.recoveryKey = r.value.recoveryKey;
    this.revoking = null;
    this.revokePassword = '';
    this.revokeError = null;
    await this.load();
    return true;
  }

  /** Revoking changes the office's key: the administrator confirms with her own password, which wraps the new key for her at once. */
  startRevoke(t: TokenView): void {
    this.revoking = t;
    this.revokePassword = '';
    this.revokeError = null;
  }

  async confirmRevoke(): Promise<boolean> {
    return this.revoking ? this.revoke(this.revoking, this.revokePassword) : false;
  }
}
