// What every form shares: the fields as typed, the problems of the last save keyed by field path,
// and one way of sending the record and reading the answer. The handlers check the record; the
// form only shows what they say.
import type { Caller, CallResult } from '../contract.ts';
import type { Problems } from './problems.ts';

export abstract class FormState<F> {
  f: F;
  problems = $state<Problems>({});
  error = $state<string | null>(null);
  /** the lines that explain a refusal without fields (a save over someone's newer change: what they changed) */
  details = $state<string[]>([]);
  saving = $state(false);

  constructor(
    protected readonly api: Caller,
    fields: F,
  ) {
    this.f = $state(fields);
  }

  /** the field was changed: its problem goes until the next save */
  touch(field: string): void {
    delete this.problems[field];
  }

  /**
   * Sends the record; null when refused, with each problem kept under its field path and a
   * summary starting with `notSaved` (null: the server's own message, for forms that show each
   * problem beside its field and the message once).
   */
  protected async submit<T>(send: () => Promise<CallResult<T>>, notSaved: string | null = 'Not saved.'): Promise<T | null> {
    this.saving = true;
    this.error = null;
    this.details = [];
    const r = await send();
    this.saving = false;
    if (r.ok) {
      this.problems = {};
      return r.value;
    }
    this.problems = { ...(r.error.fields ?? {}) };
    this.error = r.error.fields && notSaved !== null ? `${notSaved} Please correct the fields marked below.` : r.error.message;
    this.details = r.error.fields ? [] : [...(r.error.details ?? [])];
    return null;
  }
}
