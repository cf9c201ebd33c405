// Nursing facts from visits (R-NV-1 … R-NV-7), per the payer's code set.
import type { Therapy, Visit } from '../../domain/types.ts';
import { NURSING } from '../codes.ts';
import type { EngineContext } from '../context.ts';
import { clockMinutes, toDay, toIso } from '../dates.ts';
import { ORDER_NURSING } from '../rules/lineOrder.ts';
import { nurseQualified } from '../rules/nurseQualification.ts';
import { additionalHours } from '../rules/nursingCommercial.ts';
import { overNursingLimit } from '../rules/nursingLimit.ts';
import { isAmphotericinB, monitoringUnits, ncNurseNotRn, ncNutritionVisitNotCovered } from '../rules/nursingMedicaidNc.ts';
import { hitCode, hitKey, hitUnits, isInitialVisit } from '../rules/nursingMedicare.ts';
import { unsignedVisitMessage } from '../rules/unsignedVisits.ts';
import { visitMinutes } from '../rules/visitTimes.ts';
import type { FactSink } from '../types.ts';
import { newFact, pushMap } from './fact.ts';
import type { PerDiemState } from './perDiems.ts';

interface SignedVisit {
  visit: Visit;
  therapy: Therapy;
  day: number;
  minutes: number;
  arrival: number;
}

