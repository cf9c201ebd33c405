// The denial work queue: denied and rejected claims grouped by reason with our words and the next
// step; the biller's assignee, notes and follow-up; write off, correct & resubmit, send to the
// next payer (R-CO-1: the next coverage's claim drafted with this payer's adjudication).
import type { CallError, Caller, DenialGroup, DenialItem } from '../contract.ts';
import { capitalized, money } from '../format.ts';

export interface WorkDraft {
  assignee: string;
  notes: string;
  followUp: string;
}

export class DenialsState {
  groups = $state<DenialGroup[]>([]);
  selected = $state<string | null>(null);
  draft = $state<WorkDraft>({ assignee: '', notes: '', followUp: '' });
  writeOffReason = $state('');
  includeClosed = $state(false);
  busy = $state(false);
  error = $state<CallError | null>(null);
  message = $state<string | null>(null);

  constructor(private readonly api: Caller) {}

  get items(): DenialItem[] {
    return this.groups.flatMap((g) => g.items);
  }

  get current(): DenialItem | null {
    return this.items.find((i) => i.claimId === this.selected) ?? null;
  }

  get totalCents(): number {
    return this.groups.reduce((s, g) => s + g.cents, 0);
  }

  async load(): Promise<void> {
    const r = await this.api.call('denials.list', { includeClosed: this.includeClosed });
    if (r.ok) this.groups = r.value;
    else this.error = r.error;
    if (this.selected && !this.current) this.selected = null;
  }

  select(claimId: string): void {
    this.selected = claimId;
    const i = this.current;
    this.draft = { assignee: i?.assignee ?? '', notes: i?.notes ?? '', followUp: i?.followUp ?? '' };
    this.writeOffReason = '';
    this.message = null;
    this.error = null;
  }

  private async act<T>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: CallError }>, done: (v: T) => string): Promise<T | null> {
    this.busy = true;
    this.error = null;
    this.message = null;
    try {
      const r = await run();
      if (!r.ok) {
        this.error = r.error;
        return null;
      }
      this.message = done(r.value);
      await this.load();
      return r.value;
    } finally {
      this.busy = false;
    }
  }

  /** An action on the selected claim; true when it was done. */
  private async onSelected<T>(
    run: (claim: string) => Promise<{ ok: true; value: T } | { ok: false; error: CallError }>,
    done: (v: T, claim: string) => string,
  ): Promise<boolean> {
    const claim = this.selected;
    if (!claim) return false;
    return (await this.act(() => run(claim), (v) => done(v, claim))) !== null;
  }

  save(): Promise<boolean> {
    const d = this.draft;
    return this.onSelected(
      (claim) => this.api.call('denials.update', { claim, assignee: d.assignee.trim() || null, notes: d.notes, followUp: d.followUp || null }),
      (_, claim) => `Saved the work on claim ${claim}.`,
    );
  }

  writeOff(): Promise<boolean> {
    return this.onSelected(
      (claim) => this.api.call('denials.writeOff', { claim, reason: this.writeOffReason }),
      (v, claim) => `Wrote off claim ${claim}: ${money(v.openCents + v.deniedCents)}.`,
    );
  }

  resubmit(): Promise<boolean> {
    return this.onSelected(
      (claim) => this.api.call('denials.resubmit', { claim }),
      (v, claim) => v.frequency === '1'
        ? `Claim ${claim} was rebuilt as a new original: ${v.newClaims.join(', ')} (a draft in Billing, ready to export).`
        : `Replacement ${v.newClaims.join(', ')} was made with the payer's claim number (a draft in Billing, ready to export).`,
    );
  }

  /** R-CO-1: the claim to the next coverage, drafted from this payer's adjudication; or why none is due. */
  sendToNextPayer(): Promise<boolean> {
    return this.onSelected(
      (claim) => this.api.call('claims.sendToNextPayer', { claim }),
      (v) => `${capitalized(v.message)}: a draft in Billing, ready to export.`,
    );
  }
}
