// Which nurses a patient is assigned to (0011_nurse_assignments.sql), and the patients a nurse
// may see: those assigned to her and those of the visits she logged (a visit keeps its patient in
// her list after the assignment ends).
import type { Db } from './sql.ts';

/** `id IN (…)` of the patients nurse `?` may see; takes the nurse id twice. */
export const NURSE_PATIENTS_SQL = `SELECT patient_id FROM patient_nurses WHERE nurse_id = ? UNION SELECT patient_id FROM visits WHERE nurse_id = ?`;

export function nurseMaySee(db: Db, nurseId: string, patient: string): boolean {
  return db.prepare(`SELECT 1 FROM (${NURSE_PATIENTS_SQL}) WHERE patient_id = ?`).get(nurseId, nurseId, patient) !== undefined;
}

export function nursesOf(db: Db, patient: string): string[] {
  return (db.prepare('SELECT nurse_id FROM patient_nurses WHERE patient_id = ? ORDER BY nurse_id').all(patient) as { nurse_id: string }[]).map((r) => r.nurse_id);
}

export function setAssignment(db: Db, patient: string, nurse: string, assigned: boolean): void {
  if (assigned) db.prepare('INSERT OR IGNORE INTO patient_nurses (patient_id, nurse_id) VALUES (?, ?)').run(patient, nurse);
  else db.prepare('DELETE FROM patient_nurses WHERE patient_id = ? AND nurse_id = ?').run(patient, nurse);
}
