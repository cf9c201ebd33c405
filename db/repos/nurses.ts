import type { Nurse } from '../../electron/domain/types.ts';
import { all, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';

const nurseOf = (r: Row): Nurse => ({
  id: str(r.id),
  firstName: str(r.first_name),
  lastName: str(r.last_name),
  credential: str(r.credential) as Nurse['credential'],
  npi: strOrNull(r.npi),
});

export function listNurses(db: Db): Nurse[] {
  return all(db, 'SELECT * FROM nurses ORDER BY rowid').map(nurseOf);
}

export function saveNurse(db: Db, n: Nurse): void {
  run(
    db,
    `INSERT INTO nurses (id, first_name, last_name, credential, npi) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
       credential = excluded.credential, npi = excluded.npi`,
    n.id, n.firstName, n.lastName, n.credential, n.npi ?? null,
  );
}

