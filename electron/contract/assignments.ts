// Which nurses a patient is assigned to: kept by a biller or an administrator; a nurse sees only her patients.
export type AssignmentsHandlers = {
  /** the ids of the nurses assigned to the patient */
  'patients.nurses': (args: { patient: string }) => string[];
  /** assigns (or, with assigned false, unassigns) a nurse; returns the patient's nurses after */
  'patients.assignNurse': (args: { patient: string; nurse: string; assigned: boolean }) => string[];
};
