// Billing → Received files: choose or drop TA1/999/277CA/835 files, each applied by the office all
// or nothing (remit.receive); the log of every file with its status; the items that matched
// nothing, kept for a person to resolve; the sent claims whose answer is overdue (acks.md §2) and
// the office's limits in days; the provider ledger (PLB items, R-RA-1).
import type { CallError, Caller, FilePayload, FollowUpDays, FollowUpItem, ProviderAdjustmentItem, ReceiveResult, ReceivedFileRow, UnmatchedItem } from '../contract.ts';

/** A chosen file as the handler takes it. */
export interface Upload {
  fileName: string;
  base64: string;
}

/** Bytes → base64 without a DOM (state tests run in node). */
export function base64Of(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export class ReceivedFilesState {
  files = $state<ReceivedFileRow[]>([]);
  /** what the latest receive said, one per file, in the order chosen */
  results = $state<ReceiveResult[]>([]);
  unmatched = $state<UnmatchedItem[]>([]);
  /** every PLB item posted, newest payment first */
  ledger = $state<ProviderAdjustmentItem[]>([]);
  /** sent claims whose 999, 277CA or 835 is overdue today, longest waiting first */
  waiting = $state<FollowUpItem[]>([]);
  days = $state<FollowUpDays | null>(null);
  busy = $state(false);
  error = $state<CallError | null>(null);

  constructor(private readonly api: Caller) {}

  get refused(): ReceiveResult[] {
    return this.results.filter((r) => r.status === 'refused');
  }

  async refresh(): Promise<void> {
    const [files, unmatched, ledger] = await Promise.all([
      this.api.call('remit.files'), this.api.call('remit.unmatched', { open: true }), this.api.call('remit.providerLedger'), this.loadFollowUps(),
    ]);
    if (files.ok) this.files = files.value;
    else this.error = files.error;
    if (unmatched.ok) this.unmatched = unmatched.value;
    if (ledger.ok) this.ledger = ledger.value;
  }

  /** the sent claims waiting too long, with the limits they are measured by */
  private async loadFollowUps(): Promise<void> {
    const follow = await this.api.call('remit.followUps');
    if (follow.ok) {
      this.waiting = follow.value.items;
      this.days = follow.value.days;
    }
  }

  /** The office's follow-up limits; the waiting list (only it: the files did not change) is read again with them. */
  async saveDays(days: FollowUpDays): Promise<boolean> {
    const r = await this.api.call('remit.saveFollowUpDays', days);
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.error = null;
    await this.loadFollowUps();
    return true;
  }

  /** Receives the files one by one: a refused file does not stop the others (each is its own transaction). */
  async receive(uploads: readonly Upload[]): Promise<ReceiveResult[]> {
    this.busy = true;
    this.error = null;
    const out: ReceiveResult[] = [];
    try {
      for (const u of uploads) {
        const r = await this.api.call('remit.receive', u);
        if (r.ok) out.push(r.value);
        else this.error = r.error;
      }
      this.results = out;
      await this.refresh();
      return out;
    } finally {
      this.busy = false;
    }
  }

  async download(id: number): Promise<FilePayload | null> {
    const r = await this.api.call('remit.download', { id });
    if (r.ok) return r.value;
    this.error = r.error;
    return null;
  }

  async resolve(id: number, resolution: string): Promise<boolean> {
    const r = await this.api.call('remit.resolveUnmatched', { id, resolution });
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    await this.refresh();
    return true;
  }
}
