// Patient payments and their voids (0016_patient_payments.sql): a payment and where it went, one
// application row per claim; a void is a row of its own whose applications negate its payment's.
// Nothing is updated or deleted, so any day's figures can be read back (ar.report as of a day).
import type {
  AppliedPayment, PatientPayment, PaymentApplication, PaymentMethod,
} from '../../electron/domain/patientPayments.ts';
import { all, groupBy, num, run, str, strOrNull, type Db, type Row } from './sql.ts';

export interface NewPayment {
  patient: string;
  cents: number;
  receivedOn: string;
  method: PaymentMethod;
  reference: string | null;
  forClaim: string | null;
  at: string;
  by: string;
}

function insertApplications(db: Db, paymentId: number, as: readonly PaymentApplication[]): void {
  as.forEach((a, i) => run(db, 'INSERT INTO patient_payment_applications (payment_id, seq, claim_id, cents) VALUES (?, ?, ?, ?)', paymentId, i + 1, a.claimId, a.cents));
}

export function insertPayment(db: Db, p: NewPayment, applications: readonly PaymentApplication[]): number {
  const r = db
    .prepare(`INSERT INTO patient_payments (patient_id, kind, cents, received_on, method, reference, for_claim_id, at, by_user) VALUES (?, 'payment', ?, ?, ?, ?, ?, ?, ?)`)
    .run(p.patient, p.cents, p.receivedOn, p.method, p.reference, p.forClaim, p.at, p.by);
  const id = Number(r.lastInsertRowid);
  insertApplications(db, id, applications);
  return id;
}

/** The void of a standing payment: the same amount and applications negated, dated `on`. */
export function insertVoid(db: Db, payment: PatientPayment, v: { on: string; reason: string; at: string; by: string }): number {
  const r = db
    .prepare(`INSERT INTO patient_payments (patient_id, kind, cents, received_on, method, reference, voids, reason, at, by_user) VALUES (?, 'void', ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(payment.patient, -payment.cents, v.on, payment.method, payment.reference, payment.id, v.reason, v.at, v.by);
  const id = Number(r.lastInsertRowid);
  insertApplications(db, id, payment.applications.map((a) => ({ claimId: a.claimId, cents: -a.cents })));
  return id;
}

const applicationsOf = (rows: readonly Row[]): PaymentApplication[] => rows.map((r) => ({ claimId: str(r.claim_id), cents: num(r.cents) }));

/** Payments (not their voids, which come with them), newest received first; one patient or all. */
export function listPayments(db: Db, o: { patient?: string; id?: number } = {}): PatientPayment[] {
  const rows = all(
    db,
    `SELECT p.*, v.id AS void_id, v.received_on AS void_on, v.reason AS void_reason, v.at AS void_at, v.by_user AS void_by
     FROM patient_payments p LEFT JOIN patient_payments v ON v.voids = p.id
     WHERE p.kind = 'payment' AND (? IS NULL OR p.patient_id = ?) AND (? IS NULL OR p.id = ?)
     ORDER BY p.received_on DESC, p.id DESC`,
    o.patient ?? null, o.patient ?? null, o.id ?? null, o.id ?? null,
  );
  const apps = groupBy(all(db, `SELECT * FROM patient_payment_applications WHERE payment_id IN (SELECT value FROM json_each(?)) ORDER BY payment_id, seq`, JSON.stringify(rows.map((r) => r.id))), 'payment_id');
  return rows.map((r) => ({
    id: num(r.id), patient: str(r.patient_id), cents: num(r.cents), receivedOn: str(r.received_on), method: str(r.method) as PaymentMethod,
    reference: strOrNull(r.reference), forClaim: strOrNull(r.for_claim_id), applications: applicationsOf(apps.get(r.id as string) ?? []),
    at: str(r.at), by: str(r.by_user),
    voided: r.void_id == null ? null : { id: num(r.void_id), on: str(r.void_on), reason: str(r.void_reason), at: str(r.void_at), by: str(r.void_by) },
  }));
}

/** The applications of standing payments (no void), with what a statement prints about each payment. */
export function standingApplications(db: Db, patient?: string): AppliedPayment[] {
  return all(
    db,
    `SELECT a.claim_id, a.cents, p.id, p.received_on, p.method, p.reference
     FROM patient_payment_applications a JOIN patient_payments p ON p.id = a.payment_id
     WHERE p.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM patient_payments v WHERE v.voids = p.id) AND (? IS NULL OR p.patient_id = ?)
     ORDER BY p.received_on, p.id, a.seq`,
    patient ?? null, patient ?? null,
  ).map((r) => ({ claimId: str(r.claim_id), cents: num(r.cents), paymentId: num(r.id), receivedOn: str(r.received_on), method: str(r.method) as PaymentMethod, reference: strOrNull(r.reference) }));
}

/**
 * What the patients paid on each claim, net of voids, counting only payments received and
 * recorded, and voids made, on or before `asOf` (all when absent): the figure as the office knew
 * it that day, as ar.report reads remittances (paid and posted by then).
 */
export function patientPaidByClaim(db: Db, o: { ids?: readonly string[]; asOf?: string } = {}): Map<string, number> {
  const rows = all(
    db,
    `SELECT a.claim_id, sum(a.cents) AS cents FROM patient_payment_applications a JOIN patient_payments p ON p.id = a.payment_id
     WHERE (? IS NULL OR (p.received_on <= ? AND substr(p.at, 1, 10) <= ?)) AND (? IS NULL OR a.claim_id IN (SELECT value FROM json_each(?)))
     GROUP BY a.claim_id`,
    o.asOf ?? null, o.asOf ?? null, o.asOf ?? null, o.ids ? 1 : null, o.ids ? JSON.stringify(o.ids) : null,
  );
  return new Map(rows.map((r) => [str(r.claim_id), num(r.cents)]));
}
