import { STATUS_SQL } from './claimStates.ts';
import type { Dispense } from '../../electron/domain/types.ts';
import { idNumberDesc } from './ids.ts';
import { all, bit, bool, num, one, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';

const dispenseOf = (r: Row): Dispense => ({
  id: str(r.id),
  therapy: str(r.therapy_id),
  date: str(r.date),
  ndc: str(r.ndc),
  quantity: num(r.quantity),
  daysSupply: num(r.days_supply),
  lot: strOrNull(r.lot),
  expiry: strOrNull(r.expiry),
  // R-SU-4: present only when true, as the import leaves it out otherwise
  ...(bool(r.patient_owned) ? { patientOwned: true } : {}),
});

export function listDispenses(db: Db): Dispense[] {
  return all(db, 'SELECT * FROM dispenses ORDER BY rowid').map(dispenseOf);
}

/** A patient's dispenses, by date. */
export function listPatientDispenses(db: Db, patientId: string): Dispense[] {
  return all(
    db,
    'SELECT d.* FROM dispenses d JOIN therapies t ON t.id = d.therapy_id WHERE t.patient_id = ? ORDER BY d.date, d.id',
    patientId,
  ).map(dispenseOf);
}

export function getDispense(db: Db, id: string): Dispense | null {
  const r = one(db, 'SELECT * FROM dispenses WHERE id = ?', id);
  return r ? dispenseOf(r) : null;
}

export interface DispenseLogFilter {
  limit: number;
  patient?: string;
  therapy?: string;
  /** dispense dates, inclusive */
  from?: string;
  to?: string;
  /** exactly this 11-digit NDC */
  ndc?: string;
  /** NDCs starting with these digits */
  ndcPrefix?: string;
  /** part of the product's name, any case */
  productText?: string;
}

/** A dispense with the patient its therapy belongs to. */
export type DispenseWithPatient = Dispense & { patient: string };

/**
 * The newest dispenses (by date, then id with its number compared as a number) matching the
 * filter, read in SQL so the log reads `limit` rows, not the table.
 */
export function listDispenseLog(db: Db, f: DispenseLogFilter): DispenseWithPatient[] {
  return all(
    db,
    `SELECT d.*, t.patient_id FROM dispenses d JOIN therapies t ON t.id = d.therapy_id
     WHERE (@patient IS NULL OR t.patient_id = @patient) AND (@therapy IS NULL OR d.therapy_id = @therapy)
       AND (@from IS NULL OR d.date >= @from) AND (@to IS NULL OR d.date <= @to)
       AND (@ndc IS NULL OR d.ndc = @ndc) AND (@prefix IS NULL OR substr(d.ndc, 1, length(@prefix)) = @prefix)
       AND (@text IS NULL OR instr(lower((SELECT p.name FROM products p WHERE p.ndc = d.ndc)), lower(@text)) > 0)
     ORDER BY d.date DESC, ${idNumberDesc('d.')}
     LIMIT @limit`,
    {
      patient: f.patient ?? null,
      therapy: f.therapy ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
      ndc: f.ndc ?? null,
      prefix: f.ndcPrefix ?? null,
      text: f.productText ?? null,
      limit: f.limit,
    },
  ).map((r) => ({ ...dispenseOf(r), patient: str(r.patient_id) }));
}

export function saveDispense(db: Db, d: Dispense): void {
  run(
    db,
    `INSERT INTO dispenses (id, therapy_id, date, ndc, quantity, days_supply, lot, expiry, patient_owned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET therapy_id = excluded.therapy_id, date = excluded.date, ndc = excluded.ndc,
       quantity = excluded.quantity, days_supply = excluded.days_supply, lot = excluded.lot, expiry = excluded.expiry,
       patient_owned = excluded.patient_owned`,
    d.id, d.therapy, d.date, d.ndc, d.quantity, d.daysSupply, d.lot ?? null, d.expiry ?? null, bit(d.patientOwned === true),
  );
}

export interface SentClaimDates {
  claim: string;
  status: string;
  /** the first and last date of [from, to] the claim bills for the therapy */
  first: string;
  last: string;
}

/**
 * Claims already sent (any status but draft) whose live drug, waste or supply lines bill `therapy`
 * on a date in [from, to]: the claims a change to a dispense covering those dates would silently
 * contradict (R-CL-8). Void claims and superseded originals bill nothing (their keys are not live).
 */
export function sentClaimsBilling(db: Db, therapy: string, from: string, to: string): SentClaimDates[] {
  return all(
    db,
    `SELECT c.id, ${STATUS_SQL} AS status, min(k.service_date) AS first, max(k.service_date) AS last
     FROM claim_keys k
     JOIN claims c ON c.id = k.claim_id
     JOIN claim_lines l ON l.claim_id = k.claim_id AND l.seq = k.line_seq
     WHERE k.live = 1 AND c.status <> 'draft' AND l.therapy_id = @therapy AND l.kind IN ('drug', 'waste', 'supply')
       AND k.service_date BETWEEN @from AND @to
     GROUP BY c.id ORDER BY first, c.id`,
    { therapy, from, to },
  ).map((r) => ({ claim: str(r.id), status: str(r.status), first: str(r.first), last: str(r.last) }));
}
