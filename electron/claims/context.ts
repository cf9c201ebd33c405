// Lookups over a Dataset that every rule needs, built once per build.
import type { Dataset, Dispense, Nurse, Patient, Payer, Product, Therapy, Visit } from '../domain/types.ts';
import { toDay } from './dates.ts';
import { pushMap } from './facts/fact.ts';
import type { BuildOptions, BuildRange } from './types.ts';

export interface EngineContext {
  dataset: Dataset;
  from: number;
  to: number;
  today: number;
  payers: Map<string, Payer>;
  patients: Map<string, Patient>;
  products: Map<string, Product>;
  nurses: Map<string, Nurse>;
  visits: Map<string, Visit>;
  therapies: Map<string, Therapy>;
  /**
   * every therapy with a known payer, in start, id order: facts are made for all of them, since
   * rules look across payers of a patient (R-SU-1, R-PD-9); the payer filter applies afterwards
   */
  billedTherapies: Therapy[];
  payerFilter: string | null;
  dispensesByTherapy: Map<string, Dispense[]>;
  /**
   * day of the patient's signed visit just before each visit (by date, then arrival), or null:
   * one pass per patient instead of a scan of the patient's visits for each one (R-NV-4 episodes)
   */
  previousSignedDay: Map<Visit, number | null>;
  options: BuildOptions;
}

export function byStartThenId(a: Therapy, b: Therapy): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function createContext(dataset: Dataset, range: BuildRange, options: BuildOptions): EngineContext {
  const payers = new Map(dataset.payers.map((p) => [p.id, p]));
  const therapies = new Map(dataset.therapies.map((t) => [t.id, t]));
  const billedTherapies = dataset.therapies.filter((t) => payers.has(t.payer)).sort(byStartThenId);
  const dispensesByTherapy = new Map<string, Dispense[]>();
  for (const d of dataset.dispenses) pushMap(dispensesByTherapy, d.therapy, d);
  const visitsByPatient = new Map<string, Visit[]>();
  for (const v of dataset.visits) pushMap(visitsByPatient, v.patient, v);
  const previousSignedDay = new Map<Visit, number | null>();
  for (const list of visitsByPatient.values()) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : 0));
    let previous: number | null = null;
    for (const v of list) {
      previousSignedDay.set(v, previous);
      if (v.signed) previous = toDay(v.date);
    }
  }
  return {
    dataset,
    from: toDay(range.from),
    to: toDay(range.to),
    today: toDay(options.today),
    payers,
    patients: new Map(dataset.patients.map((p) => [p.id, p])),
    products: new Map(dataset.products.map((p) => [p.ndc, p])),
    nurses: new Map(dataset.nurses.map((n) => [n.id, n])),
    visits: new Map(dataset.visits.map((v) => [v.id, v])),
    therapies,
    billedTherapies,
    payerFilter: range.payer ?? null,
    dispensesByTherapy,
    previousSignedDay,
    options,
  };
}
