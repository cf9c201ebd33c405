// Recent visits, newest first, unsigned ones marked; sign from the list.
import type { Caller, VisitRow } from '../../lib/contract.ts';

export class VisitList {
  rows = $state<VisitRow[]>([]);
  unsignedOnly = $state(false);
  /** only this patient's visits (set when opened from a chart) */
  patient = $state<{ id: string; name: string } | null>(null);
  /** only this nurse's visits (a signed-in nurse: her own; the handler limits her to them anyway) */
  nurse: string | null = null;
  loading = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly api: Caller) {}

  get unsignedCount(): number {
    return this.rows.filter((r) => !r.signed).length;
  }

  async load(): Promise<void> {
    this.loading = true;
    const r = await this.api.call('visits.recent', {
      limit: 100,
      ...(this.unsignedOnly ? { unsignedOnly: true } : {}),
      ...(this.patient ? { patient: this.patient.id } : {}),
      ...(this.nurse ? { nurse: this.nurse } : {}),
    });
    this.loading = false;
    if (r.ok) {
      this.rows = r.value;
      this.error = null;
    } else this.error = r.error.message;
  }

  async sign(id: string, signed = true): Promise<boolean> {
    // the row's version: signing a visit someone changed since the list was read is refused
    const version = this.rows.find((r) => r.id === id)?.version;
    const r = await this.api.call('visits.sign', { id, signed, ...(version !== undefined ? { version } : {}) });
    if (!r.ok) {
      this.error = r.error.message;
      return false;
    }
    await this.load();
    return true;
  }
}
