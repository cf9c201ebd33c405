// R-CO-4 in the store: the patient's share of each claim chain after its last payer, and the
// monthly patient statements as one PDF (print all, or one patient), delivered like the other
// exports (the command line's --out is written inside the request). The figures are electron/cob's.
import type { DeliveredFile } from '../domain/files.ts';
import type { StatementSummary } from '../domain/followups.ts';
import { FieldError, UserError } from '../domain/errors.ts';
import { isMonth } from '../domain/isoDate.ts';
import type { IsoDate, IsoDateTime, Patient } from '../domain/types.ts';
import { patientShares, renderStatements, statements, type PatientShare, type Statement } from '../cob/index.ts';
import { findClaims } from '../../db/repos/claims.ts';
import { getOrganization } from '../../db/repos/organization.ts';
import { listPatients } from '../../db/repos/patients.ts';
import { listPayers } from '../../db/repos/payers.ts';
import { postingsFor } from '../../db/repos/postings.ts';
import { standingApplications } from '../../db/repos/patientPayments.ts';
import type { Db } from '../../db/repos/sql.ts';

/** R-CO-4: one share per claim chain (a first claim and the claims that followed it), for one patient or all, less the patient's standing payments. */
export function storedPatientShares(db: Db, patient?: string, patients: readonly Patient[] = listPatients(db)): PatientShare[] {
  const claims = findClaims(db, patient ? { patient } : {});
  return patientShares({
    claims, postings: postingsFor(db, claims.map((c) => c.id)), patients, payers: listPayers(db), patientPayments: standingApplications(db, patient),
  });
}

/** The statements of a month of service (YYYY-MM) in which a patient owes something, as of a day. */
export function monthStatements(db: Db, req: { month: string; patient?: string | null; asOf: IsoDate }): Statement[] {
  if (!isMonth(req.month)) throw new UserError(`month '${req.month}' is not YYYY-MM`);
  // the patients are read once: the shares and the statements both need them
  const patients = listPatients(db);
  if (req.patient && !patients.some((p) => p.id === req.patient)) throw new FieldError(`There is no patient ${req.patient}`, { patient: `there is no patient ${req.patient}` });
  const shares = storedPatientShares(db, req.patient ?? undefined, patients).filter((s) => s.from.slice(0, 7) === req.month);
  return statements(shares, patients, req.asOf);
}

export interface StatementBatch {
  fileName: string;
  bytes: Uint8Array;
  /** one per statement, in print order */
  statements: StatementSummary[];
}

/** The month's statements as one PDF; a month where nobody owes anything is a UserError, not an empty file. */
export async function printStatements(
  db: Db, req: { month: string; patient?: string | null }, o: { now: IsoDateTime; deliver?: (f: DeliveredFile) => void },
): Promise<StatementBatch> {
  const list = monthStatements(db, { ...req, asOf: o.now.slice(0, 10) });
  if (list.length === 0) {
    throw new UserError(`No patient owes anything for services in ${req.month}${req.patient ? ` (patient ${req.patient})` : ''}: there is no statement to print`);
  }
  const org = getOrganization(db);
  if (!org) throw new UserError('The organization is not set up: a statement needs its name and address');
  const bytes = await renderStatements(list, org, o.now);
  const fileName = `statements-${req.month}${req.patient ? `-${req.patient}` : ''}.pdf`;
  o.deliver?.({ fileName, bytes });
  return {
    fileName, bytes,
    statements: list.map((s) => ({ patient: s.patient.id, name: `${s.patient.lastName}, ${s.patient.firstName}`, owedCents: s.totals.owedCents })),
  };
}
