// Read models the chart, the visit log and the dispensing log show: records joined with the names
// a biller reads, built from the store's repositories.
import type { Db } from '../../../../db/repos/sql.ts';
import { getPatient, listPatients, listPatientsByIds } from '../../../../db/repos/patients.ts';
import { listPayers } from '../../../../db/repos/payers.ts';
import { listPrescribers } from '../../../../db/repos/prescribers.ts';
import { listNurses } from '../../../../db/repos/nurses.ts';
import { listProducts } from '../../../../db/repos/products.ts';
import { getTherapy, listTherapies } from '../../../../db/repos/therapies.ts';
import type { Dispense, IsoDate, Nurse, Patient, Payer, Prescriber, Product, Schedule, Therapy, Visit } from '../../../domain/types.ts';
import { visitMinutes } from '../../../claims/rules/visitTimes.ts';
import { isActive, therapySpan } from '../../../claims/rules/doseDays.ts';
import { toDay } from '../../../claims/dates.ts';
import type { AuthUsage, TherapyOption, TherapyView } from '../../../contract/therapies.ts';
import type { VisitRow } from '../../../contract/visits.ts';
import type { DispenseRow } from '../../../contract/dispenses.ts';
import { authorizationUsage } from './authUsage.ts';
import { findClaims, type StoredClaim } from '../../../../db/repos/claims.ts';

export const personName = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

/** `antiInfective` → `Anti-infective`; the identifiers of billing-rules §8 read as words. */
export function categoryLabel(category: string): string {
  const words = category.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const joined = words.replace(/^anti /, 'anti-').replace(/^tpn$/, 'TPN').replace(/ tnf$/, '-TNF').replace(/ noc$/, ' NOC');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export function scheduleText(s: Schedule): string {
  if ('everyHours' in s) return s.everyHours === 24 ? 'once a day' : `every ${s.everyHours} hours`;
  if ('everyDays' in s) return s.everyDays === 1 ? 'every day' : `every ${s.everyDays} days`;
  if ('weekly' in s) return 'once a week';
  if ('monthly' in s) return 'once a month';
  return 'continuous';
}

/** Everything the views look names up in, read once per request. */
export class Names {
  private patients = new Map<string, Patient | null>();
  private therapies = new Map<string, Therapy | null>();
  private claims = new Map<string, StoredClaim[]>();
  readonly payers: Map<string, Payer>;
  readonly prescribers: Map<string, Prescriber>;
  readonly nurses: Map<string, Nurse>;
  readonly products: Map<string, Product>;

  /**
   * `bulk`: the request lists many records (the logs), so every patient and therapy is read in a
   * few queries up front instead of one lookup per row.
   */
  constructor(
    readonly db: Db,
    bulk = false,
  ) {
    if (bulk) {
      for (const p of listPatients(db)) this.patients.set(p.id, p);
      for (const t of listTherapies(db)) this.therapies.set(t.id, t);
    }
    this.payers = new Map(listPayers(db).map((p) => [p.id, p]));
    this.prescribers = new Map(listPrescribers(db).map((p) => [p.id, p]));
    this.nurses = new Map(listNurses(db).map((n) => [n.id, n]));
    this.products = new Map(listProducts(db).map((p) => [p.ndc, p]));
  }

  /** reads the patients a list names in one go (a log of 100 rows, not the whole office) */
  preloadPatients(ids: Iterable<string>): void {
    const missing = [...new Set(ids)].filter((id) => !this.patients.has(id));
    for (const p of listPatientsByIds(this.db, missing)) this.patients.set(p.id, p);
  }

  patient(id: string): Patient | null {
    if (!this.patients.has(id)) this.patients.set(id, getPatient(this.db, id));
    return this.patients.get(id) ?? null;
  }

  therapy(id: string): Therapy | null {
    if (!this.therapies.has(id)) this.therapies.set(id, getTherapy(this.db, id));
    return this.therapies.get(id) ?? null;
  }

  remember(t: Therapy): void {
    this.therapies.set(t.id, t);
  }

  /** the patient's stored claims, read once per request (authorization use, R-CL-5) */
  patientClaims(patient: string): StoredClaim[] {
    let c = this.claims.get(patient);
    if (!c) this.claims.set(patient, (c = findClaims(this.db, { patient })));
    return c;
  }

  payerName(id: string): string {
    return this.payers.get(id)?.name ?? id;
  }

  patientName(id: string): string {
    const p = this.patient(id);
    return p ? personName(p) : id;
  }

  therapyLabel(t: Therapy): string {
    const drugs = t.drugs.map((d) => this.products.get(d.ndc)?.name ?? d.ndc);
    return [categoryLabel(t.category), drugs.join(' + '), scheduleText(t.schedule)].filter(Boolean).join(' · ');
  }
}

/** `version`: the therapy's (db/repos/versions.ts), sent back by the therapy form's save */
export function therapyView(names: Names, t: Therapy, today: IsoDate, version: number): TherapyView {
  const prescriber = names.prescribers.get(t.prescriber);
  const span = therapySpan(t);
  const day = toDay(today);
  const inRange = day >= span.start && day <= span.stop;
  const authorizations: AuthUsage[] = authorizationUsage(t, t.priorAuths.length ? names.patientClaims(t.patient) : []);
  return {
    therapy: t,
    version,
    payerName: names.payerName(t.payer),
    prescriberName: prescriber ? `${prescriber.firstName} ${prescriber.lastName}` : t.prescriber,
    authorizations,
    drugs: t.drugs.map((d) => {
      const p = names.products.get(d.ndc);
      return { ndc: d.ndc, dose: d.dose, productName: p?.name ?? null, hcpcs: p?.hcpcs ?? null };
    }),
    categoryLabel: categoryLabel(t.category),
    scheduleText: scheduleText(t.schedule),
    onHoldToday: inRange && !isActive(span, day),
  };
}

export function therapyOption(names: Names, t: Therapy): TherapyOption {
  return {
    id: t.id,
    patient: t.patient,
    payer: t.payer,
    payerName: names.payerName(t.payer),
    label: names.therapyLabel(t),
    start: t.start,
    stop: t.stop ?? null,
    ndcs: t.drugs.map((d) => d.ndc),
  };
}

export function minutesOrNull(v: Visit): number | null {
  const m = visitMinutes(v);
  return typeof m === 'number' ? m : null;
}

/** `version`: the visit's (db/repos/versions.ts versionsOf, read once for a whole list) */
export function visitRow(names: Names, v: Visit, version: number): VisitRow {
  const nurse = names.nurses.get(v.nurse);
  const therapy = names.therapy(v.therapy);
  return {
    ...v,
    patientName: names.patientName(v.patient),
    nurseName: nurse ? personName(nurse) : v.nurse,
    nurseCredential: nurse?.credential ?? null,
    therapyLabel: therapy ? names.therapyLabel(therapy) : v.therapy,
    minutes: minutesOrNull(v),
    version,
  };
}

/** `patient`: the therapy's patient when the caller has it already (the log's query joins it), saving a therapy read per row */
export function dispenseRow(names: Names, d: Dispense, patient: string = names.therapy(d.therapy)?.patient ?? ''): DispenseRow {
  const product = names.products.get(d.ndc);
  return {
    ...d,
    patient,
    patientName: patient ? names.patientName(patient) : '',
    productName: product?.name ?? null,
    hcpcs: product?.hcpcs ?? null,
    ndcUnit: product?.ndcUnit ?? null,
  };
}
