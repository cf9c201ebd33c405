// "Host this office" on the settings screen (contract/hosting.ts): an administrator of the app
// that holds the office starts and stops serving it to the office's workstations, sees the
// address and the certificate fingerprint to give them, and who is connected. Where the office is
// not held (a browser or a workstation on the office server) the handlers say so and the section
// shows that instead.
import type { Caller, HostingStatus } from '../../lib/contract.ts';
import { numberOrRaw } from '../../lib/forms/convert.ts';

/** listening on every address: the workstations use one of this computer's own */
const ALL = new Set(['0.0.0.0', '::']);

/** The addresses to give the workstations: the server's own, or each of this computer's when it listens on all of them. */
export function joinAddresses(s: HostingStatus): string[] {
  if (!s.serving || !s.url) return [];
  if (!ALL.has(s.host)) return [s.url];
  const lan = s.addresses.filter((a) => a !== '127.0.0.1');
  return (lan.length ? lan : ['127.0.0.1']).map((a) => `https://${a}:${s.port}`);
}

export class HostingState {
  status = $state<HostingStatus | null>(null);
  host = $state('0.0.0.0');
  port = $state('5443');
  startAtLaunch = $state(true);
  busy = $state<null | 'start' | 'stop'>(null);
  error = $state<string | null>(null);
  fields = $state<Record<string, string>>({});
  notice = $state<string | null>(null);
  /** this app does not hold the office (a browser, a workstation): nothing to host from here */
  unavailable = $state<string | null>(null);

  constructor(private readonly api: Caller) {}

  /** Reads the status; the first time, the form takes the kept choice. */
  async load(): Promise<void> {
    const first = this.status === null;
    const r = await this.api.call('hosting.status');
    if (!r.ok) {
      this.unavailable = r.error.message;
      return;
    }
    this.unavailable = null;
    this.status = r.value;
    if (first) this.take(r.value);
  }

  async start(): Promise<void> {
    this.busy = 'start';
    this.notice = null;
    const r = await this.api.submit('hosting.start', { host: this.host, port: numberOrRaw(this.port), startAtLaunch: this.startAtLaunch });
    this.busy = null;
    if (!r.ok) {
      this.error = r.error.message;
      this.fields = r.error.fields ?? {};
      await this.load();
      return;
    }
    this.error = null;
    this.fields = {};
    this.status = r.value;
    this.take(r.value);
    this.notice = `The office is served at ${joinAddresses(r.value).join(' and ')}.`;
  }

  async stop(): Promise<void> {
    this.busy = 'stop';
    this.notice = null;
    const r = await this.api.call('hosting.stop');
    this.busy = null;
    if (!r.ok) {
      this.error = r.error.message;
      return;
    }
    this.error = null;
    this.status = r.value;
    this.notice = 'The office is no longer served: workstations cannot reach it until you host it again.';
  }

  get joinAt(): string[] {
    return this.status ? joinAddresses(this.status) : [];
  }

  private take(s: HostingStatus): void {
    this.host = s.host;
    this.port = String(s.port);
    // a first start offers to host at every launch; afterwards the kept choice shows
    this.startAtLaunch = s.startAtLaunch || !s.serving;
  }
}
