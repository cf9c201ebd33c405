// The billing workbench's state: period and payer, the built claims with findings, the open
// claim, warning acknowledgements, exports with their progress, and the batch history.
import type { BatchRow, BuildOutcome, CallError, ClaimChain, ClaimDetail, ClaimRow, ExportOutcome, FilePayload } from '../contract.ts';
import type { Payer } from '../../../electron/domain/types.ts';
import type { Api } from '../api.ts';
import { capitalized, monthRange, previousMonth } from '../format.ts';

export interface ExportChoice {
  x12: boolean;
  pdf: boolean;
  form: 'full' | 'data';
  acceptWarnings: boolean;
  /** after a secondary's form, its earlier payers' remittance pages (the paper payer wants the EOB) */
  remittancePages: boolean;
}

export interface ExportStep {
  label: string;
  done: boolean;
}

export interface ExportResult {
  files: Array<{ label: string; file: FilePayload; batch: BatchRow | null }>;
  leftOut: Array<{ claim: string; reason: string }>;
  /** a draft preview: marked on every page, nothing recorded */
  preview?: boolean;
}

const formLabel = (form: 'full' | 'data') => (form === 'full' ? 'full form' : 'data only');

export const CLAIM_VIEWS = [
  { id: 'all', label: 'All' },
  { id: 'attention', label: 'Needs attention' },
  { id: 'ready', label: 'Ready' },
  { id: 'sent', label: 'Exported' },
] as const;
export type ClaimView = (typeof CLAIM_VIEWS)[number]['id'];

export class BillingState {
  from = $state('');
  to = $state('');
  payer = $state('');
  payers = $state<Payer[]>([]);

  outcome = $state<BuildOutcome | null>(null);
  /** null until the first build or list of this period */
  built = $state(false);
  busy = $state<null | 'build' | 'list' | 'export' | 'claim'>(null);
  error = $state<CallError | null>(null);
  message = $state<string | null>(null);

  open = $state<ClaimDetail | null>(null);
  openError = $state<string | null>(null);
  /** the open claim's payer order (R-CO-1): the claim it follows, its followers, what became of the next payer */
  chain = $state<ClaimChain | null>(null);

  batches = $state<BatchRow[]>([]);
  exportSteps = $state<ExportStep[]>([]);
  exportResult = $state<ExportResult | null>(null);
  view = $state<ClaimView>('all');
  choice = $state<ExportChoice>({ x12: true, pdf: false, form: 'full', acceptWarnings: false, remittancePages: true });

  constructor(
    private readonly api: Api,
    today: string,
  ) {
    const p = previousMonth(today);
    this.from = p.from;
    this.to = p.to;
  }

  get claims(): ClaimRow[] {
    return this.outcome?.claims ?? [];
  }

  /** the claims the list shows for the chosen view */
  get visible(): ClaimRow[] {
    switch (this.view) {
      case 'attention':
        return this.claims.filter((c) => c.status === 'draft' && (c.errors > 0 || (c.warnings > 0 && !c.acknowledged)));
      case 'ready':
        return this.claims.filter((c) => c.exportable);
      case 'sent':
        return this.claims.filter((c) => c.status !== 'draft');
      default:
        return this.claims;
    }
  }

  get ready(): ClaimRow[] {
    return this.claims.filter((c) => c.exportable || (this.choice.acceptWarnings && c.status === 'draft' && c.errors === 0));
  }

  get blocked(): ClaimRow[] {
    return this.claims.filter((c) => c.status === 'draft' && c.errors > 0);
  }

  get needsAck(): ClaimRow[] {
    return this.claims.filter((c) => c.status === 'draft' && c.errors === 0 && c.warnings > 0 && !c.acknowledged);
  }

  get month(): string {
    const r = monthRange(this.from.slice(0, 7));
    return r && r.from === this.from && r.to === this.to ? this.from.slice(0, 7) : '';
  }

  setMonth(month: string): void {
    const r = monthRange(month);
    if (r) {
      this.from = r.from;
      this.to = r.to;
    }
  }

  private period() {
    return { from: this.from, to: this.to, payer: this.payer || null };
  }

  async init(): Promise<void> {
    const [payers, batches] = await Promise.all([this.api.call('settings.listPayers'), this.api.call('billing.batches')]);
    if (payers.ok) this.payers = payers.value;
    if (batches.ok) this.batches = batches.value;
    await this.list();
  }

  /** the claims already built for the period (no rebuild) */
  async list(): Promise<void> {
    this.busy = 'list';
    const r = await this.api.call('billing.listClaims', this.period());
    this.busy = null;
    if (r.ok) {
      this.outcome = r.value;
      this.built = r.value.claims.length > 0;
      this.error = null;
    } else this.error = r.error;
  }

  async build(): Promise<void> {
    this.busy = 'build';
    this.message = null;
    this.exportResult = null;
    const r = await this.api.call('billing.build', this.period());
    this.busy = null;
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.error = null;
    this.outcome = r.value;
    this.built = true;
    const t = r.value.totals;
    this.message = `Built ${t.claims} claim${t.claims === 1 ? '' : 's'}: ${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}.`;
    if (this.open) await this.openClaim(this.open.row.id, true);
  }

  async openClaim(id: string, quiet = false): Promise<void> {
    if (!quiet) this.busy = 'claim';
    // both at once, set together: the panel never shows the previous claim's payer order under this one
    const [r, chain] = await Promise.all([this.api.call('billing.getClaim', { id }), this.api.call('claims.chain', { claim: id })]);
    if (!quiet) this.busy = null;
    if (r.ok) {
      this.open = r.value;
      this.openError = null;
      this.chain = chain.ok ? chain.value : null;
    } else {
      this.open = null;
      this.chain = null;
      this.openError = r.error.message;
    }
  }

