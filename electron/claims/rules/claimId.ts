// R-CL-7 A claim's patient control number (CLM01, CMS-1500 item 26): unique, stable, ≤ 20
// characters. It hashes the grouping key and the claim's first source key, so rebuilding the same
// facts gives the same id, and a source key can be on only one claim.
import { hash64 } from '../hash.ts';

export const CLAIM_ID_MAX = 20;

export function claimId(groupKey: string, firstSourceKey: string, taken: ReadonlySet<string>): string {
  const base = `PD${hash64(`${groupKey}\u0000${firstSourceKey}`)}`;
  let id = base;
  for (let n = 1; taken.has(id); n++) id = `${base}${n.toString(36)}`;
  return id;
}
