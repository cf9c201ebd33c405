// Postings as electron/receive/postRemittance.ts makes them (R-RA-2, R-RA-4), the provider-level
// ledger (PLB), unmatched items in suspense (R-RA-1) and underpaid lines (R-RA-5): saved as they
// are and read back as the same types, so the pure core sees exactly what it posted.
import type {
  ClaimPosting, LinePosting, PostedAdjustment, ProviderPosting, UnderpaidLine, Unmatched,
} from '../../electron/domain/postings.ts';
import type { AdjustmentGroup, ClaimStatusCode, Remark } from '../../electron/domain/remittance.ts';
import type { ProviderAdjustmentItem, UnmatchedItem } from '../../electron/domain/receivables.ts';
import { all, groupBy, insertRows, num, numOrNull, run, str, strOrNull, type Db, type Row } from './sql.ts';

/**
 * The postings of one remittance with their lines and adjustments (claim-level as line 0), each
 * table's rows in file order, many rows per INSERT: an 835 of 2,000 claims stores 40,000 lines.
 */
export function insertPostings(db: Db, ps: readonly ClaimPosting[], fileId: number): void {
  const postings: unknown[] = [];
  const lines: unknown[] = [];
  const adjustments: unknown[] = [];
  // most lines have one position and no remarks: their JSON is written without JSON.stringify
  const json = (v: readonly unknown[]): string => (v.length === 0 ? '[]' : v.length === 1 && typeof v[0] === 'number' ? `[${v[0]}]` : JSON.stringify(v));
  const adjust = (p: ClaimPosting, line: number, as: readonly PostedAdjustment[]) =>
    as.forEach((a, i) => adjustments.push(p.id, line, i + 1, a.group, a.reason, a.cents, a.quantity));
  for (const p of ps) {
    postings.push(
      p.id, p.claimId, p.payer, fileId, p.remittance.control, p.remittance.traceNumber, p.remittance.paymentDate, p.position, p.kind,
      p.statusCode, p.payerClaimNumber, p.chargeCents, p.paidCents, p.patientResponsibilityCents, json(p.remarks),
      p.reverses, p.needsReview ? 1 : 0, p.postedAt,
    );
    adjust(p, 0, p.adjustments);
    for (const l of p.lines) {
      lines.push(p.id, l.line, json(l.positions), l.chargeCents, l.paidCents, l.unitsPaid, json(l.remarks));
      adjust(p, l.line, l.adjustments);
    }
  }
  insertRows(db, `remit_postings (id, claim_id, payer_id, file_id, remittance_control, trace_number, payment_date, position, kind,
       status_code, payer_claim_number, charge_cents, paid_cents, patient_resp_cents, remarks, reverses, needs_review, posted_at)`, 18, postings);
  insertRows(db, 'remit_posting_lines (posting_id, line, positions, charge_cents, paid_cents, units_paid, remarks)', 7, lines);
  insertRows(db, 'remit_adjustments (posting_id, line, seq, grp, reason, cents, quantity)', 7, adjustments);
}

const adjustmentOf = (r: Row): PostedAdjustment => ({ group: str(r.grp) as AdjustmentGroup, reason: str(r.reason), cents: num(r.cents), quantity: numOrNull(r.quantity) });

function postingsOf(db: Db, rows: Row[]): ClaimPosting[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const lines = groupBy(all(db, 'SELECT * FROM remit_posting_lines WHERE posting_id IN (SELECT value FROM json_each(?)) ORDER BY posting_id, line', ids), 'posting_id');
  const adjustments = groupBy(all(db, 'SELECT * FROM remit_adjustments WHERE posting_id IN (SELECT value FROM json_each(?)) ORDER BY posting_id, line, seq', ids), 'posting_id');
  return rows.map((r) => {
    const id = str(r.id);
    const adj = adjustments.get(id) ?? [];
    const ofLine = (line: number) => adj.filter((a) => num(a.line) === line).map(adjustmentOf);
    return {
      id,
      claimId: str(r.claim_id),
      payer: str(r.payer_id),
      remittance: { control: str(r.remittance_control), traceNumber: str(r.trace_number), paymentDate: str(r.payment_date) },
      position: num(r.position),
      kind: str(r.kind) as ClaimPosting['kind'],
      statusCode: str(r.status_code) as ClaimStatusCode,
      payerClaimNumber: strOrNull(r.payer_claim_number),
      chargeCents: num(r.charge_cents),
      paidCents: num(r.paid_cents),
      patientResponsibilityCents: num(r.patient_resp_cents),
      adjustments: ofLine(0),
      remarks: JSON.parse(str(r.remarks)) as Remark[],
      lines: (lines.get(id) ?? []).map((l): LinePosting => ({
        line: num(l.line),
        positions: JSON.parse(str(l.positions)) as number[],
        chargeCents: num(l.charge_cents),
        paidCents: num(l.paid_cents),
        unitsPaid: numOrNull(l.units_paid),
        adjustments: ofLine(num(l.line)),
        remarks: JSON.parse(str(l.remarks)) as Remark[],
      })),
      reverses: strOrNull(r.reverses),
      needsReview: num(r.needs_review) === 1,
      postedAt: str(r.posted_at),
    };
  });
}

