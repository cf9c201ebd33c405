import type { Prescriber } from '../../electron/domain/types.ts';
import { all, run, str } from './sql.ts';
import type { Db, Row } from './sql.ts';

const prescriberOf = (r: Row): Prescriber => ({ id: str(r.id), firstName: str(r.first_name), lastName: str(r.last_name), npi: str(r.npi) });
export function listPrescribers(db: Db): Prescriber[] {
  return all(db, 'SELECT * FROM prescribers ORDER BY rowid').map(prescriberOf);
}

export function savePrescriber(db: Db, p: Prescriber): void {
  run(
    db,
    `INSERT INTO prescribers (id, first_name, last_name, npi) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, npi = excluded.npi`,
    p.id, p.firstName, p.lastName, p.npi,
  );
}
