// Claims, their lines, billed source keys, findings and warning acknowledgements (0002_claims.sql).
// Every function runs inside the caller's transaction when there is one.
import type { Claim, ClaimFrequency, ClaimLine, ClaimStatus, Finding, LineKind, Severity } from '../../electron/domain/claims.ts';
import type { IsoDate, NdcUnit } from '../../electron/domain/types.ts';
import type { PriorPayerAdjudication } from '../../electron/domain/priorPayers.ts';
import { hash64 } from '../../electron/domain/hash.ts';
import type { ClaimLifeStatus } from '../../electron/domain/receivables.ts';
import { STATUS_SQL } from './claimStates.ts';
import { all, groupBy, num, numOrNull, one, run, str, strOrNull, type Db, type Row } from './sql.ts';

/** A stored claim with what the export gate (R-CL-11) needs. */
export interface StoredClaim extends Claim {
  /** the column: what the claim's own life (export, correction, void) goes by */
  status: ClaimStatus;
  /** what every view shows: `reversed` for a reversed claim (STATUS_SQL, the one reading) */
  shownStatus: ClaimLifeStatus;
  findings: Finding[];
  /** true when the current warnings were acknowledged (or there are none) */
  warningsAcknowledged: boolean;
  batchId: string | null;
  payerClaimNumber: string | null;
  originalClaimId: string | null;
  supersededBy: string | null;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  createdAt: string;
  exportedAt: string | null;
}

export interface ClaimSummary {
  id: string;
  patient: string;
  payer: string;
  frequency: ClaimFrequency;
  status: ClaimStatus;
  /** what every view shows: `reversed` for a reversed claim (STATUS_SQL) */
  shownStatus: ClaimLifeStatus;
  priorAuth: string | null;
  totalCents: number;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  lines: number;
  errors: number;
  warnings: number;
  warningsAcknowledged: boolean;
  batchId: string | null;
}

export interface ClaimFilter {
  from?: IsoDate;
  to?: IsoDate;
  payer?: string;
  patient?: string;
  status?: ClaimStatus | ClaimStatus[];
  ids?: string[];
  batch?: string;
}

// ---------- writing ----------

function serviceSpan(claim: Claim): { from: IsoDate; to: IsoDate } {
  const from = claim.lines.reduce((m, l) => (l.from < m ? l.from : m), claim.lines[0]?.from ?? claim.periodFrom);
  const to = claim.lines.reduce((m, l) => (l.to > m ? l.to : m), claim.lines[0]?.to ?? claim.periodTo);
  return { from, to };
}

