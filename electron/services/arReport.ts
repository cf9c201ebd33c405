// `ar.report` (R-AR-1): what payers still owe, aged from the date a claim was first sent (or its
// date of service) into 0–30, 31–60, 61–90, 91–120 and over 120 days; patients' balances; cash
// posted per week; denial rate by reason; days in AR. Every figure is integer cents from
// claimMoney (claimBalance over the stored postings, less write-offs) as of the given day.
import { claimStates, firstSent } from '../../db/repos/claimStates.ts';
import { findClaims } from '../../db/repos/claims.ts';
import { claimsBilledOn } from '../../db/repos/claimFollowups.ts';
import { listPatients } from '../../db/repos/patients.ts';
import { listPayers } from '../../db/repos/payers.ts';
import type { Db } from '../../db/repos/sql.ts';
import type { ClaimPosting } from '../domain/postings.ts';
import { daysBetween as daysFrom } from '../import/dates.ts';
import { explain } from '../receive/reasonCodes.ts';
import { patientShares } from '../cob/index.ts';
import type { AgingBasis, ArReport } from '../domain/receivables.ts';
import { claimMoney, moneyContext, standingPayments } from './claimMoney.ts';
import { deniedAdjustments, type Names } from './denials.ts';

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
const DAY = 86_400_000;

/** Days from one date (or date-time: its date) to another: the import's day arithmetic. */
export function daysBetween(from: string, to: string): number {
  return daysFrom(from.slice(0, 10), to.slice(0, 10));
}

/** R-AR-1: the bucket of an age in days (a claim sent today is 0 days old). */
export function bucketOf(days: number): number {
  if (days <= 30) return 0;
  if (days <= 60) return 1;
  if (days <= 90) return 2;
  if (days <= 120) return 3;
  return 4;
}

/** The Monday of an ISO date's week. */
export function weekOf(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY).toISOString().slice(0, 10);
}

export function arReport(db: Db, req: { asOf: string; basis: AgingBasis }, names: Names): ArReport {
  const { asOf, basis } = req;
  const sent = firstSent(db);
  const states = claimStates(db).filter((s) => s.status !== 'draft' && s.status !== 'void' && !s.supersededBy && (sent.get(s.id) ?? s.exportedAt ?? '9999').slice(0, 10) <= asOf);
  const claims = new Map(findClaims(db, { ids: states.map((s) => s.id) }).map((c) => [c.id, c]));
  const m = moneyContext(db, undefined, asOf);
  const rows = new Map<string, number[]>();
  const billedOn = claimsBilledOn(db);
  const payerList = listPayers(db);
  // R-CO-4 as the statements read it: a last payer's PR waits while another coverage is active for those dates
  const nextPayerFirst = new Set(patientShares({ claims: [...claims.values()], postings: [...m.postings.values()].flat(), patients: listPatients(db), payers: payerList })
    .filter((x) => x.state === 'next-payer').map((x) => x.lastClaimId));
  const patients = new Map<string, { total: number; pr: number; paid: number }>();
  let total = 0;
  let billed90 = 0;
  for (const s of states) {
    const money = claimMoney(claims.get(s.id)!, s, m);
    const start = basis === 'sent' ? (sent.get(s.id) ?? s.exportedAt ?? s.serviceFrom) : s.serviceFrom;
    const age = daysBetween(start, asOf);
    if (age >= 0 && age < 90) billed90 += money.chargeCents;
    const p = patients.get(s.patient) ?? { total: 0, pr: 0, paid: 0 };
    // R-CO-4: patient responsibility a later payer was billed for, or is to be billed first, is not the patient's (yet); what is, less their payments
    if (!billedOn.has(s.id) && !nextPayerFirst.has(s.id)) p.pr += money.patientBalanceCents;
    p.paid += money.patientPaidCents;
    if (money.balanceCents !== 0) {
      const r = rows.get(s.payer) ?? [0, 0, 0, 0, 0];
      r[bucketOf(Math.max(0, age))]! += money.balanceCents;
      rows.set(s.payer, r);
      p.total += money.balanceCents;
      total += money.balanceCents;
    }
    patients.set(s.patient, p);
  }
  const payers = payerList.map((p) => p.id);
  const order = (id: string) => (payers.indexOf(id) + 1 || 1e6);
  return {
    asOf,
    basis,
    buckets: [...AGING_BUCKETS],
    rows: [...rows].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)).map(([payer, cents]) => ({ payer, payerName: names.payer(payer), cents, totalCents: cents.reduce((x, y) => x + y, 0) })),
    // a patient who paid everything stays listed, with their payments (to see them, or void one)
    patients: [...patients].filter(([, p]) => p.total !== 0 || p.pr !== 0 || p.paid !== 0).sort(([a], [b]) => a.localeCompare(b))
      .map(([patient, p]) => ({ patient, name: names.patient(patient), totalCents: p.total, patientResponsibilityCents: p.pr, patientPaidCents: p.paid })),
    totalCents: total,
    cashByWeek: cashByWeek([...m.postings.values()].flat(), asOf),
    denialRates: denialRates([...m.postings.values()]),
    daysInAr: billed90 > 0 ? Math.round((total / (billed90 / 90)) * 10) / 10 : null,
  };
}

/** Payments (net of reversals) by the payment date's week, the 12 weeks up to asOf, oldest first. */
export function cashByWeek(postings: readonly ClaimPosting[], asOf: string): { week: string; cents: number }[] {
  const last = weekOf(asOf);
  const weeks = Array.from({ length: 12 }, (_, i) => new Date(Date.parse(`${last}T00:00:00Z`) - (11 - i) * 7 * DAY).toISOString().slice(0, 10));
  const sums = new Map(weeks.map((w) => [w, 0]));
  for (const p of postings) {
    const w = weekOf(p.remittance.paymentDate);
    if (sums.has(w)) sums.set(w, sums.get(w)! + p.paidCents);
  }
  return weeks.map((week) => ({ week, cents: sums.get(week)! }));
}

/** Per main denial reason: claims denied with it among the claims with a standing adjudication. */
export function denialRates(byClaim: readonly (readonly ClaimPosting[])[]): ArReport['denialRates'] {
  const adjudicated = byClaim.filter((ps) => standingPayments(ps).length > 0);
  const counts = new Map<string, { claims: number; cents: number; words: string }>();
  for (const ps of adjudicated) {
    const keys = new Map<string, { cents: number; words: string }>();
    for (const a of deniedAdjustments(standingPayments(ps))) {
      const key = `${a.group}-${a.reason}`;
      keys.set(key, { cents: (keys.get(key)?.cents ?? 0) + a.cents, words: explain(a.group, a.reason).words });
    }
    for (const [key, k] of keys) {
      const c = counts.get(key) ?? { claims: 0, cents: 0, words: k.words };
      counts.set(key, { claims: c.claims + 1, cents: c.cents + k.cents, words: k.words });
    }
  }
  return [...counts].sort(([, a], [, b]) => b.claims - a.claims || b.cents - a.cents).map(([key, c]) => ({
    key, words: c.words, claims: c.claims, adjudicated: adjudicated.length,
    rate: Math.round((c.claims / adjudicated.length) * 1000) / 1000, cents: c.cents,
  }));
}
