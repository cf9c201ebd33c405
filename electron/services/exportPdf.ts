// exportPdf: CMS-1500 (02/12) pages for the claims of a selection — the drafts of a range that
// pass the export gate (R-CL-11), the same choice as the 837 export — or for every claim of an
// exported batch (a reprint). Printing records nothing and locks nothing.
import type { Claim } from '../domain/claims.ts';
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import { exportGate } from '../claims/index.ts';
import { loadClaimsForExport, type StoredClaim } from '../../db/repos/claims.ts';
import { batchClaimIds, getBatch } from '../../db/repos/batches.ts';
import { listNurses } from '../../db/repos/nurses.ts';
import { getOrganization } from '../../db/repos/organization.ts';
import { listPatients } from '../../db/repos/patients.ts';
import { listPayers } from '../../db/repos/payers.ts';
import { listPrescribers } from '../../db/repos/prescribers.ts';
import type { Db } from '../../db/repos/sql.ts';
import { UserError } from '../cli/errors.ts';
import { Cms1500Error, layoutClaim, renderCms1500, type FormDataset, type FormMode, type Offset } from '../export/cms1500/index.ts';

export interface ExportPdfFilter {
  from?: IsoDate;
  to?: IsoDate;
  /** our payer id (payers[].id) */
  payer?: string;
  /** every claim of this exported batch, in file order (not combined with from/to/payer) */
  batch?: string;
  form: FormMode;
  /** R-CL-11: print claims whose warnings nobody acknowledged */
  acceptWarnings?: boolean;
  /** only these claims (still subject to the gate) */
  claimIds?: string[];
  /** printer offset in points (the app keeps it as a setting) */
  offset?: Offset;
}

export interface PdfLeftOut {
  claim: string;
  reason: string;
}

export interface ExportPdfResult {
  bytes: Uint8Array;
  pages: number;
  claims: string[];
  leftOut: PdfLeftOut[];
}

function formDataset(db: Db): FormDataset {
  return {
    organization: getOrganization(db),
    payers: listPayers(db),
    patients: listPatients(db),
    prescribers: listPrescribers(db),
    nurses: listNurses(db),
  };
}

/** Print order that does not depend on how the database returned the rows (as the 837 file). */
function byPrintOrder(a: Claim, b: Claim): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.payer, b.payer) || cmp(a.patient, b.patient) || cmp(a.periodFrom, b.periodFrom) || cmp(a.id, b.id);
}

function batchClaims(db: Db, batch: string, filter: ExportPdfFilter): StoredClaim[] {
  if (filter.from || filter.to || filter.payer) throw new UserError('a batch is printed whole: leave out --from, --to and --payer');
  if (!getBatch(db, batch)) throw new UserError(`there is no batch ${batch}`);
  const order = batchClaimIds(db, batch);
  const wanted = filter.claimIds ? new Set(filter.claimIds) : null;
  return loadClaimsForExport(db, { batch })
    .filter((c) => !wanted || wanted.has(c.id))
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

function rangeClaims(db: Db, filter: ExportPdfFilter): StoredClaim[] {
  return loadClaimsForExport(db, {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.payer ? { payer: filter.payer } : {}),
    ...(filter.claimIds ? { ids: filter.claimIds } : {}),
  }).sort(byPrintOrder);
}

/** Why a claim of a range is not printed (R-CL-11), or null. A batch's claims passed it when exported. */
function gate(c: StoredClaim, filter: ExportPdfFilter): string | null {
  const decision = exportGate(c.findings, c.warningsAcknowledged || filter.acceptWarnings === true);
  if (decision.ok) return null;
  const onlyWarnings = !c.findings.some((f) => f.severity === 'error');
  return `R-CL-11 ${decision.reason}${onlyWarnings ? ' (acknowledge the warnings or use --accept-warnings)' : ''}`;
}

export async function exportPdf(db: Db, filter: ExportPdfFilter, opts: { now: IsoDateTime }): Promise<ExportPdfResult> {
  // one read transaction: the claims and the records they name come from one consistent state
  const { candidates, dataset } = db.transaction(() => ({
    candidates: filter.batch ? batchClaims(db, filter.batch, filter) : rangeClaims(db, filter),
    dataset: formDataset(db),
  }))();

  const leftOut: PdfLeftOut[] = [];
  const chosen: Claim[] = [];
  let pages = 0;
  for (const c of candidates) {
    let reason = filter.batch ? null : gate(c, filter);
    if (!reason) {
      try {
        pages += layoutClaim(c, dataset, opts.now).length;
      } catch (e) {
        if (!(e instanceof Cms1500Error)) throw e;
        reason = e.reason;
      }
    }
    if (reason) leftOut.push({ claim: c.id, reason });
    else chosen.push(c);
  }
  if (chosen.length === 0) {
    const what = filter.batch ? `batch ${filter.batch} has no claim to print` : candidates.length === 0 ? 'no claim to print in that selection' : 'no printable claim in that selection';
    throw new UserError(what, leftOut.map((l) => `${l.claim}: ${l.reason}`));
  }
  const bytes = await renderCms1500({
    claims: chosen,
    dataset,
    mode: filter.form,
    now: opts.now,
    ...(filter.offset ? { offset: filter.offset } : {}),
  });
  return { bytes, pages, claims: chosen.map((c) => c.id), leftOut };
}
