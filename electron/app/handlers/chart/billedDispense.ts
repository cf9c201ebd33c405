// R-CL-8 for the dispensing log: an exported claim's facts must not change silently. A dispense
// supplies the NDC, quantity and dates of the drug, waste and supply lines of the dates it covers,
// so a change to those fields is refused while a sent claim bills any of those dates (before or
// after the change); lot and expiry are on no claim and can always be corrected.
import { sentClaimsBilling, type SentClaimDates } from '../../../../db/repos/dispenses.ts';
import type { Db } from '../../../../db/repos/sql.ts';
import type { ClaimLifeStatus } from '../../../domain/receivables.ts';
import type { Dispense, IsoDate } from '../../../domain/types.ts';
import { toDay, toIso } from '../../../claims/dates.ts';
import type { BilledSpan } from '../../../contract/dispenses.ts';
import { UserError } from '../../../domain/errors.ts';

/** The dates a dispense covers (billing-rules §1): date … date + days' supply − 1. */
export function coverage(d: Pick<Dispense, 'date' | 'daysSupply'>): { from: IsoDate; to: IsoDate } {
  return { from: d.date, to: toIso(toDay(d.date) + Math.max(1, d.daysSupply) - 1) };
}

const span = (s: SentClaimDates): BilledSpan => ({ claim: s.claim, status: s.status as ClaimLifeStatus, first: s.first, last: s.last });

/** Sent claims billing the therapy on the dates the dispense covers. */
export function billedSpans(db: Db, d: Dispense): BilledSpan[] {
  const c = coverage(d);
  return sentClaimsBilling(db, d.therapy, c.from, c.to).map(span);
}

/** the fields a claim line takes from the dispense */
function changesBilledFacts(before: Dispense, after: Dispense): boolean {
  return (
    before.therapy !== after.therapy ||
    before.date !== after.date ||
    before.ndc !== after.ndc ||
    before.quantity !== after.quantity ||
    before.daysSupply !== after.daysSupply
  );
}

const dates = (first: IsoDate, last: IsoDate) => (first === last ? first : `${first} to ${last}`);

/** Throws a UserError naming the claims when `after` would change facts a sent claim billed. */
export function refuseBilledChange(db: Db, before: Dispense, after: Dispense): void {
  if (!changesBilledFacts(before, after)) return;
  const found = new Map<string, BilledSpan>();
  for (const s of [...billedSpans(db, before), ...billedSpans(db, after)]) {
    const seen = found.get(s.claim);
    found.set(s.claim, seen ? { ...s, first: seen.first < s.first ? seen.first : s.first, last: seen.last > s.last ? seen.last : s.last } : s);
  }
  if (found.size === 0) return;
  const claims = [...found.values()];
  const c = coverage(before);
  const list = claims.map((s) => `${s.claim} (${s.status}, ${dates(s.first, s.last)})`).join(', ');
  const ids = claims.map((s) => s.claim).join(', ');
  throw new UserError(
    `Dispense ${before.id} was not changed: it covers ${dates(c.from, c.to)}, and ${claims.length === 1 ? 'claim' : 'claims'} ${list} ` +
      `already billed therapy ${before.therapy} on those dates. An exported claim's facts must not change silently (R-CL-8). ` +
      `To correct what was billed, record the correct dispense as a new one and create a replacement claim for ${ids} in Billing ` +
      `(or void ${ids} first, then edit this dispense). Lot and expiry can still be corrected here.`,
  );
}
