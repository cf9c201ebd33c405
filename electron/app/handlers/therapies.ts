// Therapies: the chart's regimens with holds, dose overrides, prior authorizations and drugs.
// Saves go through the import's checks (schedule forms, ICD-10 shape, dose units convertible to
// the product's, a payer the patient has coverage with) in one transaction.
import { requireOwnPatient } from './chart/nurseScope.ts';
import { z } from 'zod';
import { getPatient } from '../../../db/repos/patients.ts';
import { getTherapy, listPatientTherapies, saveTherapy } from '../../../db/repos/therapies.ts';
import { nextId } from '../../../db/repos/ids.ts';
import { listPayers } from '../../../db/repos/payers.ts';
import { listPrescribers } from '../../../db/repos/prescribers.ts';
import { listProducts } from '../../../db/repos/products.ts';
import type { Db } from '../../../db/repos/sql.ts';
import type { Therapy } from '../../domain/types.ts';
import type { TherapiesHandlers } from '../../contract/therapies.ts';
import { defineHandlers } from '../define.ts';
import { FieldError, UserError } from '../../domain/errors.ts';
import { checked } from './chart/validate.ts';
import { Names, therapyOption, therapyView } from './chart/views.ts';
import { record, versionArg } from '../args.ts';
import { requireVersion } from '../versions.ts';
import { versionOf } from '../../../db/repos/versions.ts';
import type { Versioned } from '../../contract/result.ts';


function mustGet(db: Db, id: string): Therapy {
  const t = getTherapy(db, id);
  if (!t) throw new UserError(`There is no therapy '${id}'`);
  return t;
}

function checkTherapy(db: Db, t: Therapy): Therapy {
  const patient = typeof t.patient === 'string' ? getPatient(db, t.patient) : null;
  return checked(
    'therapies',
    t,
    {
      payers: listPayers(db),
      prescribers: listPrescribers(db),
      products: listProducts(db),
      patients: patient ? [patient] : [],
      therapies: patient ? listPatientTherapies(db, patient.id) : [],
    },
    `Therapy ${t.id}`,
  );
}

/** Saves the whole therapy in one transaction; `expected`: the version the form started from (checked inside it). */
function write(db: Db, t: Therapy, expected?: number): Versioned<Therapy> {
  db.transaction(() => {
    requireVersion(db, 'therapies', t.id, expected, `Therapy ${t.id}`);
    saveTherapy(db, t);
  })();
  return { ...getTherapy(db, t.id)!, version: versionOf(db, 'therapies', t.id) };
}

export default defineHandlers<TherapiesHandlers>({
  'therapies.get': {
    args: z.object({ id: z.string() }),
    run: ({ db, today }, { id }) => therapyView(new Names(db), mustGet(db, id), today(), versionOf(db, 'therapies', id)),
  },

  'therapies.forPatient': {
    args: z.object({ patient: z.string() }),
    run: (ctx, { patient }) => {
      const { db } = ctx;
      requireOwnPatient(ctx, patient);
      const names = new Names(db);
      return listPatientTherapies(db, patient).map((t) => therapyOption(names, t));
    },
  },

  'therapies.create': {
    args: record<Therapy>(),
    run: ({ db }, raw) => {
      const given = typeof raw.id === 'string' ? raw.id.trim() : '';
      const id = given || nextId(db, 'therapies', 'T');
      if (given && getTherapy(db, given)) throw new FieldError(`Therapy id ${given} is already used`, { id: `${given} is already used by another therapy` });
      return write(db, checkTherapy(db, { ...raw, id }));
    },
  },

  'therapies.update': {
    args: record<Therapy & { version?: number }>(),
    run: ({ db }, { version, ...t }) => {
      const stored = mustGet(db, t.id);
      if (t.patient !== stored.patient) throw new FieldError(`Therapy ${t.id} belongs to patient ${stored.patient}`, { patient: `a therapy cannot move to another patient` });
      return write(db, checkTherapy(db, t), versionArg.parse(version));
    },
  },
});
