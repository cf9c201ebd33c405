// Nurse assignments (contract/assignments.ts): the permission table lets billers and administrators keep them.
import { z } from 'zod';
import { nursesOf, setAssignment } from '../../../db/repos/assignments.ts';
import { listNurses } from '../../../db/repos/nurses.ts';
import { getPatient } from '../../../db/repos/patients.ts';
import type { AssignmentsHandlers } from '../../contract/assignments.ts';
import { FieldError } from '../../domain/errors.ts';
import { defineHandlers } from '../define.ts';

const id = z.string().min(1).max(64);

export default defineHandlers<AssignmentsHandlers>({
  'patients.nurses': { args: z.object({ patient: id }), run: ({ db }, { patient }) => nursesOf(db, patient) },
  'patients.assignNurse': {
    args: z.object({ patient: id, nurse: id, assigned: z.boolean() }),
    run: ({ db }, { patient, nurse, assigned }) => {
      const problems: Record<string, string> = {};
      if (!getPatient(db, patient)) problems.patient = `no patient '${patient}'`;
      if (!listNurses(db).some((n) => n.id === nurse)) problems.nurse = `no nurse '${nurse}'`;
      if (Object.keys(problems).length) throw new FieldError('the assignment was not changed', problems);
      setAssignment(db, patient, nurse, assigned);
      return nursesOf(db, patient);
    },
  },
});
