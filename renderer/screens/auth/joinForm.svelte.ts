// "Join an office server": the address and the fingerprint as typed, checked by the same rules the
// main process applies (electron/domain/fingerprint.ts) before anything is asked of it; the main
// process then checks the server's certificate against the fingerprint and restarts on it.
import { normalizeFingerprint, normalizeServerAddress } from '../../../electron/domain/fingerprint.ts';
import type { CallResult } from '../../../electron/contract/result.ts';

export type JoinCall = (args: { url: string; fingerprint: string }) => Promise<CallResult<{ url: string; fingerprint: string }>>;

export class JoinForm {
  url = $state('');
  fingerprint = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  fields = $state<Record<string, string>>({});
  /** the server joined: the app restarts on it */
  joined = $state<string | null>(null);

  constructor(private readonly join: JoinCall) {}

  async submit(): Promise<boolean> {
    this.error = null;
    const fields: Record<string, string> = {};
    const url = normalizeServerAddress(this.url);
    const fingerprint = normalizeFingerprint(this.fingerprint);
    if (!url) fields.url = 'is not an office server address (like 192.168.1.20:5443)';
    if (!fingerprint) fields.fingerprint = 'is not a SHA-256 fingerprint (32 pairs of hex digits, AA:BB:…)';
    this.fields = fields;
    if (!url || !fingerprint) return false;
    this.busy = true;
    const r = await this.join({ url, fingerprint });
    this.busy = false;
    if (!r.ok) {
      this.error = r.error.message;
      this.fields = r.error.fields ?? {};
      return false;
    }
    this.joined = r.value.url;
    return true;
  }
}