export function insertClaim(db: Db, claim: Claim, createdAt: string, extra: { originalClaimId?: string | null; live?: boolean } = {}): void {
  const { from, to } = serviceSpan(claim);
  run(
    db,
    `INSERT INTO claims (id, patient_id, payer_id, coverage_priority, prescriber_id, frequency, prior_auth, original_claim_id,
       original_claim_number, diagnoses, total_cents, period_from, period_to, service_from, service_to, status, created_at, status_at,
       primary_claim_id, prior_payers)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    claim.id, claim.patient, claim.payer, claim.coveragePriority, claim.prescriber, claim.frequency, claim.priorAuth,
    extra.originalClaimId ?? null, claim.originalClaimNumber ?? null, JSON.stringify(claim.diagnoses), claim.totalCents,
    claim.periodFrom, claim.periodTo, from, to, claim.status ?? 'draft', createdAt, createdAt,
    claim.primaryClaim ?? null, claim.priorPayers?.length ? JSON.stringify(claim.priorPayers) : null,
  );
  insertLines(db, claim, extra.live !== false);
}

/**
 * A pending replacement (a frequency-7 draft) rebuilt: new lines, keys, diagnoses and total under
 * the same claim row, which the original's superseded_by points at (R-CL-8, R-CL-9).
 */
export function replaceClaimLines(db: Db, claim: Claim): void {
  const { from, to } = serviceSpan(claim);
  run(db, 'DELETE FROM claim_lines WHERE claim_id = ?', claim.id);
  run(db, 'UPDATE claims SET diagnoses = ?, total_cents = ?, service_from = ?, service_to = ? WHERE id = ?', JSON.stringify(claim.diagnoses), claim.totalCents, from, to, claim.id);
  insertLines(db, claim, true);
}

function insertLines(db: Db, claim: Claim, keysLive: boolean): void {
  const live = keysLive ? 1 : 0;
  claim.lines.forEach((l, i) => {
    const seq = i + 1;
    run(
      db,
      `INSERT INTO claim_lines (claim_id, seq, from_date, to_date, code, modifiers, units, charge_cents, pointers, ndc, ndc_qty,
         ndc_unit, kind, therapy_id, visit_id, rendering_npi, place_of_service, description, note, paper_modifiers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      claim.id, seq, l.from, l.to, l.code, JSON.stringify(l.modifiers), l.units, l.chargeCents, JSON.stringify(l.pointers),
      l.ndc, l.ndcQty, l.ndcUnit, l.kind, l.therapy, l.visit ?? null, l.renderingNpi ?? null, l.placeOfService ?? '12',
      l.description ?? null, l.note ?? null, l.paperModifiers ? JSON.stringify(l.paperModifiers) : null,
    );
    const keys = l.sourceKeys.length > 0 ? l.sourceKeys : [l.sourceKey];
    keys.forEach((key, k) => {
      run(
        db,
        'INSERT INTO claim_keys (source_key, claim_id, line_seq, service_date, fact_hash, live) VALUES (?, ?, ?, ?, ?, ?)',
        key, claim.id, seq, keyDate(key, l.from), l.factHashes?.[k] ?? '', live,
      );
    });
  });
}

/** Pending replacements (frequency 7, not yet sent) whose dates of service overlap [from, to]. */
export function pendingReplacements(db: Db, from: IsoDate, to: IsoDate, payer?: string): string[] {
  return all(
    db,
    `SELECT id FROM claims WHERE status = 'draft' AND frequency = '7' AND service_from <= ? AND service_to >= ? AND (? IS NULL OR payer_id = ?) ORDER BY id`,
    to, from, payer ?? null, payer ?? null,
  ).map((r) => str(r.id));
}

/** The date a key bills: day keys end with it (each day of a span has its own); others bill the line's date. */
function keyDate(key: string, lineFrom: IsoDate): IsoDate {
  const tail = key.slice(-10);
  return /^\d{4}-\d{2}-\d{2}$/.test(tail) ? tail : lineFrom;
}

