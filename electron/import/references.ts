// References between records: to records of the same file, else to records already stored.
// A reference to a record that is in the file but invalid is not reported again (its own
// problems already are), and checks that need its content are skipped.
import type { Dataset, Nurse, Patient, Payer, Prescriber, Product, Therapy, Dispense, Visit } from '../domain/types.ts';
import { canConvert } from './measures.ts';
import { normalizeNdc } from './ndc.ts';

export interface Section<T> {
  key: string;
  /** valid records with their index in the file */
  records: { index: number; record: T }[];
  /** records that failed their own checks, as given, for the reference checks that still apply */
  invalid: { index: number; raw: Record<string, unknown> }[];
  byId: Map<string, T>;
  /** ids (NDCs for products) of every record in the file, valid or not */
  mentioned: Set<string>;
}

export interface Sections {
  payers: Section<Payer>;
  prescribers: Section<Prescriber>;
  nurses: Section<Nurse>;
  products: Section<Product>;
  patients: Section<Patient>;
  therapies: Section<Therapy>;
  dispenses: Section<Dispense>;
  visits: Section<Visit>;
}

const INVALID = Symbol('invalid');

class Lookup<T> {
  private stored: Map<string, T>;
  constructor(
    private section: Section<T>,
    stored: T[],
    key: (t: T) => string,
  ) {
    this.stored = new Map(stored.map((t) => [key(t), t]));
  }
  /** The record, INVALID when the file has it but it did not parse, undefined when unknown. */
  get(id: string): T | typeof INVALID | undefined {
    const inFile = this.section.byId.get(id);
    if (inFile) return inFile;
    if (this.section.mentioned.has(id)) return INVALID;
    return this.stored.get(id);
  }
}

export function checkReferences(s: Sections, existing: Dataset): string[] {
  const errors: string[] = [];
  const byId = <T extends { id: string }>(t: T) => t.id;
  const payers = new Lookup(s.payers, existing.payers, byId);
  const prescribers = new Lookup(s.prescribers, existing.prescribers, byId);
  const nurses = new Lookup(s.nurses, existing.nurses, byId);
  const products = new Lookup(s.products, existing.products, (p) => p.ndc);
  const patients = new Lookup(s.patients, existing.patients, byId);
  const therapies = new Lookup(s.therapies, existing.therapies, byId);

  const need = <T>(lookup: Lookup<T>, id: string, what: string, at: string): T | undefined => {
    const found = lookup.get(id);
    if (found === undefined) errors.push(`${at}: unknown ${what} '${id}'`);
    return found === INVALID ? undefined : found;
  };

  for (const { index, record: p } of s.patients.records) {
    p.coverages.forEach((c, j) => need(payers, c.payer, 'payer', `patients[${index}].coverages[${j}].payer`));
  }

  for (const { index, record: t } of s.therapies.records) {
    const at = `therapies[${index}]`;
    const patient = need(patients, t.patient, 'patient', `${at}.patient`);
    const payerKnown = need(payers, t.payer, 'payer', `${at}.payer`) !== undefined || payers.get(t.payer) === INVALID;
    if (patient && payerKnown && !patient.coverages.some((c) => c.payer === t.payer)) {
      errors.push(`${at}.payer: patient '${t.patient}' has no coverage with payer '${t.payer}'`);
    }
    need(prescribers, t.prescriber, 'prescriber', `${at}.prescriber`);
    t.drugs.forEach((d, j) => {
      // a drug line's source key names the therapy and NDC (drug:T:<ndc>:<date>): one NDC, one drug
      const first = t.drugs.findIndex((x) => x.ndc === d.ndc);
      if (first < j) errors.push(`${at}.drugs[${j}].ndc: ${d.ndc} is already drugs[${first}] of this therapy; give one drug its total dose`);
      const product = need(products, d.ndc, 'product NDC', `${at}.drugs[${j}].ndc`);
      if (!product) return;
      if (product.kind !== 'drug') {
        errors.push(`${at}.drugs[${j}].ndc: ${d.ndc} (${product.name}) is a supply, not a drug`);
        return;
      }
      // R-DR-3/R-DR-4: the dose must convert to the HCPCS unit and to the amount per NDC unit.
      for (const unit of [product.hcpcsUnit?.unit, product.drugPerNdcUnit?.unit]) {
        if (unit && !canConvert(d.dose.unit, unit)) {
          errors.push(`${at}.drugs[${j}].dose.unit: ${d.dose.unit} cannot convert to ${unit}, the unit of ${product.hcpcs} for ${d.ndc}`);
          break;
        }
      }
    });
  }

  // A re-imported patient must keep a coverage for each stored therapy billed to them.
  for (const { index, record: p } of s.patients.records) {
    for (const t of existing.therapies) {
      if (t.patient !== p.id || s.therapies.mentioned.has(t.id)) continue;
      if (!p.coverages.some((c) => c.payer === t.payer)) {
        errors.push(`patients[${index}].coverages: stored therapy '${t.id}' is billed to payer '${t.payer}', which these coverages leave out`);
      }
    }
  }

  // A re-imported therapy must keep the patient of its stored visits.
  for (const { index, record: t } of s.therapies.records) {
    for (const v of existing.visits) {
      if (v.therapy === t.id && v.patient !== t.patient && !s.visits.mentioned.has(v.id)) {
        errors.push(`therapies[${index}].patient: stored visit '${v.id}' of this therapy is for patient '${v.patient}'`);
      }
    }
  }

  // A re-imported product must still fit the doses of the stored therapies that use it.
  for (const { index, record: p } of s.products.records) {
    for (const t of existing.therapies) {
      if (s.therapies.mentioned.has(t.id)) continue;
      for (const d of t.drugs) {
        if (d.ndc !== p.ndc) continue;
        if (p.kind !== 'drug') {
          errors.push(`products[${index}].kind: stored therapy '${t.id}' gives ${p.ndc} as a drug`);
          continue;
        }
        const unit = [p.hcpcsUnit?.unit, p.drugPerNdcUnit?.unit].find((u) => u && !canConvert(d.dose.unit, u));
        if (unit) errors.push(`products[${index}].hcpcsUnit: stored therapy '${t.id}' doses ${p.ndc} in ${d.dose.unit}, which cannot convert to ${unit}`);
      }
    }
  }

  for (const { index, record: d } of s.dispenses.records) {
    need(therapies, d.therapy, 'therapy', `dispenses[${index}].therapy`);
    need(products, d.ndc, 'product NDC', `dispenses[${index}].ndc`);
  }

  for (const { index, record: v } of s.visits.records) {
    const at = `visits[${index}]`;
    need(patients, v.patient, 'patient', `${at}.patient`);
    const therapy = need(therapies, v.therapy, 'therapy', `${at}.therapy`);
    if (therapy && therapy.patient !== v.patient) {
      errors.push(`${at}.therapy: therapy '${v.therapy}' belongs to patient '${therapy.patient}', not '${v.patient}'`);
    }
    need(nurses, v.nurse, 'nurse', `${at}.nurse`);
  }
  checkInvalidRecords(s, { payers, prescribers, nurses, products, patients, therapies }, need);
  return errors;
}

