// Record a dispense: therapy, date, product found by NDC (any hyphenated form) or name, quantity
// in the product's NDC unit, days' supply, lot and expiry. The same form edits a stored dispense.
import type { Dispense, Product } from '../../../electron/domain/types.ts';
import type { BilledSpan, Caller, DispenseDetail, Draft, DispenseDraft, ProductHit, TherapyOption } from '../../lib/contract.ts';
import { Debouncer, Latest, realTimers, type Timers } from '../../lib/debounce.ts';
import { blankAsAbsent, numberOrRaw } from '../../lib/forms/convert.ts';
import { FormState } from '../../lib/forms/formState.svelte.ts';
import { ndc542 } from '../../lib/format.ts';
import { moveIndex } from '../../lib/forms/choices.ts';
import { therapyChoices } from '../patients/lib/choices.ts';

export interface DispenseFields {
  patient: string;
  patientName: string;
  therapy: string;
  date: string;
  quantity: string;
  daysSupply: string;
  lot: string;
  expiry: string;
}

const NDC_UNIT_WORDS: Record<string, string> = { UN: 'units (UN)', ML: 'mL (ML)', GR: 'grams (GR)', ME: 'mg (ME)', F2: 'international units (F2)' };

export function unitWords(unit: string | null | undefined): string {
  return unit ? (NDC_UNIT_WORDS[unit] ?? unit) : '';
}

export class DispenseForm extends FormState<DispenseFields> {
  therapies = $state<TherapyOption[]>([]);
  /** what is typed in the product box */
  productQuery = $state('');
  product = $state<Product | null>(null);
  hits = $state<ProductHit[]>([]);
  active = $state(-1);
  message = $state<string | null>(null);
  /** the id of the stored dispense being edited; null while recording a new one */
  editing = $state<string | null>(null);
  /** the version of the dispense being edited: a save over someone's newer change is refused */
  private version: number | undefined;
  /** sent claims billing the edited dispense's dates: only lot and expiry may change */
  billed = $state<BilledSpan[]>([]);

  private readonly debounce: Debouncer;
  private readonly latest = new Latest();

  constructor(api: Caller, opts: { today?: string; delayMs?: number; timers?: Timers } = {}) {
    super(api, { patient: '', patientName: '', therapy: '', date: opts.today ?? '', quantity: '', daysSupply: '', lot: '', expiry: '' });
    this.debounce = new Debouncer(opts.delayMs ?? 150, opts.timers ?? realTimers);
  }

  setToday(today: string): void {
    if (!this.f.date) this.f.date = today;
  }

  set<K extends keyof DispenseFields>(key: K, value: DispenseFields[K]): void {
    this.f[key] = value;
    this.touch(key);
    this.message = null;
  }

  async choosePatient(id: string, name: string): Promise<void> {
    this.f.patient = id;
    this.f.patientName = name;
    this.f.therapy = '';
    delete this.problems.therapy;
    const { options, only } = await therapyChoices(this.api, id);
    if (this.f.patient !== id) return;
    this.therapies = options;
    if (only) await this.chooseTherapy(only);
  }

  async chooseTherapy(id: string): Promise<void> {
    this.set('therapy', id);
    if (!this.product) await this.findProducts();
  }

  /** the NDC sent: the picked product's, else what was typed (the check names a bad one) */
  get ndc(): string {
    return this.product?.ndc ?? this.productQuery.trim();
  }

  typeProduct(q: string): void {
    this.productQuery = q;
    this.product = null;
    delete this.problems.ndc;
    this.debounce.run(() => void this.findProducts());
  }

  async findProducts(): Promise<void> {
    this.debounce.cancel();
    const ticket = this.latest.next();
    const r = await this.api.call('dispenses.findProducts', { query: this.productQuery, ...(this.f.therapy ? { therapy: this.f.therapy } : {}) });
    if (!this.latest.isCurrent(ticket)) return;
    this.hits = r.ok ? r.value : [];
    this.active = this.hits.length ? 0 : -1;
  }

  pick(hit: ProductHit): void {
    this.product = hit.product;
    this.productQuery = `${hit.ndcDisplay} · ${hit.product.name}`;
    this.hits = [];
    this.active = -1;
    delete this.problems.ndc;
  }

  /** arrows move through the products, Enter picks */
  key(key: string): boolean {
    const n = this.hits.length;
    if ((key === 'ArrowDown' || key === 'ArrowUp') && n) this.active = moveIndex(this.active, key === 'ArrowDown' ? 1 : -1, n);
    else if (key === 'Enter' && this.hits[this.active]) this.pick(this.hits[this.active]!);
    else if (key === 'Escape' && n) this.hits = [];
    else return false;
    return true;
  }

  /** loads a stored dispense into the form */
  async edit(d: DispenseDetail): Promise<void> {
    this.version = d.version;
    const r = d.row;
    this.editing = r.id;
    this.billed = d.billed;
    // the product first, so choosing the therapy does not start a lookup
    this.product = d.product;
    this.productQuery = d.product ? `${ndc542(d.product.ndc)} · ${d.product.name}` : r.ndc;
    this.hits = [];
    this.active = -1;
    await this.choosePatient(r.patient, r.patientName);
    if (this.editing !== r.id) return;
    Object.assign(this.f, {
      therapy: r.therapy,
      date: r.date,
      quantity: String(r.quantity),
      daysSupply: String(r.daysSupply),
      lot: r.lot ?? '',
      expiry: r.expiry ?? '',
    });
    this.problems = {};
    this.error = null;
    this.message = null;
  }

  /** back to recording a new dispense for the same patient, therapy and date */
  cancelEdit(): void {
    this.editing = null;
    this.billed = [];
    this.clearProductFields();
    this.error = null;
    this.message = null;
  }

  private clearProductFields(): void {
    this.product = null;
    this.productQuery = '';
    this.hits = [];
    this.f.quantity = '';
    this.f.daysSupply = '';
    this.f.lot = '';
    this.f.expiry = '';
    this.problems = {};
  }

  draft(): Draft<DispenseDraft> {
    return {
      therapy: blankAsAbsent(this.f.therapy),
      date: blankAsAbsent(this.f.date),
      ndc: blankAsAbsent(this.ndc),
      quantity: numberOrRaw(this.f.quantity),
      daysSupply: numberOrRaw(this.f.daysSupply),
      lot: this.f.lot.trim() || null,
      expiry: this.f.expiry || null,
    };
  }

  async save(): Promise<Dispense | null> {
    this.message = null;
    const editing = this.editing;
    const d = editing
      ? await this.submit(() => this.api.submit('dispenses.update', { ...this.draft(), id: editing, ...(this.version !== undefined ? { version: this.version } : {}) }), `Dispense ${editing} was not changed.`)
      : await this.submit(() => this.api.submit('dispenses.save', this.draft()), 'The dispense was not recorded.');
    if (!d) return null;
    const amount = `${d.quantity} ${this.product?.ndcUnit ?? ''} of ${this.product?.name ?? d.ndc}`;
    this.message = editing ? `Dispense ${d.id} updated: ${amount}.` : `Dispense ${d.id} recorded: ${amount}.`;
    // the next dispense is often another product for the same therapy and date
    this.editing = null;
    this.billed = [];
    this.clearProductFields();
    return d;
  }
}