export function insertFinding(db: Db, f: Finding, payer: string | null): void {
  run(
    db,
    `INSERT INTO claim_findings (claim_id, line, severity, rule, message, patient_id, payer_id, date, therapy_id, code, visit_id, dispense_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    f.claim ?? null, f.line ?? null, f.severity, f.rule, f.message, f.patient ?? null, payer, f.date ?? null,
    f.therapy ?? null, f.code ?? null, f.visit ?? null, f.dispense ?? null,
  );
}

/**
 * The build's own drafts overlapping [from, to] for one payer or all (params: to, from, payer, payer):
 * originals, never a draft secondary (primary_claim_id), which was drafted from a remittance (R-CO-1).
 * The span and the delete read the same claims, so a rebuild deletes exactly what it spans.
 */
const BUILD_DRAFTS = `status = 'draft' AND frequency = '1' AND primary_claim_id IS NULL AND service_from <= ? AND service_to >= ? AND (? IS NULL OR payer_id = ?)`;

/** Dates of service spanned by the original drafts that overlap [from, to] (for one payer). */
export function draftSpanOverlapping(db: Db, from: IsoDate, to: IsoDate, payer?: string): { from: IsoDate; to: IsoDate } | null {
  const r = one(
    db,
    `SELECT min(service_from) AS f, max(service_to) AS t FROM claims
     WHERE ${BUILD_DRAFTS}`,
    to, from, payer ?? null, payer ?? null,
  );
  return r && r.f !== null ? { from: str(r.f), to: str(r.t) } : null;
}

/** Deletes the build's drafts overlapping [from, to] (BUILD_DRAFTS: a draft secondary stays) and the loose findings of those dates. */
export function deleteDrafts(db: Db, from: IsoDate, to: IsoDate, payer?: string): number {
  const ids = all(
    db,
    `SELECT id FROM claims WHERE ${BUILD_DRAFTS}`,
    to, from, payer ?? null, payer ?? null,
  ).map((r) => str(r.id));
  for (const id of ids) run(db, 'DELETE FROM claims WHERE id = ?', id);
  run(
    db,
    `DELETE FROM claim_findings WHERE (claim_id IS NULL OR claim_id IN (SELECT id FROM claims WHERE status <> 'draft' OR frequency <> '1'))
       AND (date IS NULL OR date BETWEEN ? AND ?) AND (? IS NULL OR payer_id IS NULL OR payer_id = ?)`,
    from, to, payer ?? null, payer ?? null,
  );
  return ids.length;
}

export function updateClaimStatus(db: Db, id: string, status: ClaimStatus, at: string, fields: { payerClaimNumber?: string | null; batchId?: string | null; supersededBy?: string | null } = {}): void {
  run(
    db,
    `UPDATE claims SET status = ?, status_at = ?,
       payer_claim_number = coalesce(?, payer_claim_number),
       batch_id = coalesce(?, batch_id),
       exported_at = CASE WHEN ? = 'exported' THEN ? ELSE exported_at END,
       superseded_by = coalesce(?, superseded_by)
     WHERE id = ?`,
    status, at, fields.payerClaimNumber ?? null, fields.batchId ?? null, status, at, fields.supersededBy ?? null, id,
  );
}

/** Marks draft claims exported in one batch (the exporters call it inside their transaction). */
export function markExported(db: Db, claimIds: readonly string[], batchId: string, at: string = new Date().toISOString()): void {
  db.transaction(() => {
    for (const id of claimIds) {
      const r = one(db, 'SELECT status FROM claims WHERE id = ?', id);
      if (!r) throw new Error(`claim ${id} does not exist`);
      if (r.status !== 'draft') throw new Error(`claim ${id} is ${str(r.status)}, not a draft; it cannot be exported again`);
      updateClaimStatus(db, id, 'exported', at, { batchId });
    }
  })();
}

export function warningsHash(findings: readonly Finding[]): string {
  const w = findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule}|${f.line ?? ''}|${f.message}`).sort();
  return hash64(w.join('\n'));
}

export function acknowledge(db: Db, claimId: string, hash: string, at: string): void {
  run(
    db,
    `INSERT INTO claim_warning_acks (claim_id, warnings_hash, acknowledged_at) VALUES (?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET warnings_hash = excluded.warnings_hash, acknowledged_at = excluded.acknowledged_at`,
    claimId, hash, at,
  );
}

// ---------- reading ----------

/** `keys`: the line's own claim_keys rows (grouped by seq once per claim, not filtered per line). */
function lineOf(r: Row, keys: readonly Row[]): ClaimLine {
  const sorted = [...keys].sort((a, b) => (str(a.service_date) < str(b.service_date) ? -1 : 1));
  return {
    from: str(r.from_date),
    to: str(r.to_date),
    code: str(r.code),
    modifiers: JSON.parse(str(r.modifiers)) as string[],
    units: num(r.units),
    chargeCents: num(r.charge_cents),
    pointers: JSON.parse(str(r.pointers)) as string[],
    ndc: strOrNull(r.ndc),
    ndcQty: numOrNull(r.ndc_qty),
    ndcUnit: strOrNull(r.ndc_unit) as NdcUnit | null,
    sourceKey: sorted[0] ? str(sorted[0].source_key) : '',
    sourceKeys: sorted.map((k) => str(k.source_key)),
    factHashes: sorted.map((k) => str(k.fact_hash)),
    kind: str(r.kind) as LineKind,
    therapy: strOrNull(r.therapy_id),
    visit: strOrNull(r.visit_id),
    renderingNpi: strOrNull(r.rendering_npi),
    placeOfService: str(r.place_of_service),
    ...(r.description !== null ? { description: str(r.description) } : {}),
    ...(r.note !== null ? { note: str(r.note) } : {}),
    ...(r.paper_modifiers !== null ? { paperModifiers: JSON.parse(str(r.paper_modifiers)) as string[] } : {}),
  };
}

