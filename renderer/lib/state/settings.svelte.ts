// The settings screen's state: which section is open, the record being edited, field errors from
// the server's validation, the charge master and fee rows, and the printer offset.
import type { Nurse, Payer, Prescriber, Product } from '../../../electron/domain/types.ts';
import type { Caller, ChannelName, DraftOf, FilePayload, OfficeSettings, PrinterOffset, Result } from '../contract.ts';
import { cleanDraft } from '../forms/records.ts';
import { microsToDollars } from '../format.ts';
import {
  blankClearinghouse,
  blankListed,
  blankOrganization,
  codeDateRows,
  codeDatesOf,
  editingOf,
  keyOf,
  tidyProduct,
  type CodeDateRow,
  type Editing,
  type Listed,
} from './settingsDrafts.ts';

export const SECTIONS = [
  { id: 'organization', label: 'Organization' },
  { id: 'clearinghouse', label: 'Clearinghouse' },
  { id: 'payers', label: 'Payers' },
  { id: 'chargeMaster', label: 'Charge master' },
  { id: 'products', label: 'Products' },
  { id: 'prescribers', label: 'Prescribers' },
  { id: 'nurses', label: 'Nurses' },
  { id: 'printer', label: 'Printer' },
  // administrators of the app that holds the office (the handlers refuse everyone else)
  { id: 'hosting', label: 'Host this office' },
  // a workstation joined to an office server (the desktop app's main process says so): leaving it
  { id: 'server', label: 'Office server' },
] as const;

export type Section = (typeof SECTIONS)[number]['id'];

export interface PriceRow {
  code: string;
  dollars: number | null;
}

export function priceRows(table: Record<string, number>): PriceRow[] {
  return Object.entries(table).map(([code, micros]) => ({ code, dollars: microsToDollars(micros) }));
}

/** Rows → the import format's { CODE: dollars }; blank rows are dropped, a blank price is an error. */
export function priceTableOf(rows: PriceRow[]): { table: Record<string, number>; errors: Record<string, string> } {
  const table: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const r of rows) {
    const code = r.code.trim().toUpperCase();
    if (code === '' && r.dollars === null) continue;
    if (code === '') errors['(row)'] = 'a price has no code';
    else if (r.dollars === null || !Number.isFinite(r.dollars)) errors[code] = 'enter a price in dollars';
    else if (code in table) errors[code] = `${code} is priced twice`;
    else table[code] = r.dollars;
  }
  return { table, errors };
}

export class SettingsState {
  section = $state<Section>('organization');
  office = $state<OfficeSettings | null>(null);
  payers = $state<Payer[]>([]);
  products = $state<Product[]>([]);
  prescribers = $state<Prescriber[]>([]);
  nurses = $state<Nurse[]>([]);

  /** the record on the form (organization, clearinghouse, or one of a list) */
  editing = $state<Editing | null>(null);
  existing = $state(false);
  feeRows = $state<PriceRow[]>([]);
  /** a payer's R-CL-13 code dates, edited as rows beside the form like its fees */
  codeDateRows = $state<CodeDateRow[]>([]);
  chargeRows = $state<PriceRow[]>([]);
  offset = $state<PrinterOffset>({ x: 0, y: 0 });

  errors = $state<Record<string, string> | undefined>(undefined);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  saving = $state(false);

  constructor(private readonly api: Caller) {}

  async load(): Promise<void> {
    const [office, payers, products, prescribers, nurses] = await Promise.all([
      this.api.call('settings.get'),
      this.api.call('settings.listPayers'),
      this.api.call('settings.listProducts'),
      this.api.call('settings.listPrescribers'),
      this.api.call('settings.listNurses'),
    ]);
    if (office.ok) {
      this.office = office.value;
      this.offset = { ...office.value.printerOffset };
      this.chargeRows = priceRows(office.value.chargeMaster);
    } else this.error = office.error.message;
    if (payers.ok) this.payers = payers.value;
    if (products.ok) this.products = products.value;
    if (prescribers.ok) this.prescribers = prescribers.value;
    if (nurses.ok) this.nurses = nurses.value;
    this.open(this.section);
  }

  /** the key of the listed record on the form ('' for none or a new one) */
  get editingKey(): string {
    return this.editing && this.existing ? keyOf(this.editing) : '';
  }

  private reset(): void {
    this.errors = undefined;
    this.error = null;
    this.message = null;
  }

  open(section: Section): void {
    this.section = section;
    this.reset();
    this.editing = null;
    this.existing = false;
    const office = this.office ? $state.snapshot(this.office) : null;
    if (section === 'organization') {
      this.editing = { section, draft: office?.organization ?? blankOrganization() };
      this.existing = !!office?.organization;
    } else if (section === 'clearinghouse') {
      this.editing = { section, draft: office?.clearinghouse ?? blankClearinghouse() };
      this.existing = !!office?.clearinghouse;
    }
  }

  /** a listed record on the form; null: a new one of the open section */
  edit(item: Listed | null): void {
    this.reset();
    this.existing = item !== null;
    if (item) {
      const { editing, fees } = editingOf($state.snapshot(item));
      if (editing.section === 'payers') {
        this.feeRows = priceRows(fees);
        this.codeDateRows = codeDateRows(editing.draft.settings?.codeDates);
      }
      this.editing = editing;
    } else if (this.section === 'payers' || this.section === 'products' || this.section === 'prescribers' || this.section === 'nurses') {
      this.editing = blankListed(this.section);
      if (this.section === 'payers') {
        this.feeRows = [];
        this.codeDateRows = [];
      }
    }
  }

