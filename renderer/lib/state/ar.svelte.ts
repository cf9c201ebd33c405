// Accounts receivable (R-AR-1): the report as of a day and basis, and the figures each chart
// draws, so the numbers under a chart are the very numbers in it.
import type { AgingBasis, ArReport, CallError, Caller } from '../contract.ts';

export interface ChartSeries {
  label: string;
  values: number[];
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

export class ArState {
  asOf = $state('');
  basis = $state<AgingBasis>('sent');
  report = $state<ArReport | null>(null);
  error = $state<CallError | null>(null);

  constructor(private readonly api: Caller, today: string) {
    this.asOf = today;
  }

  async load(): Promise<void> {
    const r = await this.api.call('ar.report', { asOf: this.asOf, basis: this.basis });
    if (r.ok) {
      this.report = r.value;
      this.error = null;
    } else this.error = r.error;
  }

  /** aging by payer as stacked bars: one bar per payer, one stack per bucket (cents) */
  get aging(): ChartData {
    const r = this.report;
    if (!r) return { labels: [], series: [] };
    return { labels: r.rows.map((x) => x.payerName), series: r.buckets.map((b, i) => ({ label: `${b} days`, values: r.rows.map((x) => x.cents[i]!) })) };
  }

  get cash(): ChartData {
    const r = this.report;
    return r ? { labels: r.cashByWeek.map((w) => w.week), series: [{ label: 'Cash posted', values: r.cashByWeek.map((w) => w.cents) }] } : { labels: [], series: [] };
  }

  /** denial rate by reason, in percent of the claims adjudicated */
  get denials(): ChartData {
    const r = this.report;
    return r ? { labels: r.denialRates.map((d) => d.key), series: [{ label: 'Denial rate (%)', values: r.denialRates.map((d) => Math.round(d.rate * 1000) / 10) }] } : { labels: [], series: [] };
  }
}
