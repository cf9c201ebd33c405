import type { Measure, PriorAuth, Route, Schedule, Therapy } from '../../electron/domain/types.ts';
import { all, bit, bool, groupBy, num, numOrNull, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';

function scheduleOf(r: Row): Schedule {
  switch (r.schedule_kind) {
    case 'everyHours':
      return { everyHours: num(r.schedule_every) };
    case 'everyDays':
      return { everyDays: num(r.schedule_every) };
    case 'weekly':
      return { weekly: true };
    case 'monthly':
      return { monthly: true };
    default:
      return { continuous: true };
  }
}

function scheduleParams(s: Schedule): [string, number | null] {
  if ('everyHours' in s) return ['everyHours', s.everyHours];
  if ('everyDays' in s) return ['everyDays', s.everyDays];
  if ('weekly' in s) return ['weekly', null];
  if ('monthly' in s) return ['monthly', null];
  return ['continuous', null];
}

interface Children {
  holds: Map<string, Row[]>;
  doses: Map<string, Row[]>;
  diagnoses: Map<string, Row[]>;
  auths: Map<string, Row[]>;
  authUnits: Map<string, Row[]>;
  drugs: Map<string, Row[]>;
}

function therapyOf(r: Row, c: Children): Therapy {
  const id = str(r.id);
  const authUnits = c.authUnits.get(id) ?? [];
  return {
    id,
    patient: str(r.patient_id),
    payer: str(r.payer_id),
    category: str(r.category),
    qualifier: bool(r.has_qualifier)
      ? { litersPerDay: numOrNull(r.qualifier_liters), mode: strOrNull(r.qualifier_mode), lumen: strOrNull(r.qualifier_lumen) }
      : null,
    route: str(r.route) as Route,
    selfAdministered: bool(r.self_administered),
    perDiemCode: strOrNull(r.per_diem_code),
    schedule: scheduleOf(r),
    start: str(r.start_date),
    stop: strOrNull(r.stop_date),
    holds: (c.holds.get(id) ?? []).map((h) => ({ from: str(h.from_date), to: strOrNull(h.to_date), reason: strOrNull(h.reason) })),
    doses: (c.doses.get(id) ?? []).map((d) => ({ date: str(d.date), given: bool(d.given) })),
    diagnoses: (c.diagnoses.get(id) ?? []).map((d) => str(d.code)),
    prescriber: str(r.prescriber_id),
    priorAuths: (c.auths.get(id) ?? []).map((a): PriorAuth => {
      let units: Record<string, number> | null = null;
      if (bool(a.has_units)) {
        units = {};
        for (const u of authUnits) if (u.auth_seq === a.seq) units[str(u.code)] = num(u.units);
      }
      return { number: str(a.number), from: str(a.from_date), to: strOrNull(a.to_date), units };
    }),
    drugs: (c.drugs.get(id) ?? []).map((d) => ({ ndc: str(d.ndc), dose: { amount: num(d.dose_amount), unit: str(d.dose_unit) as Measure } })),
  };
}

/** A handful of queries whatever the number of therapies: the rows, then each child table once. */
function therapiesWhere(db: Db, where: string, params: unknown[]): Therapy[] {
  const rows = all(db, `SELECT * FROM therapies ${where} ORDER BY rowid`, ...params);
  if (rows.length === 0) return [];
  const ids = where ? `WHERE therapy_id IN (SELECT id FROM therapies ${where})` : '';
  const child = (table: string, order = 'seq') =>
    groupBy(all(db, `SELECT * FROM ${table} ${ids} ORDER BY therapy_id, ${order}`, ...(where ? params : [])), 'therapy_id');
  const c: Children = {
    holds: child('therapy_holds'),
    doses: child('therapy_doses'),
    diagnoses: child('therapy_diagnoses'),
    auths: child('prior_auths'),
    authUnits: child('prior_auth_units', 'auth_seq, seq'),
    drugs: child('therapy_drugs'),
  };
  return rows.map((r) => therapyOf(r, c));
}

export function listTherapies(db: Db): Therapy[] {
  return therapiesWhere(db, '', []);
}

export function listPatientTherapies(db: Db, patientId: string): Therapy[] {
  return therapiesWhere(db, 'WHERE patient_id = ?', [patientId]);
}

export function getTherapy(db: Db, id: string): Therapy | null {
  return therapiesWhere(db, 'WHERE id = ?', [id])[0] ?? null;
}

type ChildRows = [table: string, columns: readonly string[], rows: unknown[][]];

/** The therapy's child tables as rows by position (seq), each without its therapy_id and seq. */
function childRows(t: Therapy): ChildRows[] {
  return [
    ['therapy_holds', ['from_date', 'to_date', 'reason'], t.holds.map((h) => [h.from, h.to ?? null, h.reason ?? null])],
    ['therapy_doses', ['date', 'given'], t.doses.map((d) => [d.date, bit(d.given)])],
    ['therapy_diagnoses', ['code'], t.diagnoses.map((code) => [code])],
    ['prior_auths', ['number', 'from_date', 'to_date', 'has_units'], t.priorAuths.map((a) => [a.number, a.from, a.to ?? null, a.units ? 1 : 0])],
    ['therapy_drugs', ['ndc', 'dose_amount', 'dose_unit'], t.drugs.map((d) => [d.ndc, d.dose.amount, d.dose.unit])],
  ];
}

/** Upserts the therapy; its holds, doses, diagnoses, authorizations and drugs become `t`'s. */
export function saveTherapy(db: Db, t: Therapy): void {
  const [kind, every] = scheduleParams(t.schedule);
  const q = t.qualifier;
  db.transaction(() => {
    run(
      db,
      `INSERT INTO therapies (id, patient_id, payer_id, category, qualifier_liters, qualifier_mode, qualifier_lumen, has_qualifier,
         route, self_administered, per_diem_code, schedule_kind, schedule_every, start_date, stop_date, prescriber_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, payer_id = excluded.payer_id,
         category = excluded.category, qualifier_liters = excluded.qualifier_liters, qualifier_mode = excluded.qualifier_mode,
         qualifier_lumen = excluded.qualifier_lumen, has_qualifier = excluded.has_qualifier, route = excluded.route,
         self_administered = excluded.self_administered, per_diem_code = excluded.per_diem_code,
         schedule_kind = excluded.schedule_kind, schedule_every = excluded.schedule_every, start_date = excluded.start_date,
         stop_date = excluded.stop_date, prescriber_id = excluded.prescriber_id`,
      t.id, t.patient, t.payer, t.category, q?.litersPerDay ?? null, q?.mode ?? null, q?.lumen ?? null, q ? 1 : 0,
      t.route, bit(t.selfAdministered), t.perDiemCode ?? null, kind, every, t.start, t.stop ?? null, t.prescriber,
    );
    // children are updated in place by position and only the ones past the new list are removed, so a
    // save that changes nothing writes no audit row and the therapy's version (versions.ts) moves
    // only when it changes; the newest row of its history is then what really changed
    run(db, 'DELETE FROM prior_auth_units WHERE therapy_id = ? AND auth_seq >= ?', t.id, t.priorAuths.length);
    for (const [table, cols, rows] of childRows(t)) {
      rows.forEach((values, seq) =>
        run(
          db,
          `INSERT INTO ${table} (therapy_id, seq, ${cols.join(', ')}) VALUES (?, ?, ${cols.map(() => '?').join(', ')})
           ON CONFLICT (therapy_id, seq) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
          t.id, seq, ...values,
        ),
      );
      run(db, `DELETE FROM ${table} WHERE therapy_id = ? AND seq >= ?`, t.id, rows.length);
    }
    t.priorAuths.forEach((a, seq) => {
      const units = Object.entries(a.units ?? {});
      run(db, 'DELETE FROM prior_auth_units WHERE therapy_id = ? AND auth_seq = ? AND code NOT IN (SELECT value FROM json_each(?))', t.id, seq, JSON.stringify(units.map(([code]) => code)));
      units.forEach(([code, n], i) =>
        run(
          db,
          `INSERT INTO prior_auth_units (therapy_id, auth_seq, code, units, seq) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (therapy_id, auth_seq, code) DO UPDATE SET units = excluded.units, seq = excluded.seq`,
          t.id, seq, code, n, i,
        ),
      );
    });
  })();
}
