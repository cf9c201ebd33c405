// The confirmation before a removal that changes the office's key (a user disabled, a token
// revoked: docs/security.md), shared by the users and tokens screens: whom it is for, the
// administrator's own password (it wraps the new key for her at once), why it was refused.
import type { CallError } from '../../lib/contract.ts';

export class KeyChangeConfirm<T> {
  /** the user or token whose removal waits for the password */
  target = $state<T | null>(null);
  password = $state('');
  error = $state<string | null>(null);

  start(t: T): void {
    this.target = t;
    this.password = '';
    this.error = null;
  }

  /** closed: cancelled, or done */
  close(): void {
    this.target = null;
    this.password = '';
    this.error = null;
  }

  /** the refusal shown on the form: the password's problem, the last administrator's, or the message */
  refused(e: CallError): void {
    this.error = e.fields?.password ?? e.fields?.role ?? e.message;
  }
}
