// R-CO-4: the patient statement as data, per patient per month of service: what was billed, what
// each payer paid, what the patient owes, and how old what they owe is. The PDF (statementPdf.ts)
// and a screen show the same model.
import type { IsoDate, Patient } from '../domain/types.ts';
import type { AppliedPayment } from '../domain/patientPayments.ts';
import { toDay } from '../claims/dates.ts';
import type { PatientShare } from './patientShare.ts';

export interface StatementRow {
  claimId: string;
  from: IsoDate;
  to: IsoDate;
  chargeCents: number;
  payers: { name: string; paidCents: number; adjudicatedOn: IsoDate }[];
  /** the patient's own payments on the claim, oldest received first */
  patientPayments: AppliedPayment[];
  /** the net write-off once settled: charge − Σ paid by payers − the last PR (each payer's CO-45 overlaps the one before, so they are not added) */
  adjustedCents: number;
  owedCents: number;
  /** why nothing is owed yet, when a payer still has to answer */
  pending: string | null;
}

export interface Aging {
  current: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

export interface Statement {
  patient: Patient;
  /** YYYY-MM of the services */
  month: string;
  asOf: IsoDate;
  rows: StatementRow[];
  totals: { chargeCents: number; paidByPayersCents: number; adjustedCents: number; paidByPatientCents: number; owedCents: number };
  aging: Aging;
}

const days = (from: IsoDate, to: IsoDate): number => toDay(to) - toDay(from);

/** Aging buckets of what is owed, counted from the day it became the patient's. */
export function agingOf(shares: readonly PatientShare[], asOf: IsoDate): Aging {
  const a: Aging = { current: 0, days31to60: 0, days61to90: 0, over90: 0 };
  for (const s of shares) {
    if (s.state !== 'patient' || s.patientCents <= 0 || !s.since) continue;
    const age = days(s.since, asOf);
    if (age <= 30) a.current += s.patientCents;
    else if (age <= 60) a.days31to60 += s.patientCents;
    else if (age <= 90) a.days61to90 += s.patientCents;
    else a.over90 += s.patientCents;
  }
  return a;
}

/**
 * R-CO-4: one statement per patient and month of service in which the patient owes something;
 * the month's other claims are listed too (billed, paid, pending), so the statement adds up.
 */
export function statements(shares: readonly PatientShare[], patients: readonly Patient[], asOf: IsoDate): Statement[] {
  const groups = new Map<string, PatientShare[]>();
  for (const s of shares) {
    const key = `${s.patient}\u0000${s.from.slice(0, 7)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const out: Statement[] = [];
  for (const [key, list] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    // what is owed after the patient's payments (a chain a payer took back shows the payments as a credit)
    const owed = list.reduce((s, x) => s + x.patientCents, 0);
    const patient = patients.find((p) => p.id === list[0]!.patient);
    if (owed <= 0 || !patient) continue;
    const rows: StatementRow[] = list.map((s) => {
      const paid = s.payers.reduce((t, p) => t + p.paidCents, 0);
      const settled = s.state === 'patient';
      return {
        claimId: s.claimId, from: s.from, to: s.to, chargeCents: s.chargeCents,
        payers: s.payers.map((p) => ({ name: p.payerName, paidCents: p.paidCents, adjudicatedOn: p.adjudicatedOn })),
        patientPayments: s.patientPayments,
        adjustedCents: settled ? s.chargeCents - paid - (s.patientCents + s.patientPaidCents) : 0,
        owedCents: s.patientCents,
        pending: settled ? null : s.note,
      };
    });
    const sum = (f: (r: StatementRow) => number) => rows.reduce((s, r) => s + f(r), 0);
    out.push({
      patient, month: key.split('\u0000')[1]!, asOf, rows,
      totals: {
        chargeCents: sum((r) => r.chargeCents),
        paidByPayersCents: sum((r) => r.payers.reduce((s, p) => s + p.paidCents, 0)),
        adjustedCents: sum((r) => r.adjustedCents),
        paidByPatientCents: sum((r) => r.patientPayments.reduce((t, p) => t + p.cents, 0)),
        owedCents: owed,
      },
      aging: agingOf(list, asOf),
    });
  }
  return out;
}
