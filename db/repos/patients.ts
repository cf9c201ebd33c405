import type { Coverage, Patient, Sex } from '../../electron/domain/types.ts';
import { addressOf, addressParams, all, groupBy, num, one, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';
import { NURSE_PATIENTS_SQL } from './assignments.ts';

function coverageOf(r: Row): Coverage {
  const hasSubscriber = r.sub_first_name !== null;
  return {
    payer: str(r.payer_id),
    priority: num(r.priority) as Coverage['priority'],
    memberId: str(r.member_id),
    groupNumber: strOrNull(r.group_number),
    relationship: str(r.relationship) as Coverage['relationship'],
    subscriber: hasSubscriber
      ? {
          firstName: str(r.sub_first_name),
          lastName: str(r.sub_last_name),
          middle: strOrNull(r.sub_middle),
          dob: str(r.sub_dob),
          sex: str(r.sub_sex) as Sex,
          address: addressOf(r, 'sub_addr_'),
        }
      : null,
    // R-CO-1: present only when the coverage has a date limit (open otherwise), as the import leaves them
    ...(r.active_from !== null ? { from: str(r.active_from) } : {}),
    ...(r.active_to !== null ? { to: str(r.active_to) } : {}),
  };
}

function patientOf(r: Row, coverages: Row[]): Patient {
  return {
    id: str(r.id),
    firstName: str(r.first_name),
    lastName: str(r.last_name),
    middle: strOrNull(r.middle),
    dob: str(r.dob),
    sex: str(r.sex) as Sex,
    address: addressOf(r),
    phone: strOrNull(r.phone),
    coverages: coverages.map(coverageOf),
  };
}

function patientsWhere(db: Db, where: string, params: unknown[], tail = 'ORDER BY rowid'): Patient[] {
  const rows = all(db, `SELECT * FROM patients ${where} ${tail}`, ...params);
  if (rows.length === 0) return [];
  const covers = groupBy(
    all(db, `SELECT * FROM coverages WHERE patient_id IN (SELECT id FROM patients ${where} ${tail}) ORDER BY patient_id, seq`, ...params),
    'patient_id',
  );
  return rows.map((r) => patientOf(r, covers.get(str(r.id)) ?? []));
}

export function listPatients(db: Db): Patient[] {
  return patientsWhere(db, '', []);
}

/** The patients with these ids (in the store's order; unknown ids are left out), in two queries. */
export function listPatientsByIds(db: Db, ids: readonly string[]): Patient[] {
  if (ids.length === 0) return [];
  return patientsWhere(db, 'WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
}

export function getPatient(db: Db, id: string): Patient | null {
  return patientsWhere(db, 'WHERE id = ?', [id])[0] ?? null;
}

/**
 * Patients whose name, account number, member id or date of birth (YYYY-MM-DD, or MM/DD/YYYY)
 * matches `text`; every word must match. Sorted by last and first name.
 */
/** `scope`: only the patients a nurse may see (assignments.ts); null: every patient. */
export function searchPatients(db: Db, text: string, limit = 100, scope: { nurseId: string } | null = null): Patient[] {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 5).map((w) => isoFromUsDate(w) ?? w);
  const only = scope ? [`id IN (${NURSE_PATIENTS_SQL})`] : [];
  const onlyParams = scope ? [scope.nurseId, scope.nurseId] : [];
  if (words.length === 0) {
    return patientsWhere(db, only.length ? `WHERE ${only[0]}` : '', [...onlyParams, limit], 'ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE LIMIT ?');
  }
  const clause = words
    .map(
      () => `(first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR dob = ?
              OR id IN (SELECT patient_id FROM coverages WHERE member_id LIKE ? ESCAPE '\\'))`,
    )
    .join(' AND ');
  const params: unknown[] = [];
  for (const w of words) {
    const like = `${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like, w, like);
  }
  return patientsWhere(db, `WHERE ${[clause, ...only].join(' AND ')}`, [...params, ...onlyParams, limit], 'ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE LIMIT ?');
}

/** A date of birth typed as MM/DD/YYYY (or M/D/YYYY) in the ISO form the store keeps; null for anything else. */
export function isoFromUsDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
}

/** Upserts the patient; the coverages are replaced by `p.coverages`. */
export function savePatient(db: Db, p: Patient): void {
  db.transaction(() => {
    run(
      db,
      `INSERT INTO patients (id, first_name, last_name, middle, dob, sex, addr_line1, addr_line2, addr_city, addr_state, addr_zip, phone)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
         middle = excluded.middle, dob = excluded.dob, sex = excluded.sex, addr_line1 = excluded.addr_line1,
         addr_line2 = excluded.addr_line2, addr_city = excluded.addr_city, addr_state = excluded.addr_state,
         addr_zip = excluded.addr_zip, phone = excluded.phone`,
      p.id, p.firstName, p.lastName, p.middle ?? null, p.dob, p.sex, ...addressParams(p.address), p.phone ?? null,
    );
    // coverages are updated in place and only the ones no longer listed are removed: a save that
    // leaves a coverage as it was records nothing for it in the audit trail (nor a new version)
    run(db, 'DELETE FROM coverages WHERE patient_id = ? AND priority NOT IN (SELECT value FROM json_each(?))', p.id, JSON.stringify(p.coverages.map((c) => c.priority)));
    p.coverages.forEach((c, seq) => {
      const s = c.subscriber;
      run(
        db,
        `INSERT INTO coverages (patient_id, priority, payer_id, member_id, group_number, relationship, sub_first_name,
           sub_last_name, sub_middle, sub_dob, sub_sex, sub_addr_line1, sub_addr_line2, sub_addr_city, sub_addr_state, sub_addr_zip, seq, active_from, active_to)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (patient_id, priority) DO UPDATE SET payer_id = excluded.payer_id, member_id = excluded.member_id,
           group_number = excluded.group_number, relationship = excluded.relationship, sub_first_name = excluded.sub_first_name,
           sub_last_name = excluded.sub_last_name, sub_middle = excluded.sub_middle, sub_dob = excluded.sub_dob, sub_sex = excluded.sub_sex,
           sub_addr_line1 = excluded.sub_addr_line1, sub_addr_line2 = excluded.sub_addr_line2, sub_addr_city = excluded.sub_addr_city,
           sub_addr_state = excluded.sub_addr_state, sub_addr_zip = excluded.sub_addr_zip, seq = excluded.seq,
           active_from = excluded.active_from, active_to = excluded.active_to`,
        p.id, c.priority, c.payer, c.memberId, c.groupNumber ?? null, c.relationship,
        s?.firstName ?? null, s?.lastName ?? null, s?.middle ?? null, s?.dob ?? null, s?.sex ?? null, ...addressParams(s?.address), seq,
        c.from ?? null, c.to ?? null,
      );
    });
  })();
}

export function countPatients(db: Db): number {
  return one(db, 'SELECT count(*) AS n FROM patients')!.n as number;
}
