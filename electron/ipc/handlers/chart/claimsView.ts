// The chart's claim list (status, period, total). Filled from the claims store once it exists.
import type { Db } from '../../../../db/repos/sql.ts';
import type { ClaimSummary } from '../../contract/patients.ts';
import type { Names } from './views.ts';

export function claimSummaries(_db: Db, _patient: string, _names: Names): ClaimSummary[] {
  return [];
}
