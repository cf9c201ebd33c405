// Patient payments (R-CO-4 after the last payer): record money a patient or guarantor paid, void
// it (a reversal of its own, never a delete), list them. Each call is one transaction: what is
// owed is read (statements.ts storedPatientShares, the statements' own figure) and the payment
// applied (cob/applyPayment.ts) under the same write lock, so two billers cannot both spend the
// same balance. See docs/secondary-claims.md "Patient payments".
import { getPatient } from '../../db/repos/patients.ts';
import { insertPayment, insertVoid, listPayments } from '../../db/repos/patientPayments.ts';
import type { Db } from '../../db/repos/sql.ts';
import { applyPatientPayment, owedCents } from '../cob/index.ts';
import { FieldError, UserError } from '../domain/errors.ts';
import type { PatientPayment, PatientPaymentDraft, PatientPaymentResult } from '../domain/patientPayments.ts';
import { storedPatientShares } from './statements.ts';

export interface Actor {
  now: string;
  today: string;
  by: string;
}

function patientOf(db: Db, id: string): void {
  if (!getPatient(db, id)) throw new FieldError(`There is no patient ${id}`, { patient: `there is no patient ${id}` });
}

function paymentOf(db: Db, id: number): PatientPayment {
  const p = listPayments(db, { id })[0];
  if (!p) throw new UserError(`There is no patient payment ${id}`);
  return p;
}

const owedBy = (db: Db, patient: string) => owedCents(storedPatientShares(db, patient));

/** Records a payment and applies it; refused (nothing written) when it is more than the patient owes. */
export function recordPatientPayment(db: Db, d: PatientPaymentDraft, a: Actor): PatientPaymentResult {
  return db.transaction(() => {
    patientOf(db, d.patient);
    if (d.receivedOn > a.today) throw new FieldError(`A payment cannot be received after today (${a.today})`, { receivedOn: `is after today (${a.today})` });
    const claim = d.claim?.trim() || null;
    const shares = storedPatientShares(db, d.patient);
    const applications = applyPatientPayment(shares, { patient: d.patient, cents: d.cents, claim });
    const id = insertPayment(db, {
      patient: d.patient, cents: d.cents, receivedOn: d.receivedOn, method: d.method, reference: d.reference?.trim() || null,
      forClaim: claim, at: a.now, by: a.by,
    }, applications);
    // every cent is applied to a chain the patient owes on, never past what it owes (applyPatientPayment
    // refuses more): what is owed now is what was owed less the payment, with no second read of the claims
    return { payment: paymentOf(db, id), owedCents: owedCents(shares) - d.cents };
  }).immediate();
}

/** Voids a standing payment: its applications are negated on the day of the void, so every balance is what it was. */
export function voidPatientPayment(db: Db, v: { id: number; reason: string }, a: Actor): PatientPaymentResult {
  return db.transaction(() => {
    const p = paymentOf(db, v.id);
    if (p.voided) throw new UserError(`Patient payment ${v.id} was voided already on ${p.voided.on} by ${p.voided.by}`);
    insertVoid(db, p, { on: a.today, reason: v.reason, at: a.now, by: a.by });
    return { payment: paymentOf(db, v.id), owedCents: owedBy(db, p.patient) };
  }).immediate();
}

/** A patient's payments (or every patient's), newest received first, voided ones with their void. */
export function listPatientPayments(db: Db, patient?: string): PatientPayment[] {
  if (patient) patientOf(db, patient);
  return listPayments(db, patient ? { patient } : {});
}
