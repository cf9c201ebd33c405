import type { Dispense } from '../../electron/domain/types.ts';
import { all, num, run, str, strOrNull } from './sql.ts';
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

export function saveDispense(db: Db, d: Dispense): void {
  run(
    db,
    `INSERT INTO dispenses (id, therapy_id, date, ndc, quantity, days_supply, lot, expiry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET therapy_id = excluded.therapy_id, date = excluded.date, ndc = excluded.ndc,
       quantity = excluded.quantity, days_supply = excluded.days_supply, lot = excluded.lot, expiry = excluded.expiry`,
    d.id, d.therapy, d.date, d.ndc, d.quantity, d.daysSupply, d.lot ?? null, d.expiry ?? null,
  );
}
