// R-CL-7 A claim's patient control number (CLM01, CMS-1500 item 26): unique, stable, and at most
// 14 characters, the width of item 26. `PD` + 12 Crockford base-32 characters (60 bits) of a hash of the
// grouping key and the claim's first source key, so rebuilding the same facts gives the same id.
// An id in use (`taken`: stored claims and every id ever sent in a batch) is never given again:
// the hash is retried with a counter, keeping the length.
import { hash60 } from '../../domain/hash.ts';

export const CLAIM_ID_MAX = 14;

export function claimId(groupKey: string, firstSourceKey: string, taken: ReadonlySet<string>): string {
  const facts = `${groupKey}\u0000${firstSourceKey}`;
  let id = `PD${hash60(facts)}`;
  for (let n = 1; taken.has(id); n++) id = `PD${hash60(`${facts}\u0000${n}`)}`;
  return id;
}

/**
 * A replacement (R) or void (V) of `original`: its id with the tail swapped for the tag and a
 * count, still at most 14 characters. Originals and corrections both skip every id in `taken`,
 * so neither can reuse the other's.
 */
export function correctionClaimId(original: string, frequency: '7' | '8', taken: ReadonlySet<string>): string {
  const tag = frequency === '7' ? 'R' : 'V';
  for (let n = 1; ; n++) {
    const suffix = `${tag}${n.toString(36)}`;
    const id = `${original.slice(0, CLAIM_ID_MAX - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}