type Need = <T>(lookup: Lookup<T>, id: string, what: string, at: string) => T | undefined;

/**
 * A record with a bad field still gets its references checked, so one import run lists every
 * problem; a reference field that is itself malformed was reported already and is skipped.
 */
function checkInvalidRecords(
  s: Sections,
  l: { payers: Lookup<Payer>; prescribers: Lookup<Prescriber>; nurses: Lookup<Nurse>; products: Lookup<Product>; patients: Lookup<Patient>; therapies: Lookup<Therapy> },
  need: Need,
): void {
  const id = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const ndc = (v: unknown) => {
    if (typeof v !== 'string') return undefined;
    const r = normalizeNdc(v);
    return r.ok ? r.ndc : undefined;
  };
  const ref = <T>(lookup: Lookup<T>, value: string | undefined, what: string, at: string) => {
    if (value !== undefined) need(lookup, value, what, at);
  };
  for (const { index, raw } of s.patients.invalid) {
    if (!Array.isArray(raw.coverages)) continue;
    raw.coverages.forEach((c: unknown, j) => {
      if (c && typeof c === 'object') ref(l.payers, id((c as Record<string, unknown>).payer), 'payer', `patients[${index}].coverages[${j}].payer`);
    });
  }
  for (const { index, raw } of s.therapies.invalid) {
    const at = `therapies[${index}]`;
    ref(l.patients, id(raw.patient), 'patient', `${at}.patient`);
    ref(l.payers, id(raw.payer), 'payer', `${at}.payer`);
    ref(l.prescribers, id(raw.prescriber), 'prescriber', `${at}.prescriber`);
    if (Array.isArray(raw.drugs)) {
      raw.drugs.forEach((d: unknown, j) => {
        if (d && typeof d === 'object') ref(l.products, ndc((d as Record<string, unknown>).ndc), 'product NDC', `${at}.drugs[${j}].ndc`);
      });
    }
  }
  for (const { index, raw } of s.dispenses.invalid) {
    ref(l.therapies, id(raw.therapy), 'therapy', `dispenses[${index}].therapy`);
    ref(l.products, ndc(raw.ndc), 'product NDC', `dispenses[${index}].ndc`);
  }
  for (const { index, raw } of s.visits.invalid) {
    ref(l.patients, id(raw.patient), 'patient', `visits[${index}].patient`);
    ref(l.therapies, id(raw.therapy), 'therapy', `visits[${index}].therapy`);
    ref(l.nurses, id(raw.nurse), 'nurse', `visits[${index}].nurse`);
  }
}
