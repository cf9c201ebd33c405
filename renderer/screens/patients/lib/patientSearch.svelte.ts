// Search as you type: waits for a pause, drops answers that arrive after a newer query, and keeps
// a highlighted result for arrow keys and Enter (listbox pattern).
import type { Caller, PatientHit } from '../../../lib/contract.ts';
import { moveIndex } from '../../../lib/forms/choices.ts';
import { Debouncer, Latest, type Timers, realTimers } from '../../../lib/debounce.ts';


export class PatientSearch {
  query = $state('');
  results = $state<PatientHit[]>([]);
  /** index of the highlighted result, -1 for none */
  active = $state(-1);
  loading = $state(false);
  error = $state<string | null>(null);
  /** the query the results belong to */
  answered = $state<string | null>(null);

  private readonly debounce: Debouncer;
  private readonly latest = new Latest();

  constructor(
    private readonly api: Caller,
    opts: { delayMs?: number; timers?: Timers; limit?: number } = {},
  ) {
    this.debounce = new Debouncer(opts.delayMs ?? 180, opts.timers ?? realTimers);
    this.limit = opts.limit ?? 50;
  }
  private readonly limit: number;

  get highlighted(): PatientHit | null {
    return this.results[this.active] ?? null;
  }

  /** the user typed; search after a pause */
  type(query: string): void {
    this.query = query;
    this.debounce.run(() => void this.search());
  }

  /** search now (also for an empty query: the office's patients by name) */
  async search(): Promise<void> {
    this.debounce.cancel();
    const query = this.query;
    const ticket = this.latest.next();
    this.loading = true;
    const r = await this.api.call('patients.search', { query, limit: this.limit });
    if (!this.latest.isCurrent(ticket)) return;
    this.loading = false;
    if (r.ok) {
      this.results = r.value;
      this.error = null;
      this.active = r.value.length > 0 && query.trim() ? 0 : -1;
    } else {
      this.results = [];
      this.error = r.error.message;
      this.active = -1;
    }
    this.answered = query;
  }

  move(delta: number): void {
    this.active = moveIndex(this.active, delta, this.results.length);
  }

  /**
   * Keys of the search box: arrows move, Home/End jump, Enter picks, Escape clears.
   * Returns the hit Enter picked, and whether the key was used (to prevent its default).
   */
  key(key: string): { handled: boolean; picked: PatientHit | null } {
    switch (key) {
      case 'ArrowDown':
        this.move(1);
        return { handled: true, picked: null };
      case 'ArrowUp':
        this.move(-1);
        return { handled: true, picked: null };
      case 'PageDown':
        this.move(10);
        return { handled: true, picked: null };
      case 'PageUp':
        this.move(-10);
        return { handled: true, picked: null };
      case 'Enter':
        return { handled: this.highlighted !== null, picked: this.highlighted };
      case 'Escape':
        if (!this.query) return { handled: false, picked: null };
        this.type('');
        return { handled: true, picked: null };
      default:
        return { handled: false, picked: null };
    }
  }
}