/** The postings of these claims (all claims when absent), in the order they were posted. */
export function postingsFor(db: Db, claimIds?: readonly string[]): ClaimPosting[] {
  const rows = claimIds
    ? all(db, 'SELECT * FROM remit_postings WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY rowid', JSON.stringify(claimIds))
    : all(db, 'SELECT * FROM remit_postings ORDER BY rowid');
  return postingsOf(db, rows);
}

export function insertProviderPosting(db: Db, p: ProviderPosting, fileId: number): void {
  run(
    db,
    `INSERT INTO provider_adjustments (id, file_id, payer_id, trace_number, payment_date, position, provider_id, reason, reference, cents, related_claim_id, posted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    p.id, fileId, p.payer, p.remittance.traceNumber, p.remittance.paymentDate, p.position, p.providerId, p.reason, p.reference, p.cents, p.relatedClaimId, p.postedAt,
  );
}

/** R-RA-1: the provider ledger, newest payment first (in file order within one payment). */
export function providerLedger(db: Db): Omit<ProviderAdjustmentItem, 'words'>[] {
  return all(db, 'SELECT * FROM provider_adjustments ORDER BY payment_date DESC, file_id DESC, position, rowid').map((r) => ({
    id: str(r.id), payer: strOrNull(r.payer_id), traceNumber: str(r.trace_number), paymentDate: str(r.payment_date),
    reason: str(r.reason), reference: strOrNull(r.reference), cents: num(r.cents), relatedClaimId: strOrNull(r.related_claim_id),
  }));
}

export function insertUnmatched(db: Db, u: Unmatched, o: { fileId: number; payer: string | null; traceNumber: string }): void {
  run(
    db,
    'INSERT INTO unmatched_items (file_id, payer_id, trace_number, kind, position, claim_id, reason, cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    o.fileId, o.payer, o.traceNumber, u.kind, u.position, u.claimId, u.reason, u.cents,
  );
}

export function listUnmatched(db: Db, o: { open?: boolean; fileId?: number } = {}): UnmatchedItem[] {
  return all(
    db,
    `SELECT u.*, f.file_name FROM unmatched_items u JOIN received_files f ON f.id = u.file_id
     WHERE (? = 0 OR u.resolved_at IS NULL) AND (? IS NULL OR u.file_id = ?) ORDER BY u.id`,
    o.open ? 1 : 0, o.fileId ?? null, o.fileId ?? null,
  ).map((r) => ({
    id: num(r.id), fileId: num(r.file_id), fileName: str(r.file_name), payer: strOrNull(r.payer_id), traceNumber: str(r.trace_number),
    kind: str(r.kind) as UnmatchedItem['kind'], position: num(r.position), claimId: strOrNull(r.claim_id), reason: str(r.reason), cents: num(r.cents),
    resolvedAt: strOrNull(r.resolved_at), resolvedBy: strOrNull(r.resolved_by), resolution: strOrNull(r.resolution),
  }));
}

/** A person's decision on an unmatched item (posted by hand, returned to the payer …), in words. */
export function resolveUnmatched(db: Db, id: number, resolution: string, by: string, at: string): boolean {
  const r = db.prepare('UPDATE unmatched_items SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL').run(at, by, resolution, id);
  return r.changes === 1;
}

export function insertUnderpaid(db: Db, postingId: string, u: UnderpaidLine): void {
  run(
    db,
    'INSERT INTO underpaid_lines (posting_id, claim_id, line, expected_cents, allowed_cents, difference_cents) VALUES (?, ?, ?, ?, ?, ?)',
    postingId, u.claimId, u.line, u.expectedCents, u.allowedCents, u.differenceCents,
  );
}

export function underpaidFor(db: Db, claimIds?: readonly string[]): UnderpaidLine[] {
  const rows = claimIds
    ? all(db, 'SELECT * FROM underpaid_lines WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, line', JSON.stringify(claimIds))
    : all(db, 'SELECT * FROM underpaid_lines ORDER BY claim_id, line');
  return rows.map((r) => ({ claimId: str(r.claim_id), line: num(r.line), expectedCents: num(r.expected_cents), allowedCents: num(r.allowed_cents), differenceCents: num(r.difference_cents) }));
}
