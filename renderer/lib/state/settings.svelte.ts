// The settings screen's state: which section is open, the record being edited, field errors from
// the server's validation, the charge master and fee rows, and the printer offset.
import type { Nurse, Payer, Prescriber, Product } from '../../../electron/domain/types.ts';
import type { FilePayload, OfficeSettings, PrinterOffset } from '../contract.ts';
import type { Api } from '../api.ts';
import { cleanRecord, type Rec } from '../forms/records.ts';
import { microsToDollars } from '../format.ts';

export const SECTIONS = [
  { id: 'organization', label: 'Organization' },
  { id: 'clearinghouse', label: 'Clearinghouse' },
  { id: 'payers', label: 'Payers' },
  { id: 'chargeMaster', label: 'Charge master' },
  { id: 'products', label: 'Products' },
  { id: 'prescribers', label: 'Prescribers' },
  { id: 'nurses', label: 'Nurses' },
  { id: 'printer', label: 'Printer' },
] as const;

export type Section = (typeof SECTIONS)[number]['id'];

export interface PriceRow {
  code: string;
  dollars: number | null;
}

type ListSection = 'payers' | 'products' | 'prescribers' | 'nurses';

const BLANK: Record<ListSection, () => Rec> = {
  payers: () => ({ id: '', name: '', payerId: '', filingIndicator: '', address: null, settings: null }),
  products: () => ({ ndc: '', name: '', kind: 'drug', hcpcs: '', hcpcsUnit: { amount: null, unit: 'mg' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: null, unit: 'mg' }, containerSize: null, singleDose: false, tpnIncluded: false }),
  prescribers: () => ({ id: '', firstName: '', lastName: '', npi: '' }),
  nurses: () => ({ id: '', firstName: '', lastName: '', credential: 'RN', npi: '' }),
};

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
  editing = $state<Rec | null>(null);
  existing = $state(false);
  feeRows = $state<PriceRow[]>([]);
  chargeRows = $state<PriceRow[]>([]);
  offset = $state<PrinterOffset>({ x: 0, y: 0 });

  errors = $state<Record<string, string> | undefined>(undefined);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  saving = $state(false);

  constructor(private readonly api: Api) {}

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
    if (section === 'organization') {
      this.editing = structuredClone($state.snapshot(this.office?.organization) ?? { name: '', npi: '', taxId: '', taxonomy: '', address: null, phone: '', contact: '' }) as Rec;
      this.existing = !!this.office?.organization;
    } else if (section === 'clearinghouse') {
      this.editing = structuredClone($state.snapshot(this.office?.clearinghouse) ?? { name: '', senderId: '', receiverId: '', submitterId: '', usage: 'T' }) as Rec;
      this.existing = !!this.office?.clearinghouse;
    }
  }

  edit(record: Rec | null): void {
    this.reset();
    const section = this.section as ListSection;
    this.existing = record !== null;
    const rec = record ? (structuredClone($state.snapshot(record)) as Rec) : BLANK[section]();
    if (section === 'payers') {
      this.feeRows = priceRows((rec.fees as Record<string, number> | undefined) ?? {});
      delete rec.fees;
    }
    this.editing = rec;
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
  private saved<T>(list: T[], item: T, key: (t: T) => string, label: string): T[] {
    this.edit(item as never as Rec);
    this.done(`${label} saved.`);
    return upsert(list, item, key);
  }

  private failed(e: { message: string; fields?: Record<string, string> }): void {
    this.message = null;
    this.error = e.message;
    this.errors = e.fields;
  }

  async save(): Promise<boolean> {
    if (!this.editing) return false;
    const rec = cleanRecord($state.snapshot(this.editing) as Rec);
    this.saving = true;
    try {
      switch (this.section) {
        case 'organization': {
          const r = await this.api.call('settings.saveOrganization', rec as never);
          if (!r.ok) return (this.failed(r.error), false);
          this.office = this.office ? { ...this.office, organization: r.value } : this.office;
          this.existing = true;
          this.done('Organization saved.');
          return true;
        }
        case 'clearinghouse': {
          const r = await this.api.call('settings.saveClearinghouse', rec as never);
          if (!r.ok) return (this.failed(r.error), false);
          this.office = this.office ? { ...this.office, clearinghouse: r.value } : this.office;
          this.existing = true;
          this.done('Clearinghouse saved.');
          return true;
        }
        case 'payers': {
          const fees = priceTableOf(this.feeRows);
          if (Object.keys(fees.errors).length) {
            this.failed({ message: 'Check the fee schedule', fields: Object.fromEntries(Object.entries(fees.errors).map(([k, v]) => [`fees.${k}`, v])) });
            return false;
          }
          // settings null means "the defaults" to the import; keep what the form shows
          const r = await this.api.call('settings.savePayer', { ...(rec as never as Payer), fees: fees.table });
          if (!r.ok) return (this.failed(r.error), false);
          this.payers = this.saved(this.payers, r.value, (p) => p.id, `Payer ${r.value.name}`);
          return true;
        }
        case 'products': {
          // a quantity without its amount is "not given" (supplies have none)
          for (const q of ['hcpcsUnit', 'drugPerNdcUnit']) {
            const v = rec[q] as { amount?: unknown } | null | undefined;
            if (v && (v.amount === null || v.amount === undefined)) rec[q] = null;
          }
          if (rec.kind === 'supply') for (const k of ['ndcUnit', 'containerSize', 'singleDose']) if (rec[k] === null || rec[k] === false) delete rec[k];
          const r = await this.api.call('settings.saveProduct', rec as never);
          if (!r.ok) return (this.failed(r.error), false);
          this.products = this.saved(this.products, r.value, (p) => p.ndc, `Product ${r.value.name}`);
          return true;
        }
        case 'prescribers': {
          const r = await this.api.call('settings.savePrescriber', rec as never);
          if (!r.ok) return (this.failed(r.error), false);
          this.prescribers = this.saved(this.prescribers, r.value, (p) => p.id, `Prescriber ${r.value.firstName} ${r.value.lastName}`);
          return true;
        }
        case 'nurses': {
          const r = await this.api.call('settings.saveNurse', rec as never);
          if (!r.ok) return (this.failed(r.error), false);
          this.nurses = this.saved(this.nurses, r.value, (n) => n.id, `Nurse ${r.value.firstName} ${r.value.lastName}`);
          return true;
        }
        default:
          return false;
      }
    } finally {
      this.saving = false;
    }
  }

  async saveChargeMaster(): Promise<boolean> {
    const t = priceTableOf(this.chargeRows);
    if (Object.keys(t.errors).length) return (this.failed({ message: 'Check the charge master', fields: t.errors }), false);
    this.saving = true;
    const r = await this.api.call('settings.saveChargeMaster', { prices: t.table });
    this.saving = false;
    if (!r.ok) return (this.failed(r.error), false);
    this.chargeRows = priceRows(r.value);
    if (this.office) this.office = { ...this.office, chargeMaster: r.value };
    this.done(`Charge master saved: ${Object.keys(r.value).length} prices.`);
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
