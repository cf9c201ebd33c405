// "Office server" on the settings screen of a workstation joined to one (docs/office-server.md):
// which server this computer works on, and leaving it, after a confirmation that says what
// leaving does. Only the desktop app joins (the main process answers `shell.*`); in a browser, or
// on the computer that holds the office, there is nothing to show.
import type { Caller, Result } from '../../lib/contract.ts';

/** the server's address and the certificate fingerprint pinned when joining */
export type JoinedServer = NonNullable<Result<'shell.officeLocation'>['server']>;

export class OfficeServerState {
  /** the server this computer joined; null: it works on its own office file (or this is a browser) */
  server = $state<JoinedServer | null>(null);
  /** the confirmation is open */
  confirming = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  /** the server left: the app starts again on this computer's own office */
  left = $state<string | null>(null);

  constructor(
    private readonly api: Caller,
    /** the desktop app (api.native): only its main process knows of a joined server */
    private readonly native: boolean,
  ) {}

  async load(): Promise<void> {
    if (!this.native) return;
    const r = await this.api.call('shell.officeLocation');
    this.server = r.ok ? r.value.server : null;
  }

  ask(): void {
    this.error = null;
    this.confirming = true;
  }

  cancel(): void {
    this.confirming = false;
  }

  async leave(): Promise<boolean> {
    this.busy = true;
    this.error = null;
    const r = await this.api.call('shell.leaveServer');
    this.busy = false;
    if (!r.ok) {
      this.error = r.error.message;
      return false;
    }
    this.confirming = false;
    this.left = r.value.url;
    return true;
  }
}
