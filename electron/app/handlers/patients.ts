// Patients: search, the chart, demographics and coverages. Saves are checked by the import's own
// schemas (chart/validate.ts) and written in one transaction.
import { nurseScope } from './chart/nurseScope.ts';
import { z } from 'zod';
import { getPatient, isoFromUsDate, savePatient, searchPatients } from '../../../db/repos/patients.ts';
import { listPatientTherapies } from '../../../db/repos/therapies.ts';
import { listPatientDispenses } from '../../../db/repos/dispenses.ts';
import { listPatientVisits } from '../../../db/repos/visits.ts';
import { listPayers } from '../../../db/repos/payers.ts';
import { listPrescribers } from '../../../db/repos/prescribers.ts';
import { listNurses } from '../../../db/repos/nurses.ts';
import { listProducts } from '../../../db/repos/products.ts';
import type { Db } from '../../../db/repos/sql.ts';
import type { Coverage, Patient } from '../../domain/types.ts';
import { MEASURES } from '../../import/measures.ts';
import { EVERY_HOURS, THERAPY_CATEGORIES } from '../../import/enums.ts';
import { ROUTES } from '../../domain/types.ts';
import type { PatientHit, PatientsHandlers } from '../../contract/patients.ts';
import { defineHandlers } from '../define.ts';
import { FieldError, UserError } from '../../domain/errors.ts';
import { checked } from './chart/validate.ts';
import { Names, categoryLabel, dispenseRow, personName, therapyView, visitRow } from './chart/views.ts';
import { claimSummaries } from './chart/claimsView.ts';
import { versionOf, versionsOf } from '../../../db/repos/versions.ts';
import { requireVersion } from '../versions.ts';
import type { Versioned } from '../../contract/result.ts';
import { record, versionArg } from '../args.ts';


function mustGet(db: Db, id: string): Patient {
  const p = getPatient(db, id);
  if (!p) throw new UserError(`There is no patient with account number '${id}'`);
  return p;
}

/** Checks a whole patient against the stored payers and the patient's stored therapies (a coverage a therapy bills to must stay). */
function checkPatient(db: Db, p: unknown, id: string): Patient {
  return checked('patients', p, { payers: listPayers(db), therapies: listPatientTherapies(db, id) }, `Patient ${id || '(new)'}`);
}

/** Saves the whole patient in one transaction; `expected`: the version the form started from (checked inside it). */
function write(db: Db, p: Patient, expected?: number): Versioned<Patient> {
  db.transaction(() => {
    requireVersion(db, 'patients', p.id, expected, `Patient ${p.id}`);
    savePatient(db, p);
  })();
  return { ...getPatient(db, p.id)!, version: versionOf(db, 'patients', p.id) };
}


/** The chart's visits, newest first, each with its version. */
function chartVisits(db: Db, names: Names, patientId: string) {
  const visits = listPatientVisits(db, patientId);
  const versions = versionsOf(db, 'visits', visits.map((v) => v.id));
  return visits.map((v) => visitRow(names, v, versions.get(v.id) ?? 0)).reverse();
}

/** Which field a search word found, so the result list can show it. */
function matchedField(p: Patient, query: string): PatientHit['matched'] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const w of words) {
    if ((isoFromUsDate(w) ?? w) === p.dob) return 'dob';
    if (p.id.toLowerCase().startsWith(w) && !p.firstName.toLowerCase().startsWith(w) && !p.lastName.toLowerCase().startsWith(w)) return 'account';
    if (p.coverages.some((c) => c.memberId.toLowerCase().startsWith(w))) return 'memberId';
  }
  return 'name';
}

function hit(p: Patient, query: string): PatientHit {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    middle: p.middle ?? null,
    dob: p.dob,
    sex: p.sex,
    memberIds: [...p.coverages].sort((a, b) => a.priority - b.priority).map((c) => c.memberId),
    matched: matchedField(p, query),
  };
}

function withCoverage(p: Patient, index: number | null, coverage: Coverage): Patient {
  const coverages = [...p.coverages];
  if (index === null) coverages.push(coverage);
  else if (index >= 0 && index < coverages.length) coverages[index] = coverage;
  else throw new UserError(`Patient ${p.id} has no coverage number ${index + 1}`);
  return { ...p, coverages };
}

