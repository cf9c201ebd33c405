import type { Visit } from '../../electron/domain/types.ts';
import { all, bit, bool, run, str, strOrNull } from './sql.ts';
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
