// What a visit will bill once signed, shown while the nurse's times are typed. The codes and units
// come from the claim engine's own nursing rules (electron/claims/rules), never recomputed here.
import type { Db } from '../../../../db/repos/sql.ts';
import { listNurses } from '../../../../db/repos/nurses.ts';
import { getPatient } from '../../../../db/repos/patients.ts';
import { getPayer } from '../../../../db/repos/payers.ts';
import { listProducts } from '../../../../db/repos/products.ts';
import { getTherapy } from '../../../../db/repos/therapies.ts';
import { listPatientVisits } from '../../../../db/repos/visits.ts';
import type { Payer, Therapy, Visit } from '../../../domain/types.ts';
import { NURSING } from '../../../claims/codes.ts';
import { toDay } from '../../../claims/dates.ts';
import { doseDays } from '../../../claims/rules/doseDays.ts';
import { nurseQualified } from '../../../claims/rules/nurseQualification.ts';
import { additionalHours } from '../../../claims/rules/nursingCommercial.ts';
import { hitCode, hitUnits, isInitialVisit } from '../../../claims/rules/nursingMedicare.ts';
import { isAmphotericinB, monitoringUnits } from '../../../claims/rules/nursingMedicaidNc.ts';
import { visitMinutes } from '../../../claims/rules/visitTimes.ts';
import type { PreviewLine, VisitDraft, VisitPreview } from '../../contract/visits.ts';
import { blankToNull } from './ids.ts';
import { check } from './validate.ts';

/** The draft as the Visit record it would be saved as (blank optional fields → null). */
export function visitOf(draft: VisitDraft, id: string): Visit {
  return {
    id,
    patient: draft.patient,
    therapy: draft.therapy,
    nurse: draft.nurse,
    date: draft.date,
    arrival: draft.arrival,
    departure: draft.departure,
    departureDate: blankToNull(draft.departureDate),
    signed: draft.signed,
    notes: blankToNull(draft.notes),
  };
}

/** The stored records a visit refers to, for the import's reference checks. */
export function visitReferences(db: Db, draft: VisitDraft) {
  const patient = draft.patient ? getPatient(db, draft.patient) : null;
  const therapy = draft.therapy ? getTherapy(db, draft.therapy) : null;
  return {
    patient,
    therapy,
    existing: { patients: patient ? [patient] : [], therapies: therapy ? [therapy] : [], nurses: listNurses(db) },
  };
}

const TIME_FIELDS = ['date', 'arrival', 'departure', 'departureDate'];

/** R-NV-1 commercial: 99601 × 1, 99602 × each additional hour past 30 minutes. */
function commercialLines(minutes: number): PreviewLine[] {
  const c = NURSING.commercial;
  const lines: PreviewLine[] = [{ code: c.firstVisit, modifiers: [], units: 1, rule: 'R-NV-1', description: 'Nursing visit, first 2 hours' }];
  const extra = additionalHours(minutes);
  if (extra > 0) lines.push({ code: c.additionalHour, modifiers: [], units: extra, rule: 'R-NV-1', description: 'Each additional hour' });
  return lines;
}

/** R-NV-4 Medicare home infusion therapy: one G code on a dose day, 15-minute units. */
function medicareLines(db: Db, visit: Visit, therapy: Therapy, minutes: number, warnings: string[]): PreviewLine[] {
  const day = toDay(visit.date);
  if (doseDays(therapy, day, day).size === 0) {
    warnings.push(`R-NV-4: ${visit.date} is not a dose day of therapy ${therapy.id}, so Medicare does not pay this visit`);
    return [];
  }
  const others = listPatientVisits(db, visit.patient).filter((v) => v.id !== visit.id);
  const ordered = [...others, visit].sort((a, b) => a.date.localeCompare(b.date) || a.arrival.localeCompare(b.arrival) || a.id.localeCompare(b.id));
  const initial = isInitialVisit(visit, ordered);
  return [
    {
      code: hitCode(therapy, initial),
      modifiers: [],
      units: hitUnits(minutes),
      rule: 'R-NV-4',
      description: initial ? 'Home infusion therapy, initial visit (15-minute units)' : 'Home infusion therapy visit (15-minute units)',
    },
  ];
}

