// Per diem facts of every billed therapy (R-PD-1, R-PD-2, R-PD-4, R-PD-7, R-PD-8, R-PD-11,
// R-PD-12, R-PD-13) and their concurrency ranks (R-PD-5).
import { toIso } from '../dates.ts';
import type { EngineContext } from '../context.ts';
import { rankConcurrentPerDiems } from '../rules/concurrency.ts';
import { doseDays, therapySpan } from '../rules/doseDays.ts';
import { incidentalMessage, isIncidentalPerDiem } from '../rules/incidental.ts';
import { ORDER_PER_DIEM } from '../rules/lineOrder.ts';
import { perDiemCode } from '../rules/perDiemCode.ts';
import { PER_DIEM_UNITS_PER_DAY, perDiemDays } from '../rules/perDiemDays.ts';
import { ncMedicaidRouteNotCovered } from '../rules/medicaidNcRoutes.ts';
import { isNcMedicaidNutrition } from '../rules/nutritionMedicaidNc.ts';
import { selfAdministeredNotCovered } from '../rules/selfAdministered.ts';
import { selfAdministrationMissing } from '../rules/selfAdministrationRequired.ts';
import type { Fact, FactSink } from '../types.ts';
import { newFact, pushMap } from './fact.ts';

export interface PerDiemState {
  /** dose days → doses, per therapy id */
  doses: Map<string, Map<number, number>>;
  /** per diem fact per therapy id and day */
  perDiemOf: Map<string, Map<number, Fact>>;
  /** rank of a therapy's per diem among the patient × payer × date's (for drug line order) */
  rankOf: Map<string, Map<number, number>>;
  /** patient|day keys with any billed per diem (R-SU-1) */
  patientDays: Set<string>;
  /** the per diem code of each therapy that has one in its payer's code set, billed or not (R-SU-2) */
  codeOf: Map<string, string>;
}

export function perDiemFacts(ctx: EngineContext, sink: FactSink): PerDiemState {
  const state: PerDiemState = { doses: new Map(), perDiemOf: new Map(), rankOf: new Map(), patientDays: new Set(), codeOf: new Map() };
  const concurrent = new Map<string, Fact[]>();
  for (const therapy of ctx.billedTherapies) {
    const payer = ctx.payers.get(therapy.payer)!;
    const patient = ctx.patients.get(therapy.patient);
    if (!patient) continue;
    const settings = payer.settings;
    const span = therapySpan(therapy);
    const doses = doseDays(therapy, ctx.from, ctx.to, span);
    state.doses.set(therapy.id, doses);
    const days = perDiemDays(settings, span, doses, ctx.from, ctx.to);
    if (days.length === 0 && doses.size === 0) continue;

    const therapyError = (rule: string, message: string) =>
      sink.findings.push({ severity: 'error', rule, message, patient: patient.id, day: days[0] ?? null, therapy: therapy.id, anchor: { therapy: therapy.id } });
    const selfAdmin = selfAdministeredNotCovered(therapy, settings);
    if (selfAdmin) therapyError('R-PD-8', selfAdmin);
    const notSelfAdmin = selfAdministrationMissing(therapy, settings);
    if (notSelfAdmin) therapyError('R-PD-11', notSelfAdmin);
    if (isNcMedicaidNutrition(therapy, settings) && !therapy.perDiemCode) continue; // R-PD-13: covered, no per diem code
    const route = ncMedicaidRouteNotCovered(therapy, settings);
    if (route) {
      therapyError('R-PD-12', route);
      continue;
    }
    const code = perDiemCode(therapy, settings.codeSet);
    if ('none' in code) continue;
    if ('error' in code) {
      therapyError('R-PD-4', code.error);
      continue;
    }
    state.codeOf.set(therapy.id, code.code);
    if (isIncidentalPerDiem(code.code, settings)) {
      if (days.length > 0) {
        sink.findings.push({
          severity: 'info', rule: 'R-PD-7', message: incidentalMessage(code.code, therapy.id, payer.name),
          patient: patient.id, day: days[0]!, therapy: therapy.id, code: code.code, anchor: null,
        });
      }
      continue;
    }
    const byDay = new Map<number, Fact>();
    state.perDiemOf.set(therapy.id, byDay);
    for (const day of days) {
      const fact = newFact(ctx, {
        kind: 'perDiem', therapy, patient, payer, day, code: code.code, modifiers: [], units: PER_DIEM_UNITS_PER_DAY, ndc: null, ndcQty: null, ndcUnit: null,
        sourceKey: `perdiem:${therapy.id}:${toIso(day)}`, order: [ORDER_PER_DIEM, 0], visit: null, nurse: null, dispenseId: null, product: null,
      });
      sink.facts.push(fact);
      byDay.set(day, fact);
      state.patientDays.add(`${patient.id}|${day}`);
      pushMap(concurrent, `${patient.id}\u0000${payer.id}\u0000${day}`, fact);
    }
  }
  // R-PD-5 over the per diems actually billed, per patient × payer × date
  for (const facts of concurrent.values()) {
    const ranked = rankConcurrentPerDiems(facts, facts[0]!.settings);
    ranked.forEach((f, rank) => {
      let m = state.rankOf.get(f.therapy.id);
      if (!m) state.rankOf.set(f.therapy.id, (m = new Map()));
      m.set(f.day, rank);
    });
  }
  return state;
}
