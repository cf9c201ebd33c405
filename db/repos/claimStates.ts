// A claim's state as acknowledgments and remittances move it (R-AK-1): claims.status plus the
// `reversed` flag of 0007 read as one status, the payer's claim number and the reason in words.
import type { StoredClaim, StoredClaimStatus } from '../../electron/domain/postings.ts';
import type { ExpectedPayment } from '../../electron/domain/postings.ts';
import { all, num, rows, run, str, type Db, type Row, strOrNull } from './sql.ts';

export interface ClaimStateRow {
  id: string;
  patient: string;
  payer: string;
  frequency: '1' | '7' | '8';
  status: StoredClaimStatus;
  reason: string | null;
  payerClaimNumber: string | null;
  originalClaimId: string | null;
  supersededBy: string | null;
  totalCents: number;
  serviceFrom: string;
  serviceTo: string;
  exportedAt: string | null;
  batchId: string | null;
}

/** SQL for the status a person sees: a reversed claim reads `reversed` whatever its column says. */
export const STATUS_SQL = `CASE WHEN c.reversed = 1 THEN 'reversed' ELSE c.status END`;

function stateOf(r: Row): ClaimStateRow {
  return {
    id: str(r.id), patient: str(r.patient_id), payer: str(r.payer_id), frequency: str(r.frequency) as ClaimStateRow['frequency'],
    status: str(r.shown_status) as StoredClaimStatus, reason: strOrNull(r.status_reason), payerClaimNumber: strOrNull(r.payer_claim_number),
    originalClaimId: strOrNull(r.original_claim_id), supersededBy: strOrNull(r.superseded_by), totalCents: num(r.total_cents),
    serviceFrom: str(r.service_from), serviceTo: str(r.service_to), exportedAt: strOrNull(r.exported_at), batchId: strOrNull(r.batch_id),
  };
}

export interface StateFilter {
  ids?: readonly string[];
  status?: StoredClaimStatus;
  payer?: string;
  patient?: string;
  from?: string;
  to?: string;
}

export function claimStates(db: Db, f: StateFilter = {}): ClaimStateRow[] {
  // with ids the claims are looked up by key (IN over json_each), not scanned
  const ids = f.ids ? 'c.id IN (SELECT value FROM json_each(@ids)) AND' : '';
  return all(
    db,
    `SELECT c.*, ${STATUS_SQL} AS shown_status FROM claims c
     WHERE ${ids} (@status IS NULL OR ${STATUS_SQL} = @status)
       AND (@payer IS NULL OR c.payer_id = @payer) AND (@patient IS NULL OR c.patient_id = @patient)
       AND (@from IS NULL OR c.service_to >= @from) AND (@to IS NULL OR c.service_from <= @to)
     ORDER BY c.patient_id, c.service_from, c.id`,
    { ...(f.ids ? { ids: JSON.stringify(f.ids) } : {}), status: f.status ?? null, payer: f.payer ?? null, patient: f.patient ?? null, from: f.from ?? null, to: f.to ?? null },
  ).map(stateOf);
}

/**
 * The status and frequency of these claims, by id, read lean (raw rows, two columns): what an
 * acknowledgment or a remittance of thousands of claims needs to move them (R-AK-1).
 */
