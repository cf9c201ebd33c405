// R-CL-5: how much of each prior authorization is used. Used = units of the lines of this therapy
// with one of the authorization's codes, on claims (built or exported, not void) that carry the
// authorization's number; JW lines count, as in the engine's check.
import type { Db } from '../../../../db/repos/sql.ts';
import type { Therapy } from '../../../domain/types.ts';
import type { AuthUsage } from '../../contract/therapies.ts';

/** Units per authorization number → code already billed for a therapy (filled from the claims store when it exists). */
export type BilledUnits = Map<string, Map<string, number>>;

export function billedUnits(_db: Db, _therapy: Therapy): BilledUnits {
  return new Map();
}

export function authorizationUsage(db: Db, therapy: Therapy): AuthUsage[] {
  const billed = billedUnits(db, therapy);
  return therapy.priorAuths.map((a) => ({
    number: a.number,
    from: a.from,
    to: a.to ?? null,
    codes: Object.entries(a.units ?? {}).map(([code, authorized]) => {
      const used = billed.get(a.number)?.get(code) ?? 0;
      return { code, authorized, used, remaining: authorized - used };
    }),
  }));
}