/** R-NV-5 NC Medicaid: T1030 once per date; T1002-SD for RN monitoring of amphotericin B. */
function medicaidNcLines(db: Db, visit: Visit, therapy: Therapy, minutes: number, nurseIsRn: boolean, warnings: string[]): PreviewLine[] {
  const m = NURSING.medicaidNc;
  const lines: PreviewLine[] = [];
  const sameDay = listPatientVisits(db, visit.patient).filter((v) => v.id !== visit.id && v.signed && v.date === visit.date);
  const earlier = sameDay.find((v) => getTherapy(db, v.therapy)?.payer === therapy.payer && v.arrival <= visit.arrival);
  if (earlier) warnings.push(`R-NV-5: ${m.perDiem} for ${visit.date} is billed once, with visit ${earlier.id}`);
  else lines.push({ code: m.perDiem, modifiers: [], units: 1, rule: 'R-NV-5', description: 'Nursing care in the home, per diem' });
  const products = new Map(listProducts(db).map((p) => [p.ndc, p]));
  const amphoB = therapy.drugs.some((d) => {
    const p = products.get(d.ndc);
    return p !== undefined && isAmphotericinB(p);
  });
  const units = monitoringUnits(minutes);
  if (amphoB && nurseIsRn && units > 0) {
    lines.push({ code: m.monitoring, modifiers: [m.monitoringModifier], units, rule: 'R-NV-5', description: 'RN monitoring of amphotericin B (15-minute units)' });
  }
  return lines;
}

/** R-NV-6: signed minutes of the patient with the payer that date, this visit included. */
function dayLimitWarning(db: Db, visit: Visit, payer: Payer, minutes: number): string | null {
  const max = payer.settings.nursingMaxHoursPerDay;
  if (max === null) return null;
  let total = minutes;
  for (const v of listPatientVisits(db, visit.patient)) {
    if (v.id === visit.id || !v.signed || v.date !== visit.date || getTherapy(db, v.therapy)?.payer !== payer.id) continue;
    const m = visitMinutes(v);
    if (typeof m === 'number') total += m;
  }
  return total > max * 60 ? `R-NV-6: ${(total / 60).toFixed(2)} hours of nursing on ${visit.date}; ${payer.name} pays at most ${max} a day` : null;
}

export function previewVisit(db: Db, draft: VisitDraft): VisitPreview {
  const visit = visitOf(draft, blankToNull(draft.id) ?? 'new');
  const refs = visitReferences(db, draft);
  const checkedVisit = check('visits', visit, refs.existing);
  const problems = checkedVisit.ok ? {} : checkedVisit.problems;
  const warnings: string[] = [];

  const timesOk = !TIME_FIELDS.some((f) => f in problems);
  const m = timesOk ? visitMinutes(visit) : null;
  const minutes = typeof m === 'number' ? m : null;
  const therapy = refs.therapy;
  const payer = therapy ? getPayer(db, therapy.payer) : null;
  const nurse = listNurses(db).find((n) => n.id === visit.nurse);

  let lines: PreviewLine[] = [];
  if (minutes !== null && therapy && payer) {
    const codeSet = payer.settings.codeSet;
    if (codeSet === 'medicare-hit') lines = medicareLines(db, visit, therapy, minutes, warnings);
    else if (codeSet === 'medicaid-nc') lines = medicaidNcLines(db, visit, therapy, minutes, nurse?.credential === 'RN', warnings);
    else {
      lines = commercialLines(minutes);
      // R-NV-3: the lines stay on the claim, with an error the biller must resolve
      if (nurse && !nurseQualified(nurse, payer.settings)) warnings.push(`R-NV-3: ${payer.name} pays nursing only for an RN; ${nurse.firstName} ${nurse.lastName} is an ${nurse.credential}`);
    }
    const limit = dayLimitWarning(db, visit, payer, minutes);
    if (limit) warnings.push(limit);
  }
  if (!draft.signed) warnings.push('R-NV-7: not signed yet, so it is not billed; sign it once the visit note is signed');

  return {
    minutes,
    payer: payer ? { id: payer.id, name: payer.name, codeSet: payer.settings.codeSet } : null,
    lines,
    problems,
    warnings,
  };
}
