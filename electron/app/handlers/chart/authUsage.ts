// R-CL-5: how much of each prior authorization is used. Used = units of this therapy's lines with
// one of the authorization's codes (JW lines included, as the engine counts them) on claims that
// carry the authorization's number and still stand: built or exported, not void, not rejected or
// denied, not replaced by a later claim.
import type { StoredClaim } from '../../../../db/repos/claims.ts';
import type { ClaimStatus } from '../../../domain/claims.ts';
import type { Therapy } from '../../../domain/types.ts';
import type { AuthUsage } from '../../../contract/therapies.ts';

const NOT_COUNTED: ReadonlySet<ClaimStatus> = new Set(['void', 'rejected', 'denied']);

/** authorization number → code → units already billed for the therapy */
export type BilledUnits = Map<string, Map<string, number>>;

/** `claims`: the stored claims of the therapy's patient */
export function billedUnits(therapy: Therapy, claims: readonly StoredClaim[]): BilledUnits {
  const out: BilledUnits = new Map();
  for (const claim of claims) {
    if (!claim.priorAuth || NOT_COUNTED.has(claim.status) || claim.supersededBy) continue;
    for (const line of claim.lines) {
      if (line.therapy !== therapy.id) continue;
      let codes = out.get(claim.priorAuth);
      if (!codes) out.set(claim.priorAuth, (codes = new Map()));
      codes.set(line.code, (codes.get(line.code) ?? 0) + line.units);
    }
  }
  return out;
}

export function authorizationUsage(therapy: Therapy, claims: readonly StoredClaim[]): AuthUsage[] {
  const billed = billedUnits(therapy, claims);
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
