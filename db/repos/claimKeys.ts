// The source keys of stored claims: which billed facts are live (on an exported claim or a pending
// correction), the ids claims have taken, and a claim's keys switched on or off (R-CL-7, R-CL-8).
import type { ExportedFact } from '../../electron/domain/claims.ts';
import type { IsoDate, NdcUnit } from '../../electron/domain/types.ts';
import { all, num, numOrNull, run, str, strOrNull, type Db } from './sql.ts';

/**
 * The live source keys (exported claims and pending corrections) a build of [from, to] must know
 * (R-CL-8): those dated in the range (never billed again, changes reported; their codes count for
 * mutually exclusive codes, R-MX), drug and JW keys a
 * dispense covering the range may also cover (R-DR-10), keys of codes with authorized units
 * (R-CL-5), and initial Medicare visits up to one episode (61 days) after the range, which a
 * visit of the range may have made subsequent ones (R-NV-4). Without a range: every live key.
 * `lookAhead`: the codes (the engine's initial-visit codes) whose keys count up to 61 days past the range.
 */
export function liveKeys(db: Db, range?: { from: IsoDate; to: IsoDate }, lookAhead: readonly string[] = []): Map<string, ExportedFact> {
  // a key's units: its line's units shared by the line's keys (one a day on a per diem span),
  // counted only for the keys selected, not by grouping every key in the store on each build
  const rows = all(
    db,
    `SELECT k.source_key, k.claim_id, k.fact_hash, k.service_date, c.patient_id, c.payer_id, c.prior_auth,
            l.therapy_id, l.code,
            l.units * 1.0 / (SELECT count(*) FROM claim_keys s WHERE s.claim_id = k.claim_id AND s.line_seq = k.line_seq) AS units,
            -- a line spanning several days holds several keys: each key counts its share of the NDC quantity, as of the units
            l.ndc_qty * 1.0 / (SELECT count(*) FROM claim_keys s WHERE s.claim_id = k.claim_id AND s.line_seq = k.line_seq) AS ndc_qty, l.ndc_unit
     FROM claim_keys k
     JOIN claims c ON c.id = k.claim_id
     JOIN claim_lines l ON l.claim_id = k.claim_id AND l.seq = k.line_seq
     WHERE k.live = 1 AND (
       @from IS NULL
       OR k.service_date BETWEEN @from AND @to
       OR (l.kind IN ('drug', 'waste') AND k.service_date BETWEEN date(@from, '-' || (SELECT coalesce(max(days_supply), 0) FROM dispenses) || ' days') AND @to)
       OR EXISTS (SELECT 1 FROM prior_auth_units u WHERE u.therapy_id = l.therapy_id AND u.code = l.code)
       OR (l.code IN (SELECT value FROM json_each(@initial)) AND k.service_date BETWEEN @from AND date(@to, '+61 days')))
     ORDER BY k.claim_id, k.line_seq, k.source_key`,
    { from: range?.from ?? null, to: range?.to ?? null, initial: JSON.stringify(lookAhead) },
  );
  return new Map(
    rows.map((r) => [
      str(r.source_key),
      {
        claim: str(r.claim_id), hash: str(r.fact_hash), date: str(r.service_date), patient: str(r.patient_id), payer: str(r.payer_id),
        therapy: strOrNull(r.therapy_id), priorAuth: strOrNull(r.prior_auth), code: str(r.code), units: num(r.units), ndcQty: numOrNull(r.ndc_qty), ndcUnit: strOrNull(r.ndc_unit) as NdcUnit | null, // the column's CHECK holds it to NDC_UNITS
      },
    ]),
  );
}

/** Ids a new claim may not take (R-CL-7): those of stored claims and of every claim ever sent in a batch. */
export function claimIds(db: Db): Set<string> {
  return new Set(all(db, 'SELECT id FROM claims UNION SELECT claim_id FROM batch_claims').map((r) => str(r.id)));
}

export function setKeysLive(db: Db, claimId: string, live: boolean): void {
  run(db, 'UPDATE claim_keys SET live = ? WHERE claim_id = ?', live ? 1 : 0, claimId);
}

/**
 * The other claims that now bill a claim's source keys (live there): for a rejected original, the
 * new originals a build made of its dates (R-AK-1).
 */
export function claimsBillingKeysOf(db: Db, claimId: string): string[] {
  return all(
    db,
    `SELECT DISTINCT n.claim_id FROM claim_keys o JOIN claim_keys n ON n.source_key = o.source_key AND n.live = 1 AND n.claim_id <> o.claim_id
     WHERE o.claim_id = ? ORDER BY n.claim_id`,
    claimId,
  ).map((r) => str(r.claim_id));
}