  /** a seed profile was chosen for a new payer: its code dates replace the rows */
  profileChosen(): void {
    const e = this.editing;
    if (e?.section === 'payers') this.codeDateRows = codeDateRows($state.snapshot(e.draft.settings?.codeDates));
  }

  addCodeDateRow(): void {
    this.codeDateRows = [...this.codeDateRows, { code: '', from: '', to: '' }];
  }

  addFeeRow(): void {
    this.feeRows = [...this.feeRows, { code: '', dollars: null }];
  }
  addChargeRow(): void {
    this.chargeRows = [...this.chargeRows, { code: '', dollars: null }];
  }

  private done(message: string): void {
    this.reset();
    this.message = message;
  }

  /** a listed record came back from the server: it replaces its old row and stays on the form */
  private saved<T>(list: T[], item: Listed & { record: T }, key: (t: T) => string, label: string): T[] {
    this.edit(item);
    this.done(`${label} saved.`);
    return upsert(list, item.record, key);
  }

  /** the organization or clearinghouse came back from the server */
  private officeSaved(part: Partial<OfficeSettings>, message: string): true {
    if (this.office) this.office = { ...this.office, ...part };
    this.existing = true;
    this.done(message);
    return true;
  }

  private failed(e: { message: string; fields?: Record<string, string> }): void {
    this.message = null;
    this.error = e.message;
    this.errors = e.fields;
  }

  /** sends a form's record; the answer, or null with the server's problems shown */
  private async send<K extends ChannelName>(name: K, draft: DraftOf<K>): Promise<Result<K> | null> {
    this.saving = true;
    const r = await this.api.submit(name, draft);
    this.saving = false;
    if (r.ok) return r.value;
    this.failed(r.error);
    return null;
  }

  async save(): Promise<boolean> {
    if (!this.editing) return false;
    const e = $state.snapshot(this.editing);
    cleanDraft(e.draft);
    switch (e.section) {
      case 'organization': {
        const saved = await this.send('settings.saveOrganization', e.draft);
        return saved !== null && this.officeSaved({ organization: saved }, 'Organization saved.');
      }
      case 'clearinghouse': {
        const saved = await this.send('settings.saveClearinghouse', e.draft);
        return saved !== null && this.officeSaved({ clearinghouse: saved }, 'Clearinghouse saved.');
      }
      case 'payers': {
        const fees = priceTableOf(this.feeRows);
        if (Object.keys(fees.errors).length) {
          this.failed({ message: 'Check the fee schedule', fields: Object.fromEntries(Object.entries(fees.errors).map(([k, v]) => [`fees.${k}`, v])) });
          return false;
        }
        const dates = codeDatesOf(this.codeDateRows);
        if (Object.keys(dates.errors).length) {
          this.failed({ message: 'Check the code dates', fields: dates.errors });
          return false;
        }
        // settings null means "the defaults" to the import; the rows are the code dates
        e.draft.settings = { ...(e.draft.settings ?? {}), codeDates: dates.map };
        const saved = await this.send('settings.savePayer', { ...e.draft, fees: fees.table });
        if (!saved) return false;
        this.payers = this.saved(this.payers, { section: 'payers', record: saved }, (p) => p.id, `Payer ${saved.name}`);
        return true;
      }
      case 'products': {
        tidyProduct(e.draft);
        const saved = await this.send('settings.saveProduct', e.draft);
        if (!saved) return false;
        this.products = this.saved(this.products, { section: 'products', record: saved }, (p) => p.ndc, `Product ${saved.name}`);
        return true;
      }
      case 'prescribers': {
        const saved = await this.send('settings.savePrescriber', e.draft);
        if (!saved) return false;
        this.prescribers = this.saved(this.prescribers, { section: 'prescribers', record: saved }, (p) => p.id, `Prescriber ${saved.firstName} ${saved.lastName}`);
        return true;
      }
      case 'nurses': {
        const saved = await this.send('settings.saveNurse', e.draft);
        if (!saved) return false;
        this.nurses = this.saved(this.nurses, { section: 'nurses', record: saved }, (n) => n.id, `Nurse ${saved.firstName} ${saved.lastName}`);
        return true;
      }
    }
  }

  async saveChargeMaster(): Promise<boolean> {
    const t = priceTableOf(this.chargeRows);
    if (Object.keys(t.errors).length) return (this.failed({ message: 'Check the charge master', fields: t.errors }), false);
    const prices = await this.send('settings.saveChargeMaster', { prices: t.table });
    if (!prices) return false;
    this.chargeRows = priceRows(prices);
    if (this.office) this.office = { ...this.office, chargeMaster: prices };
    this.done(`Charge master saved: ${Object.keys(prices).length} prices.`);
    return true;
  }

  async saveOffset(): Promise<boolean> {
    const r = await this.api.call('settings.savePrinterOffset', { x: Number(this.offset.x), y: Number(this.offset.y) });
    if (!r.ok) return (this.failed(r.error), false);
    this.offset = r.value;
    this.done('Printer offset saved.');
    return true;
  }

  async testPage(): Promise<FilePayload | null> {
    const r = await this.api.call('settings.testPage', { x: Number(this.offset.x), y: Number(this.offset.y) });
    if (!r.ok) return (this.failed(r.error), null);
    this.done('Test page ready: print it on a blank form at 100% scale and compare the marks with the boxes.');
    return r.value;
  }
}

function upsert<T>(list: T[], item: T, key: (t: T) => string): T[] {
  const k = key(item);
  return list.some((x) => key(x) === k) ? list.map((x) => (key(x) === k ? item : x)) : [...list, item];
}