  /** R-CO-1 by hand: the next coverage's claim drafted from this payer's adjudication, then opened. */
  async sendToNextPayer(claim: string): Promise<boolean> {
    const r = await this.api.call('claims.sendToNextPayer', { claim });
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.error = null;
    this.message = `${capitalized(r.value.message)}.`;
    await this.list();
    await this.openClaim(r.value.followerId ?? claim, true);
    return true;
  }

  closeClaim(): void {
    this.open = null;
    this.chain = null;
    this.openError = null;
  }

  private replaceRow(row: ClaimRow): void {
    if (!this.outcome) return;
    this.outcome = { ...this.outcome, claims: this.outcome.claims.map((c) => (c.id === row.id ? row : c)) };
    if (this.open?.row.id === row.id) this.open = { ...this.open, row };
  }

  async acknowledge(id: string): Promise<void> {
    const r = await this.api.call('billing.acknowledge', { claim: id });
    if (r.ok) this.replaceRow(r.value);
    else this.error = r.error;
  }

  async acknowledgeAll(): Promise<void> {
    for (const c of this.needsAck) await this.acknowledge(c.id);
  }

  /**
   * 837P then (optionally) the PDF of the same batch (a reprint); or a print of the period's drafts
   * alone, which is a submission too: recorded as a pdf batch, its claims locked.
   */
  async exportBatch(): Promise<ExportResult | null> {
    const { x12, pdf, form, acceptWarnings, remittancePages } = this.choice;
    if (!x12 && !pdf) {
      this.error = { message: 'Choose 837P, PDF or both to export' };
      return null;
    }
    this.busy = 'export';
    this.error = null;
    this.exportResult = null;
    const steps: ExportStep[] = [];
    if (x12) steps.push({ label: 'Writing the 837P file', done: false });
    if (pdf) steps.push({ label: 'Drawing the CMS-1500 forms', done: false });
    steps.push({ label: 'Recording the batch', done: false });
    this.exportSteps = steps;
    const result: ExportResult = { files: [], leftOut: [] };
    const mark = (i: number) => {
      this.exportSteps = this.exportSteps.map((s, j) => (j <= i ? { ...s, done: true } : s));
    };
    try {
      let batch: string | null = null;
      let step = 0;
      if (x12) {
        const r = await this.api.call('billing.export837', { ...this.period(), acceptWarnings });
        if (!r.ok) return this.fail(r.error);
        this.collect(result, '837P file', r.value);
        batch = r.value.batch?.id ?? null;
        mark(step++);
      }
      if (pdf) {
        const r = await this.api.call('billing.exportPdf', { ...this.period(), form, acceptWarnings, batch, remittancePages });
        if (!r.ok) return this.fail(r.error);
        this.collect(result, `CMS-1500 PDF (${formLabel(form)})`, r.value, !x12);
        mark(step++);
      }
      const batches = await this.api.call('billing.batches');
      if (batches.ok) this.batches = batches.value;
      await this.list();
      mark(step);
      this.exportResult = result;
      return result;
    } finally {
      this.busy = null;
    }
  }

  /** The period's printable drafts on forms marked PREVIEW - NOT A CLAIM: records nothing, locks nothing. */
  async preview(): Promise<ExportResult | null> {
    const { form, acceptWarnings, remittancePages } = this.choice;
    this.busy = 'export';
    this.error = null;
    this.exportResult = null;
    this.exportSteps = [{ label: 'Drawing the preview', done: false }];
    try {
      const r = await this.api.call('billing.exportPdf', { ...this.period(), form, acceptWarnings, preview: true, remittancePages });
      if (!r.ok) return this.fail(r.error);
      const result: ExportResult = { files: [], leftOut: [], preview: true };
      this.collect(result, `CMS-1500 preview (${formLabel(form)}), not a claim`, r.value);
      this.exportSteps = [{ label: 'Drawing the preview', done: true }];
      this.exportResult = result;
      return result;
    } finally {
      this.busy = null;
    }
  }

  private collect(result: ExportResult, label: string, o: ExportOutcome, withLeftOut = true): void {
    if (o.file) result.files.push({ label, file: o.file, batch: o.batch });
    if (withLeftOut) result.leftOut.push(...o.leftOut);
  }

  private fail(error: CallError): null {
    this.error = error;
    this.exportSteps = [];
    return null;
  }

  async download(batchId: string): Promise<FilePayload | null> {
    const r = await this.api.call('billing.downloadBatch', { id: batchId });
    if (r.ok) return r.value;
    this.error = r.error;
    return null;
  }

  /** CMS-1500 pages of any batch, 837P or printed (a reprint: records nothing) */
  async reprint(batchId: string, form: 'full' | 'data'): Promise<FilePayload | null> {
    const r = await this.api.call('billing.exportPdf', { from: this.from, to: this.to, form, batch: batchId, remittancePages: this.choice.remittancePages });
    if (r.ok && r.value.file) return r.value.file;
    if (!r.ok) this.error = r.error;
    return null;
  }

  async correct(claim: string, frequency: '7' | '8', originalClaimNumber: string): Promise<boolean> {
    const r = await this.api.call('billing.correct', { claim, frequency, originalClaimNumber });
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.message = `${frequency === '7' ? 'Replacement' : 'Void'} claim ${r.value.id} created as a draft.`;
    await this.list();
    await this.openClaim(r.value.id, true);
    return true;
  }
}