export function statusesOf(db: Db, ids: readonly string[]): Map<string, { status: StoredClaimStatus; frequency: ClaimStateRow['frequency'] }> {
  return new Map(rows(db, `SELECT c.id, ${STATUS_SQL}, c.frequency FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids))
    .map(([id, status, frequency]) => [str(id), { status: str(status) as StoredClaimStatus, frequency: str(frequency) as ClaimStateRow['frequency'] }]));
}

/**
 * R-AK-1 / R-RA-4: stores where an event moved a claim. `reversed` sets the flag and leaves the
 * payer holding the claim (accepted); any other status clears it.
 */
export function setReceivedState(db: Db, id: string, status: StoredClaimStatus, o: { reason: string; at: string; payerClaimNumber: string | null }): void {
  const reversed = status === 'reversed';
  run(
    db,
    `UPDATE claims SET status = ?, reversed = ?, status_reason = ?, status_at = ?, payer_claim_number = coalesce(?, payer_claim_number) WHERE id = ?`,
    reversed ? 'accepted' : status, reversed ? 1 : 0, o.reason, o.at, o.payerClaimNumber, id,
  );
}

/** The claims an 837 batch carried (for a 999 or a TA1): by ISA13, or by GS06 + ST02. */
export function claimsOfInterchange(db: Db, interchange: number): string[] {
  return all(db, `SELECT bc.claim_id FROM batch_claims bc JOIN batches b ON b.id = bc.batch_id WHERE b.kind = '837' AND b.interchange_control = ? ORDER BY bc.position`, interchange).map((r) => str(r.claim_id));
}

export function claimsOfTransaction(db: Db, group: number, transaction: string): string[] {
  return all(
    db,
    `SELECT bc.claim_id FROM batch_claims bc JOIN batches b ON b.id = bc.batch_id
     WHERE b.kind = '837' AND b.group_control = ? AND b.transaction_control = ? ORDER BY bc.position`,
    group, transaction,
  ).map((r) => str(r.claim_id));
}

/** The first date each claim went out (R-AR-1 aging from the send date). */
export function firstSent(db: Db): Map<string, string> {
  return new Map(all(db, `SELECT bc.claim_id, min(b.created_at) AS at FROM batch_claims bc JOIN batches b ON b.id = bc.batch_id GROUP BY bc.claim_id`).map((r) => [str(r.claim_id), str(r.at)]));
}

/** One claim line as postingClaims reads it: seq, code, modifiers (JSON), from, to, units, charge, ndc, paper modifiers (JSON). */
type PostingLineRow = [number, string, string, string, string, number, number, string | null, string | null];

/**
 * The posting input (electron/domain/postings.ts StoredClaim) of these claims, read lean:
 * only what matching and R-RA-5 need, one query for the claims and one for their lines, so an
 * 835 of thousands of claims loads them in one pass. Line numbers are the 1-based seq the 837P
 * writes into REF*6R.
 */
export function postingClaims(db: Db, ids: readonly string[], expected: ExpectedPayment): StoredClaim[] {
  const json = JSON.stringify(ids);
  // raw rows (arrays) with only the columns posting reads: an 835 of 2,000 claims loads 40,000
  // lines, and building an object per row was most of the cost
  const claims = rows(db, `SELECT c.id, c.payer_id, c.frequency, ${STATUS_SQL}, c.payer_claim_number, c.total_cents FROM claims c
     WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.patient_id, c.service_from, c.id`, json).map(([id, payer, frequency, status, number, total]): StoredClaim => ({
    id: str(id), payer: str(payer), frequency: str(frequency) as StoredClaim['frequency'], status: str(status) as StoredClaimStatus,
    payerClaimNumber: strOrNull(number), chargeCents: num(total), lines: [],
  }));
  const byId = new Map(claims.map((c) => [c.id, c]));
  // an office bills a few dozen modifier lists and priced lines: each distinct list is parsed once
  // (shared, frozen) and each distinct (payer, code, ndc, units) priced once, not once per line
  const lists = new Map<string, readonly string[]>();
  const list = (text: string): readonly string[] => {
    let l = lists.get(text);
    if (l === undefined) lists.set(text, (l = Object.freeze(JSON.parse(text) as string[])));
    return l;
  };
  const prices = new Map<string, number | null>();
  // each claim's lines come as one JSON array (aggregated in SQLite, in seq order) and are parsed
  // by JSON.parse: 40,000 lines marshalled row by row cost three times as much
  for (const [claimId, lines] of rows(db, `SELECT l.claim_id, json_group_array(json_array(l.seq, l.code, l.modifiers, l.from_date, l.to_date, l.units, l.charge_cents, l.ndc, l.paper_modifiers) ORDER BY l.seq)
     FROM claim_lines l WHERE l.claim_id IN (SELECT value FROM json_each(?)) GROUP BY l.claim_id`, json)) {
    const claim = byId.get(str(claimId))!;
    for (const [seq, code, mods, from, to, units, charge, ndc, paper] of JSON.parse(str(lines)) as PostingLineRow[]) {
      const modifiers = list(mods);
      const key = `${claim.payer}\u0000${code}\u0000${mods}\u0000${ndc ?? ''}\u0000${units}`;
      let expectedCents = prices.get(key);
      if (expectedCents === undefined) prices.set(key, (expectedCents = expected(claim.payer, { code, modifiers, ndc, units })));
      claim.lines.push({
        line: seq, code, modifiers, from, to, units, chargeCents: charge, expectedCents,
        ...(paper !== null ? { paperModifiers: list(paper) } : {}),
      });
    }
  }
  return claims;
}

/** These claims' ids in the order claimStates lists them (patient, first date of service, id). */
export function claimOrder(db: Db, ids: readonly string[]): string[] {
  return rows(db, 'SELECT c.id FROM claims c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.patient_id, c.service_from, c.id', JSON.stringify(ids)).map(([id]) => str(id));
}
