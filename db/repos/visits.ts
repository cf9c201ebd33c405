import type { Visit } from '../../electron/domain/types.ts';
import { idNumberDesc } from './ids.ts';
import { all, bit, bool, one, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';

const visitOf = (r: Row): Visit => ({
  id: str(r.id),
  patient: str(r.patient_id),
  therapy: str(r.therapy_id),
  nurse: str(r.nurse_id),
  date: str(r.date),
  arrival: str(r.arrival),
  departure: str(r.departure),
  departureDate: strOrNull(r.departure_date),
  signed: bool(r.signed),
  notes: strOrNull(r.notes),
});

export function listVisits(db: Db): Visit[] {
  return all(db, 'SELECT * FROM visits ORDER BY rowid').map(visitOf);
}

/** A patient's visits, by date and arrival. */
export function listPatientVisits(db: Db, patientId: string): Visit[] {
  return all(db, 'SELECT * FROM visits WHERE patient_id = ? ORDER BY date, arrival, id', patientId).map(visitOf);
}

export function getVisit(db: Db, id: string): Visit | null {
  const r = one(db, 'SELECT * FROM visits WHERE id = ?', id);
  return r ? visitOf(r) : null;
}

export interface RecentVisitsFilter {
  limit: number;
  patient?: string;
  nurse?: string;
  unsignedOnly?: boolean;
  /** visit dates, inclusive */
  from?: string;
  to?: string;
}

/**
 * The newest visits (by date, arrival, then id with its number compared as a number: V10 before
 * V9), filtered in SQL so a log reads `limit` rows, not the table. An absent filter is NULL.
 */
export function listRecentVisits(db: Db, f: RecentVisitsFilter): Visit[] {
  return all(
    db,
    `SELECT * FROM visits
     WHERE (@patient IS NULL OR patient_id = @patient) AND (@nurse IS NULL OR nurse_id = @nurse)
       AND (@unsigned = 0 OR signed = 0) AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
     ORDER BY date DESC, arrival DESC, ${idNumberDesc()}
     LIMIT @limit`,
    {
      patient: f.patient ?? null,
      nurse: f.nurse ?? null,
      unsigned: f.unsignedOnly ? 1 : 0,
      from: f.from ?? null,
      to: f.to ?? null,
      limit: f.limit,
    },
  ).map(visitOf);
}

export function saveVisit(db: Db, v: Visit): void {
  run(
    db,
    `INSERT INTO visits (id, patient_id, therapy_id, nurse_id, date, arrival, departure, departure_date, signed, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, therapy_id = excluded.therapy_id,
       nurse_id = excluded.nurse_id, date = excluded.date, arrival = excluded.arrival, departure = excluded.departure,
       departure_date = excluded.departure_date, signed = excluded.signed, notes = excluded.notes`,
    v.id, v.patient, v.therapy, v.nurse, v.date, v.arrival, v.departure, v.departureDate ?? null, bit(v.signed), v.notes ?? null,
  );
}
