// Claims as the billing workbench shows them: names instead of bare ids, findings inline, and
// whether the export gate (R-CL-11) lets the claim out.
import type { StoredClaim } from '../../../db/repos/claims.ts';
import { findClaims } from '../../../db/repos/claims.ts';
import { followerIds, followerMap } from '../../../db/repos/claimFollowups.ts';
import type { BatchSummary } from '../../../db/repos/batches.ts';
import { listDispenses } from '../../../db/repos/dispenses.ts';
import { lineRejectionsOf } from '../../../db/repos/lineRejections.ts';
import { getPatient } from '../../../db/repos/patients.ts';
import { getPayer } from '../../../db/repos/payers.ts';
import type { Db } from '../../../db/repos/sql.ts';
import { listVisits } from '../../../db/repos/visits.ts';
import type { Finding } from '../../domain/claims.ts';
import type { BatchRow, BuildOutcome, ClaimDetail, ClaimRow, Period } from '../../contract/billing.ts';
import { lineSource } from './lineSources.ts';

export class NameBook {
  private readonly patients = new Map<string, string>();
  private readonly payers = new Map<string, string>();
  constructor(private readonly db: Db) {}

  patient(id: string): string {
    let n = this.patients.get(id);
    if (n === undefined) {
      const p = getPatient(this.db, id);
      n = p ? `${p.lastName}, ${p.firstName}` : id;
      this.patients.set(id, n);
    }
    return n;
  }

  payer(id: string): string {
    let n = this.payers.get(id);
    if (n === undefined) {
      n = getPayer(this.db, id)?.name ?? id;
      this.payers.set(id, n);
    }
    return n;
  }
}

/** `followers`: the claims drafted after this one for the next payers (R-CO-1), shown beside it. */
export function claimRow(c: StoredClaim, names: NameBook, followers: readonly string[] = []): ClaimRow {
  const errors = c.findings.filter((f) => f.severity === 'error').length;
  const warnings = c.findings.filter((f) => f.severity === 'warning').length;
  return {
    id: c.id,
    patient: c.patient,
    patientName: names.patient(c.patient),
    payer: c.payer,
    payerName: names.payer(c.payer),
    periodFrom: c.serviceFrom,
    periodTo: c.serviceTo,
    frequency: c.frequency,
    status: c.shownStatus,
    totalCents: c.totalCents,
    lineCount: c.lines.length,
    findings: c.findings,
    errors,
    warnings,
    acknowledged: c.warningsAcknowledged,
    exportable: c.status === 'draft' && errors === 0 && c.warningsAcknowledged,
    batch: c.batchId,
    priority: c.coveragePriority,
    primaryClaim: c.primaryClaim ?? null,
    followers: [...followers],
  };
}

/** Claims with errors first, then unacknowledged warnings, then the rest; by patient name within. */
function workOrder(a: ClaimRow, b: ClaimRow): number {
  const rank = (r: ClaimRow) => (r.errors > 0 ? 0 : r.warnings > 0 && !r.acknowledged ? 1 : 2);
  return rank(a) - rank(b) || a.patientName.localeCompare(b.patientName) || a.periodFrom.localeCompare(b.periodFrom) || a.id.localeCompare(b.id);
}

export function outcome(db: Db, period: Period, unattached: Finding[] = []): BuildOutcome {
  const names = new NameBook(db);
  const followers = followerMap(db);
  const claims = findClaims(db, { from: period.from, to: period.to, ...(period.payer ? { payer: period.payer } : {}) })
    .map((c) => claimRow(c, names, followers.get(c.id)))
    .sort(workOrder);
  return {
    claims,
    unattached,
    from: period.from,
    to: period.to,
    totals: {
      claims: claims.length,
      errors: claims.reduce((n, c) => n + c.errors, 0) + unattached.filter((f) => f.severity === 'error').length,
      warnings: claims.reduce((n, c) => n + c.warnings, 0) + unattached.filter((f) => f.severity === 'warning').length,
      totalCents: claims.reduce((n, c) => n + c.totalCents, 0),
    },
  };
}

export function claimDetail(db: Db, c: StoredClaim): ClaimDetail {
  const visits = new Map(listVisits(db).filter((v) => v.patient === c.patient).map((v) => [v.id, v]));
  const dispenses = new Map(listDispenses(db).map((d) => [d.id, d]));
  const rejected = new Map(lineRejectionsOf(db, [c.id]).map((r) => [r.line, r.reason]));
  return {
    row: claimRow(c, new NameBook(db), followerIds(db, c.id)),
    claim: c,
    lines: c.lines.map((l, i) => ({
      ...l,
      number: i + 1,
      sources: l.sourceKeys.map((k) => lineSource(k, { visits, dispenses })),
      findings: c.findings.filter((f) => f.line === i + 1),
      rejection: rejected.get(i + 1) ?? null,
    })),
  };
}

export function batchRow(b: BatchSummary): BatchRow {
  return {
    id: b.id,
    kind: b.kind,
    createdAt: b.createdAt,
    fileName: b.fileName,
    claimCount: b.claimCount,
    size: b.size,
    sha256: b.sha256,
    // as ISA13 carries it
    interchangeControl: b.interchangeControl === null ? null : String(b.interchangeControl).padStart(9, '0'),
  };
}

export const MIME = { '837': 'application/edi-x12', pdf: 'application/pdf' } as const;