export function nursingFacts(ctx: EngineContext, perDiems: PerDiemState, sink: FactSink): void {
  const billed = new Set(ctx.billedTherapies.map((t) => t.id));
  const byPatientPayerDay = new Map<string, SignedVisit[]>();
  const visits = ctx.dataset.visits.filter((v) => billed.has(v.therapy)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  visits.forEach((visit) => {
    const day = toDay(visit.date);
    if (day < ctx.from || day > ctx.to) return;
    const therapy = ctx.therapies.get(visit.therapy)!;
    if (!visit.signed) {
      sink.findings.push({ severity: 'warning', rule: 'R-NV-7', message: unsignedVisitMessage(visit), patient: visit.patient, day, therapy: therapy.id, visit: visit.id, anchor: { therapy: therapy.id, day } });
      return;
    }
    const minutes = visitMinutes(visit);
    if (typeof minutes !== 'number') {
      sink.findings.push({ severity: 'error', rule: 'R-NV-2', message: minutes.error, patient: visit.patient, day, therapy: therapy.id, visit: visit.id, anchor: { therapy: therapy.id, day } });
      return;
    }
    const nutrition = ctx.payers.get(therapy.payer)!.settings.codeSet === 'medicaid-nc' ? ncNutritionVisitNotCovered(therapy, visit.id) : null;
    if (nutrition) {
      sink.findings.push({ severity: 'warning', rule: 'R-NV-8', message: nutrition, patient: visit.patient, day, therapy: therapy.id, visit: visit.id, anchor: null });
      return;
    }
    pushMap(byPatientPayerDay, `${visit.patient}\u0000${therapy.payer}\u0000${day}`, { visit, therapy, day, minutes, arrival: clockMinutes(visit.arrival)! });
  });

  for (const group of byPatientPayerDay.values()) {
    group.sort((a, b) => a.arrival - b.arrival || (a.visit.id < b.visit.id ? -1 : 1));
    const first = group[0]!;
    const payer = ctx.payers.get(first.therapy.payer)!;
    const patient = ctx.patients.get(first.visit.patient);
    if (!patient) continue;
    const settings = payer.settings;
    const total = group.reduce((s, v) => s + v.minutes, 0);
    if (overNursingLimit(total, settings.nursingMaxHoursPerDay)) {
      sink.findings.push({
        severity: 'warning', rule: 'R-NV-6', patient: patient.id, day: first.day, therapy: first.therapy.id, visit: first.visit.id, anchor: { therapy: first.therapy.id, day: first.day },
        message: `${(total / 60).toFixed(2)} hours of nursing on ${toIso(first.day)} exceed the ${settings.nursingMaxHoursPerDay} hours a day ${payer.name} allows`,
      });
    }
    group.forEach((sv, i) => {
      const { visit, therapy, day, minutes } = sv;
      const nurse = ctx.nurses.get(visit.nurse);
      const order = (code: number) => [ORDER_NURSING, sv.arrival, i, code];
      const nursingFact = (code: string, units: number, position: number, modifiers: string[] = [], sourceKey = `visit:${visit.id}:${code}`) =>
        newFact(ctx, {
          kind: 'nursing', therapy, patient, payer, day, code, modifiers, units, ndc: null, ndcQty: null, ndcUnit: null,
          sourceKey, order: order(position), visit, nurse: nurse ?? null, dispenseId: null, product: null,
        });
      if (settings.codeSet === 'commercial') {
        const f601 = nursingFact(NURSING.commercial.firstVisit, 1, 0);
        sink.facts.push(f601);
        const extra = additionalHours(minutes);
        if (extra > 0) {
          sink.facts.push(nursingFact(NURSING.commercial.additionalHour, extra, 1));
        }
        if (!nurseQualified(nurse, settings)) {
          sink.findings.push({
            severity: 'error', rule: 'R-NV-3', patient: patient.id, day, therapy: therapy.id, visit: visit.id, code: f601.code, anchor: { line: f601 },
            message: `Visit ${visit.id} was made by ${nurse ? `${nurse.firstName} ${nurse.lastName} (${nurse.credential})` : `unknown nurse ${visit.nurse}`}; ${payer.name} pays 99601/99602 only for an RN`,
          });
        }
      } else if (settings.codeSet === 'medicare-hit') {
        if (!perDiems.doses.get(therapy.id)?.has(day)) {
          sink.findings.push({
            severity: 'warning', rule: 'R-NV-4', patient: patient.id, day, therapy: therapy.id, visit: visit.id, anchor: { therapy: therapy.id, day },
            message: `Visit ${visit.id} on ${visit.date} is not on a dose day of therapy ${therapy.id}, so Medicare home infusion services are not billed for it`,
          });
          return;
        }
        const units = hitUnits(minutes);
        if (units < 1) {
          sink.findings.push({
            severity: 'warning', rule: 'R-NV-4', patient: patient.id, day, therapy: therapy.id, visit: visit.id, anchor: { therapy: therapy.id, day },
            message: `Visit ${visit.id} lasted ${minutes} minutes, less than one 15-minute unit; it is not billed`,
          });
          return;
        }
        const code = hitCode(therapy, isInitialVisit(visit, ctx.previousSignedDay.get(visit) ?? null));
        sink.facts.push(nursingFact(code, units, 0, [], hitKey(visit.id)));
      } else {
        const nc = NURSING.medicaidNc;
        const notRn = (line: ReturnType<typeof nursingFact>) => {
          const message = ncNurseNotRn(nurse, visit.id, line.code);
          if (message) sink.findings.push({ severity: 'error', rule: 'R-NV-8', patient: patient.id, day, therapy: therapy.id, visit: visit.id, code: line.code, anchor: { line }, message });
        };
        if (i === 0) {
          // one T1030 per patient × payer × date (R-NV-5), keyed so: a visit signed late is the same fact
          const t1030 = nursingFact(nc.perDiem, 1, 0, [], `t1030:${patient.id}:${payer.id}:${toIso(day)}`);
          sink.facts.push(t1030);
          notRn(t1030);
          if (!perDiems.perDiemOf.get(therapy.id)?.has(day)) {
            sink.findings.push({
              severity: 'error', rule: 'R-NV-5', patient: patient.id, day, therapy: therapy.id, visit: visit.id, code: nc.perDiem, anchor: { line: t1030 },
              message: `T1030 on ${visit.date} must be billed with the per diem of therapy ${therapy.id}, which has none that day`,
            });
          }
        }
        const amphotericin = therapy.drugs.some((d) => {
          const p = ctx.products.get(d.ndc);
          return p !== undefined && isAmphotericinB(p);
        });
        const units = monitoringUnits(minutes);
        if (amphotericin && units > 0) {
          const t1002 = nursingFact(nc.monitoring, units, 1, [nc.monitoringModifier]);
          sink.facts.push(t1002);
          notRn(t1002);
        }
      }
    });
  }
}