function findingOf(r: Row): Finding {
  const f: Finding = {
    severity: str(r.severity) as Severity,
    rule: str(r.rule),
    message: str(r.message),
    claim: strOrNull(r.claim_id),
    line: numOrNull(r.line),
    patient: strOrNull(r.patient_id),
    date: strOrNull(r.date),
  };
  if (r.therapy_id !== null) f.therapy = str(r.therapy_id);
  if (r.code !== null) f.code = str(r.code);
  if (r.visit_id !== null) f.visit = str(r.visit_id);
  if (r.dispense_id !== null) f.dispense = str(r.dispense_id);
  return f;
}

function where(filter: ClaimFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.from) (parts.push('c.service_to >= ?'), params.push(filter.from));
  if (filter.to) (parts.push('c.service_from <= ?'), params.push(filter.to));
  if (filter.payer) (parts.push('c.payer_id = ?'), params.push(filter.payer));
  if (filter.patient) (parts.push('c.patient_id = ?'), params.push(filter.patient));
  if (filter.batch) (parts.push('c.batch_id = ?'), params.push(filter.batch));
  if (filter.status) {
    const s = Array.isArray(filter.status) ? filter.status : [filter.status];
    parts.push(`c.status IN (${s.map(() => '?').join(', ')})`);
    params.push(...s);
  }
  if (filter.ids) {
    parts.push(`c.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.ids));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const ORDER = 'ORDER BY c.patient_id, c.coverage_priority, c.payer_id, c.service_from, c.id';

function claimsOf(db: Db, rows: Row[]): StoredClaim[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const group = (list: Row[]) => groupBy(list, 'claim_id');
  const lines = group(db.prepare('SELECT * FROM claim_lines WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, seq').all(ids) as Row[]);
  const keys = group(db.prepare('SELECT * FROM claim_keys WHERE claim_id IN (SELECT value FROM json_each(?))').all(ids) as Row[]);
  const findings = group(db.prepare('SELECT * FROM claim_findings WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(ids) as Row[]);
  const acks = new Map(
    (db.prepare('SELECT * FROM claim_warning_acks WHERE claim_id IN (SELECT value FROM json_each(?))').all(ids) as Row[]).map((r) => [str(r.claim_id), str(r.warnings_hash)]),
  );
  return rows.map((r) => {
    const id = str(r.id);
    const fs = (findings.get(id) ?? []).map(findingOf);
    const hasWarnings = fs.some((f) => f.severity === 'warning');
    const keysOfLine = groupBy(keys.get(id) ?? [], 'line_seq');
    return {
      id,
      patient: str(r.patient_id),
      payer: str(r.payer_id),
      coveragePriority: num(r.coverage_priority) as 1 | 2 | 3,
      prescriber: str(r.prescriber_id),
      frequency: str(r.frequency) as ClaimFrequency,
      priorAuth: strOrNull(r.prior_auth),
      originalClaimNumber: strOrNull(r.original_claim_number),
      diagnoses: JSON.parse(str(r.diagnoses)) as string[],
      totalCents: num(r.total_cents),
      periodFrom: str(r.period_from),
      periodTo: str(r.period_to),
      lines: (lines.get(id) ?? []).map((l) => lineOf(l, keysOfLine.get(str(l.seq)) ?? [])),
      status: str(r.status) as ClaimStatus,
      shownStatus: str(r.shown_status) as ClaimLifeStatus,
      findings: fs,
      warningsAcknowledged: !hasWarnings || acks.get(id) === warningsHash(fs),
      batchId: strOrNull(r.batch_id),
      payerClaimNumber: strOrNull(r.payer_claim_number),
      originalClaimId: strOrNull(r.original_claim_id),
      supersededBy: strOrNull(r.superseded_by),
      serviceFrom: str(r.service_from),
      serviceTo: str(r.service_to),
      createdAt: str(r.created_at),
      exportedAt: strOrNull(r.exported_at),
      // R-CO-1: a secondary or tertiary carries its link and the earlier payers' adjudication
      ...(r.primary_claim_id !== null ? { primaryClaim: str(r.primary_claim_id) } : {}),
      ...(r.prior_payers !== null ? { priorPayers: JSON.parse(str(r.prior_payers)) as PriorPayerAdjudication[] } : {}),
    };
  });
}

export function getClaim(db: Db, id: string): StoredClaim | null {
  return claimsOf(db, all(db, `SELECT c.*, ${STATUS_SQL} AS shown_status FROM claims c WHERE c.id = ?`, id))[0] ?? null;
}

export function findClaims(db: Db, filter: ClaimFilter): StoredClaim[] {
  const w = where(filter);
  return claimsOf(db, db.prepare(`SELECT c.*, ${STATUS_SQL} AS shown_status FROM claims c ${w.sql} ${ORDER}`).all(...w.params) as Row[]);
}

export function listClaims(db: Db, filter: ClaimFilter = {}): ClaimSummary[] {
  const w = where(filter);
  const rows = db
    .prepare(
      `SELECT c.*, ${STATUS_SQL} AS shown_status, (SELECT count(*) FROM claim_lines l WHERE l.claim_id = c.id) AS line_count,
         (SELECT count(*) FROM claim_findings f WHERE f.claim_id = c.id AND f.severity = 'error') AS errors,
         (SELECT count(*) FROM claim_findings f WHERE f.claim_id = c.id AND f.severity = 'warning') AS warnings
       FROM claims c ${w.sql} ${ORDER}`,
    )
    .all(...w.params) as Row[];
  const acked = findClaims(db, { ids: rows.filter((r) => num(r.warnings) > 0).map((r) => str(r.id)) });
  const ack = new Map(acked.map((c) => [c.id, c.warningsAcknowledged]));
  return rows.map((r) => ({
    id: str(r.id),
    patient: str(r.patient_id),
    payer: str(r.payer_id),
    frequency: str(r.frequency) as ClaimFrequency,
    status: str(r.status) as ClaimStatus,
    shownStatus: str(r.shown_status) as ClaimLifeStatus,
    priorAuth: strOrNull(r.prior_auth),
    totalCents: num(r.total_cents),
    serviceFrom: str(r.service_from),
    serviceTo: str(r.service_to),
    lines: num(r.line_count),
    errors: num(r.errors),
    warnings: num(r.warnings),
    warningsAcknowledged: ack.get(str(r.id)) ?? true,
    batchId: strOrNull(r.batch_id),
  }));
}

/**
 * Claims for the 837P/PDF exporters, with their findings (R-CL-11 gate: exportGate()).
 * By default the drafts of the selection; `ids` or `batch` select those claims whatever their status.
 */
export function loadClaimsForExport(db: Db, sel: { from?: IsoDate; to?: IsoDate; payer?: string; ids?: string[]; batch?: string; status?: ClaimStatus[] } = {}): StoredClaim[] {
  const status = sel.status ?? (sel.ids || sel.batch ? undefined : (['draft'] as ClaimStatus[]));
  return findClaims(db, { ...sel, ...(status ? { status } : {}) });
}