/** Problems of coverages[i].x are shown on the coverage form as x. */
function coverageFieldError(e: unknown, index: number): unknown {
  if (!(e instanceof FieldError)) return e;
  const prefix = `coverages[${index}]`;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.fields)) {
    fields[k.startsWith(prefix) ? k.slice(prefix.length).replace(/^\./, '') || '(record)' : k] = v;
  }
  return new FieldError(e.message, fields);
}

export default defineHandlers<PatientsHandlers>({
  'patients.search': {
    args: z.object({ query: z.string().max(200), limit: z.number().int().positive().max(500).optional() }),
    // a nurse finds only her patients (chart/nurseScope.ts)
    run: (ctx, { query, limit }) => searchPatients(ctx.db, query, limit ?? 50, nurseScope(ctx)).map((p) => hit(p, query)),
  },

  'patients.chart': {
    args: z.object({ id: z.string() }),
    run: ({ db, today }, { id }) => {
      const patient = mustGet(db, id);
      const names = new Names(db);
      const therapies = listPatientTherapies(db, id);
      therapies.forEach((t) => names.remember(t));
      const payerNames: Record<string, string> = {};
      for (const c of patient.coverages) payerNames[c.payer] = names.payerName(c.payer);
      for (const t of therapies) payerNames[t.payer] = names.payerName(t.payer);
      return {
        patient,
        version: versionOf(db, 'patients', id),
        payerNames,
        therapies: therapies.map((t) => therapyView(names, t, today(), versionOf(db, 'therapies', t.id))),
        dispenses: listPatientDispenses(db, id).map((d) => dispenseRow(names, d)).reverse(),
        visits: chartVisits(db, names, id),
        claims: claimSummaries(db, id, names),
      };
    },
  },

  'patients.lookups': {
    run: ({ db }) => ({
      payers: listPayers(db).map((p) => ({ id: p.id, name: p.name, codeSet: p.settings.codeSet })),
      prescribers: listPrescribers(db).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, npi: p.npi })),
      nurses: listNurses(db).map((n) => ({ id: n.id, name: personName(n), credential: n.credential })),
      products: listProducts(db).map((p) => ({ ndc: p.ndc, name: p.name, kind: p.kind, hcpcs: p.hcpcs, ndcUnit: p.ndcUnit ?? null })),
      categories: THERAPY_CATEGORIES.map((id) => ({ id, label: categoryLabel(id) })),
      routes: [...ROUTES],
      everyHours: [...EVERY_HOURS],
      measures: [...MEASURES],
    }),
  },

  'patients.create': {
    args: record<Patient>(),
    run: ({ db }, p) => {
      const id = typeof p.id === 'string' ? p.id.trim() : '';
      const existing = id ? getPatient(db, id) : null;
      if (existing) {
        throw new FieldError(`Account number ${id} is already used`, { id: `${id} is already the account of ${personName(existing)}` });
      }
      return write(db, checkPatient(db, p, id));
    },
  },

  'patients.update': {
    args: record<Patient & { version?: number }>(),
    run: ({ db }, { version, ...p }) => {
      mustGet(db, p.id);
      return write(db, checkPatient(db, p, p.id), versionArg.parse(version));
    },
  },

  'patients.saveCoverage': {
    args: z.object({ patient: z.string(), index: z.number().int().nonnegative().nullable(), coverage: record<Coverage>(), version: versionArg }),
    run: ({ db }, { patient, index, coverage, version }) => {
      const p = mustGet(db, patient);
      const next = withCoverage(p, index, coverage);
      try {
        return write(db, checkPatient(db, next, p.id), version);
      } catch (e) {
        throw coverageFieldError(e, index ?? next.coverages.length - 1);
      }
    },
  },

  'patients.removeCoverage': {
    args: z.object({ patient: z.string(), index: z.number().int().nonnegative(), version: versionArg }),
    run: ({ db }, { patient, index, version }) => {
      const p = mustGet(db, patient);
      if (index >= p.coverages.length) throw new UserError(`Patient ${p.id} has no coverage number ${index + 1}`);
      const next = { ...p, coverages: p.coverages.filter((_, i) => i !== index) };
      try {
        return write(db, checkPatient(db, next, p.id), version);
      } catch (e) {
        if (e instanceof FieldError) throw new UserError(`The coverage was not removed: ${Object.values(e.fields).join('; ')}`);
        throw e;
      }
    },
  },
});
