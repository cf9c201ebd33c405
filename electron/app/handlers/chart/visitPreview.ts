// What a visit will bill once signed, shown while the nurse's times are typed. The claim engine
// itself is run over the patient's records for the visit's date with this visit signed, and the
// visit's nursing lines and findings are read back: the preview can never disagree with a build
// (R-NV-1 99601/99602, R-NV-4 Medicare G codes on dose days, R-NV-5 NC Medicaid T1030/T1002).
import type { Db } from '../../../../db/repos/sql.ts';
import { getChargeMaster } from '../../../../db/repos/chargeMaster.ts';
import { listPatientDispenses } from '../../../../db/repos/dispenses.ts';
import { listNurses } from '../../../../db/repos/nurses.ts';
import { getPatient } from '../../../../db/repos/patients.ts';
import { listPayers } from '../../../../db/repos/payers.ts';
import { listPrescribers } from '../../../../db/repos/prescribers.ts';
import { listProducts } from '../../../../db/repos/products.ts';
import { getTherapy, listPatientTherapies } from '../../../../db/repos/therapies.ts';
import { listPatientVisits } from '../../../../db/repos/visits.ts';
import type { ClaimLine } from '../../../domain/claims.ts';
import type { Dataset, IsoDate, Nurse, Patient, Payer, Therapy, Visit } from '../../../domain/types.ts';
import { buildClaims } from '../../../claims/index.ts';
import { NURSING } from '../../../claims/codes.ts';
import { visitMinutes } from '../../../claims/rules/visitTimes.ts';
import type { PreviewLine, VisitDraft, VisitPreview } from '../../../contract/visits.ts';
import { blankToNull } from './ids.ts';
import { check } from './validate.ts';

/** the id a visit not saved yet has inside the preview's build */
const NEW_VISIT = '(new visit)';

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

/** What each nursing code is, for the preview's words; the rule id follows the code set. */
function describe(code: string): { rule: string; description: string } {
  const c = NURSING.commercial;
  const m = NURSING.medicareHit;
  const nc = NURSING.medicaidNc;
  if (code === c.firstVisit) return { rule: 'R-NV-1', description: 'Nursing visit, first 2 hours' };
  if (code === c.additionalHour) return { rule: 'R-NV-1', description: 'Each additional hour' };
  if (Object.values(m.initial).includes(code)) return { rule: 'R-NV-4', description: 'Home infusion therapy, initial visit (15-minute units)' };
  if (Object.values(m.subsequent).includes(code)) return { rule: 'R-NV-4', description: 'Home infusion therapy visit (15-minute units)' };
  if (code === nc.perDiem) return { rule: 'R-NV-5', description: 'Nursing care in the home, per diem' };
  if (code === nc.monitoring) return { rule: 'R-NV-5', description: 'RN monitoring of amphotericin B (15-minute units)' };
  return { rule: '', description: 'Nursing' };
}

/** The engine over the patient's records for the visit's date, with `visit` (signed) in place of its stored self. */
function engineRun(db: Db, patient: Patient, visit: Visit, today: IsoDate, known: { payers: Payer[]; nurses: Nurse[] }) {
  const others = listPatientVisits(db, patient.id).filter((v) => v.id !== visit.id);
  const dataset: Dataset = {
    organization: null,
    clearinghouse: null,
    chargeMaster: getChargeMaster(db),
    payers: known.payers,
    prescribers: listPrescribers(db),
    nurses: known.nurses,
    products: listProducts(db),
    patients: [patient],
    therapies: listPatientTherapies(db, patient.id),
    dispenses: listPatientDispenses(db, patient.id),
    visits: [...others, { ...visit, signed: true }],
  };
  return buildClaims(dataset, { from: visit.date, to: visit.date }, { today });
}

function previewLine(l: ClaimLine): PreviewLine {
  return { code: l.code, modifiers: l.modifiers, units: l.units, chargeCents: l.chargeCents, ...describe(l.code) };
}

export function previewVisit(db: Db, draft: VisitDraft, today: IsoDate): VisitPreview {
  const visit = visitOf(draft, blankToNull(draft.id) ?? NEW_VISIT);
  const refs = visitReferences(db, draft);
  const checkedVisit = check('visits', visit, refs.existing);
  const problems = checkedVisit.ok ? {} : checkedVisit.problems;
  const timesOk = !TIME_FIELDS.some((f) => f in problems);
  const m = timesOk ? visitMinutes(visit) : null;
  const minutes = typeof m === 'number' ? m : null;
  const therapy: Therapy | null = refs.therapy && refs.therapy.patient === refs.patient?.id ? refs.therapy : null;
  const payers = listPayers(db);
  const payer = therapy ? (payers.find((p) => p.id === therapy.payer) ?? null) : null;

  const lines: PreviewLine[] = [];
  const warnings: string[] = [];
  if (minutes !== null && refs.patient && therapy) {
    const result = engineRun(db, refs.patient, visit, today, { payers, nurses: refs.existing.nurses });
    for (const claim of result.claims) for (const l of claim.lines) if (l.kind === 'nursing' && l.visit === visit.id) lines.push(previewLine(l));
    for (const f of result.findings) {
      // a nurse not chosen yet is not a qualification problem (R-NV-3)
      if (f.visit !== visit.id || !f.rule.startsWith('R-NV') || (f.rule === 'R-NV-3' && !draft.nurse)) continue;
      warnings.push(`${f.rule}: ${f.message.replaceAll(`Visit ${NEW_VISIT}`, 'This visit').replaceAll(NEW_VISIT, 'this visit')}`);
    }
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
