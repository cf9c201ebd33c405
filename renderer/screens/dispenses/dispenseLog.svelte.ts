// The dispensing log with filters (patient, product by NDC or name, dates).
import type { Caller, DispenseFilter, DispenseRow } from '../../lib/contract.ts';
import { Debouncer, realTimers, type Timers } from '../../lib/debounce.ts';

export class DispenseLog {
  rows = $state<DispenseRow[]>([]);
  product = $state('');
  from = $state('');
  to = $state('');
  patient = $state<{ id: string; name: string } | null>(null);
  error = $state<string | null>(null);
  private readonly debounce: Debouncer;

  constructor(
    private readonly api: Caller,
    opts: { delayMs?: number; timers?: Timers } = {},
  ) {
    this.debounce = new Debouncer(opts.delayMs ?? 200, opts.timers ?? realTimers);
  }

  filter(): DispenseFilter {
    return {
      limit: 200,
      ...(this.patient ? { patient: this.patient.id } : {}),
      ...(this.product.trim() ? { product: this.product.trim() } : {}),
      ...(this.from ? { from: this.from } : {}),
      ...(this.to ? { to: this.to } : {}),
    };
  }

  /** filters changed: reload after a pause */
  changed(): void {
    this.debounce.run(() => void this.load());
  }

  async load(): Promise<void> {
    this.debounce.cancel();
    const r = await this.api.call('dispenses.list', this.filter());
    if (r.ok) {
      this.rows = r.value;
      this.error = null;
    } else this.error = r.error.message;
  }
}
