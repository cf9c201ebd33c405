// The settings records as their forms hold them: for each section, the contract's record as a
// draft, and what a new one starts as. The section travels with its draft so a save knows, by
// type, which call takes it.
import type { Clearinghouse, CodeDates, Nurse, Organization, Payer, PayerSettings, Prescriber, Product } from '../../../electron/domain/types.ts';
import type { Draft, PayerInput } from '../contract.ts';
import { listOf, listText } from '../forms/convert.ts';

export interface Drafts {
  organization: Draft<Organization>;
  clearinghouse: Draft<Clearinghouse>;
  /** the fee schedule is edited as price rows beside the form */
  payers: Draft<Omit<PayerInput, 'fees'>>;
  products: Draft<Product>;
  prescribers: Draft<Prescriber>;
  nurses: Draft<Nurse>;
}

export type Editing = { [S in keyof Drafts]: { section: S; draft: Drafts[S] } }[keyof Drafts];

/** a record of one of the listed sections, as stored */
export type Listed =
  | { section: 'payers'; record: Payer }
  | { section: 'products'; record: Product }
  | { section: 'prescribers'; record: Prescriber }
  | { section: 'nurses'; record: Nurse };

export type ListSection = Listed['section'];

export function blankOrganization(): Draft<Organization> {
  return { name: '', npi: '', taxId: '', taxonomy: '', address: null, phone: '', contact: '' };
}

export function blankClearinghouse(): Draft<Clearinghouse> {
  return { name: '', senderId: '', receiverId: '', submitterId: '', usage: 'T' };
}

export function blankListed(section: ListSection): Editing {
  switch (section) {
    case 'payers':
      return { section, draft: { id: '', name: '', payerId: '', filingIndicator: '', address: null, settings: null } };
    case 'products':
      return { section, draft: { ndc: '', name: '', kind: 'drug', hcpcs: '', hcpcsUnit: { amount: null, unit: 'mg' }, ndcUnit: 'ML', drugPerNdcUnit: { amount: null, unit: 'mg' }, containerSize: null, singleDose: false, tpnIncluded: false } };
    case 'prescribers':
      return { section, draft: { id: '', firstName: '', lastName: '', npi: '' } };
    case 'nurses':
      return { section, draft: { id: '', firstName: '', lastName: '', credential: 'RN', npi: '' } };
  }
}

/** a stored record on the form; a payer's fees leave it for the price rows */
export function editingOf(item: Listed): { editing: Editing; fees: Payer['fees'] } {
  switch (item.section) {
    case 'payers': {
      const { fees, ...payer } = structuredClone(item.record);
      return { editing: { section: 'payers', draft: payer }, fees };
    }
    case 'products':
      return { editing: { section: 'products', draft: structuredClone(item.record) }, fees: {} };
    case 'prescribers':
      return { editing: { section: 'prescribers', draft: structuredClone(item.record) }, fees: {} };
    case 'nurses':
      return { editing: { section: 'nurses', draft: structuredClone(item.record) }, fees: {} };
  }
}

/** the key of the record on the form, to mark it in the list */
export function keyOf(e: Editing): string {
  switch (e.section) {
    case 'products':
      return e.draft.ndc ?? '';
    case 'organization':
    case 'clearinghouse':
      return '';
    default:
      return e.draft.id ?? '';
  }
}

/** a product's quantity without its amount is "not given" (supplies have none) */
export function tidyProduct(d: Drafts['products']): void {
  if (d.hcpcsUnit && (d.hcpcsUnit.amount === null || d.hcpcsUnit.amount === undefined)) d.hcpcsUnit = null;
  if (d.drugPerNdcUnit && (d.drugPerNdcUnit.amount === null || d.drugPerNdcUnit.amount === undefined)) d.drugPerNdcUnit = null;
  if (d.kind !== 'supply') return;
  if (d.ndcUnit === null) delete d.ndcUnit;
  if (d.containerSize === null) delete d.containerSize;
  if (d.singleDose === null || d.singleDose === false) delete d.singleDose;
}

/** R-CL-13's `codeDates` as the form's rows: a code or range with its inclusive from/to dates ('' = open). */
export interface CodeDateRow {
  code: string;
  from: string;
  to: string;
}

/** a stored map or a form's draft of one (its dates may be null) */
type CodeDatesLike = Readonly<Record<string, { from?: string | null; to?: string | null } | null | undefined>>;

export function codeDateRows(map: CodeDatesLike | null | undefined): CodeDateRow[] {
  return Object.entries(map ?? {}).map(([code, d]) => ({ code, from: d?.from ?? '', to: d?.to ?? '' }));
}

/**
 * The rows as the setting's map. Only what a map cannot hold is refused here (a code written
 * twice, dates without a code); whether a code, range or date is right is the server's check
 * (the import's), whose message shows beside the row it names. Blank rows are dropped.
 */
export function codeDatesOf(rows: readonly CodeDateRow[]): { map: Record<string, CodeDates>; errors: Record<string, string> } {
  const map: Record<string, CodeDates> = {};
  const errors: Record<string, string> = {};
  for (const r of rows) {
    const code = r.code.trim().toUpperCase();
    const from = r.from.trim();
    const to = r.to.trim();
    if (code === '') {
      if (from !== '' || to !== '') errors['settings.codeDates'] = 'a row of code dates has dates but no code';
      continue;
    }
    if (code in map) errors[`settings.codeDates.${code}`] = `${code} has dates twice`;
    map[code] = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  return { map, errors };
}

/** R-CL-5's `priorAuthRequiredFor` on the form: a choice of all, none or a list, and the list as typed. */
export type PriorAuthMode = 'all' | 'none' | 'list';

/** the stored setting or a form's draft of it */
export type PriorAuthLike = 'all' | 'none' | ReadonlyArray<string | null | undefined> | null | undefined;

export function priorAuthMode(v: PriorAuthLike): PriorAuthMode {
  return Array.isArray(v) ? 'list' : v === 'none' ? 'none' : 'all';
}

export function priorAuthText(v: PriorAuthLike): string {
  return listText(v);
}

/**
 * The setting from the form: entries separated by commas or spaces, kept as typed (category ids
 * such as `antiInfective` are case-sensitive; the server names an entry that is neither).
 */
export function priorAuthOf(mode: PriorAuthMode, text: string): PayerSettings['priorAuthRequiredFor'] {
  return mode === 'list' ? listOf(text) : mode;
}
