// The chart's claim list (status, dates of service, total, problems), from the claims store.
import { listClaims } from '../../../../db/repos/claims.ts';
import type { Db } from '../../../../db/repos/sql.ts';
import type { ClaimSummary } from '../../../contract/patients.ts';
import type { Names } from './views.ts';

export function claimSummaries(db: Db, patient: string, names: Names): ClaimSummary[] {
  return listClaims(db, { patient })
    .map((c) => ({
      id: c.id,
      payer: c.payer,
      payerName: names.payerName(c.payer),
      serviceFrom: c.serviceFrom,
      serviceTo: c.serviceTo,
      frequency: c.frequency,
      status: c.shownStatus,
      totalCents: c.totalCents,
      lineCount: c.lines,
      priorAuth: c.priorAuth,
      errors: c.errors,
      warnings: c.warnings,
    }))
    .sort((a, b) => b.serviceFrom.localeCompare(a.serviceFrom) || a.id.localeCompare(b.id));
}
