// exportPdf: CMS-1500 (02/12) pages, in one of three ways.
// - A print of a selection (range / payer / ids): a submission like an 837P. The drafts that pass
//   the gate of submission.ts (as an 837P) are drawn, then recorded as a `pdf` batch
//   with the exact bytes and SHA-256, linked and locked (status exported), in one IMMEDIATE
//   transaction that selects them again and records only if the selection is still the one drawn.
//   No interchange control number is used (the batch id counter is).
// - A reprint of any batch (`batch`): a copy of what went out, dated as the batch. Nothing is
//   recorded or locked; the audit trail notes the print.
// - A preview (`preview`): the same choice as a print, every page marked "PREVIEW - NOT A CLAIM"
//   above the form. Nothing is recorded or locked; the audit trail notes the print.
import type { IsoDateTime } from '../domain/types.ts';
import { appendAudit } from '../../db/repos/audit.ts';
import { loadClaimsForExport, markExported, type StoredClaim } from '../../db/repos/claims.ts';
import { batchClaimIds, batchIdOf, getBatch, insertBatch, takeNumber } from '../../db/repos/batches.ts';
import { listNurses } from '../../db/repos/nurses.ts';
import { getOrganization } from '../../db/repos/organization.ts';
import { listPatients } from '../../db/repos/patients.ts';
import { listPayers } from '../../db/repos/payers.ts';
import { listPrescribers } from '../../db/repos/prescribers.ts';
import type { Db } from '../../db/repos/sql.ts';
import { UserError } from '../domain/errors.ts';
import { currentActor } from '../../db/actor.ts';
import type { PDFDocument } from 'pdf-lib';
import { addRemittancePages } from '../cob/index.ts';
import type { Claim } from '../domain/claims.ts';
import { Cms1500Error, layoutClaim, renderCms1500, type FormDataset, type FormMode, type Offset } from '../export/cms1500/index.ts';
import { submissionCandidates, type Candidate, type LeftOut, type SubmissionSelection } from './submission.ts';

/** A selection (range / payer / ids, as an 837P export), or a batch to reprint. */
export interface ExportPdfFilter extends SubmissionSelection {
  /** reprint every claim of this batch (837 or pdf), in file order (not combined with from/to/payer/preview) */
  batch?: string;
  form: FormMode;
  /** printer offset in points (the app keeps it as a setting) */
  offset?: Offset;
  /** a draft preview: marked on every page, records nothing */
  preview?: boolean;
  /**
   * issue 13: after a secondary's or tertiary's form, one readable page per earlier payer's
   * remittance for it (the paper payer needs the EOB); on unless false
   */
  remittances?: boolean;
}

export interface PdfBatch {
  id: string;
  fileName: string;
  sha256: string;
}

export interface ExportPdfResult {
  bytes: Uint8Array;
  pages: number;
  claims: string[];
  leftOut: LeftOut[];
  /** the recorded batch of a print; null for a reprint or a preview */
  batch: PdfBatch | null;
}

export interface ExportPdfOptions {
  now: IsoDateTime;
  /**
   * Called inside the transaction that records a print's batch (e.g. to write a temporary file);
   * if it throws, nothing is recorded. Not called for reprints and previews.
   */
  deliver?: (file: { batchId: string; fileName: string; bytes: Uint8Array }) => void;
}

/** How often a print is drawn again when its claims changed while they were being drawn. */
const ATTEMPTS = 3;

function formDataset(db: Db): FormDataset {
  return {
    organization: getOrganization(db),
    payers: listPayers(db),
    patients: listPatients(db),
    prescribers: listPrescribers(db),
    nurses: listNurses(db),
  };
}

/** A batch's claims in file order; they passed the gate when they went out. */
function batchClaims(db: Db, batch: string, filter: ExportPdfFilter): Candidate[] {
  const order = batchClaimIds(db, batch);
  const wanted = filter.claimIds ? new Set(filter.claimIds) : null;
  return loadClaimsForExport(db, { batch })
    .filter((c) => !wanted || wanted.has(c.id))
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
    .map((claim) => ({ claim, refusal: null }));
}

interface Plan {
  chosen: StoredClaim[];
  leftOut: LeftOut[];
  pages: number;
  dataset: FormDataset;
  /** everything the drawing depends on, to tell whether the selection changed since */
  fingerprint: string;
}

/** The claims to draw and why the others are left out (call inside a transaction: one consistent state). */
function plan(db: Db, filter: ExportPdfFilter, now: IsoDateTime): Plan {
  const reprint = filter.batch !== undefined;
  const candidates = reprint ? batchClaims(db, filter.batch!, filter) : submissionCandidates(db, filter);
  const dataset = formDataset(db);
  const leftOut: LeftOut[] = [];
  const chosen: StoredClaim[] = [];
  let pages = 0;
  for (const { claim: c, refusal } of candidates) {
    let reason = refusal;
    if (!reason) {
      try {
        pages += layoutClaim(c, dataset, now).length;
      } catch (e) {
        if (!(e instanceof Cms1500Error)) throw e;
        reason = e.reason;
      }
    }
    if (reason) leftOut.push({ claim: c.id, reason });
    else chosen.push(c);
  }
  if (chosen.length === 0) {
    const what = reprint ? `batch ${filter.batch} has no claim to print` : candidates.length === 0 ? 'no claim to print in that selection' : 'no printable claim in that selection';
    throw new UserError(what, leftOut.map((l) => `${l.claim}: ${l.reason}`));
  }
  return { chosen, leftOut, pages, dataset, fingerprint: JSON.stringify([chosen, leftOut, dataset]) };
}

function draw(p: Plan, filter: ExportPdfFilter, now: IsoDateTime): Promise<Uint8Array> {
  return renderCms1500({
    claims: p.chosen,
    dataset: p.dataset,
    mode: filter.form,
    now,
    ...(filter.offset ? { offset: filter.offset } : {}),
    ...(filter.preview ? { preview: true } : {}),
    ...(filter.remittances !== false ? { afterClaim: (doc: PDFDocument, c: Claim) => addRemittancePages(doc, c, p.dataset.payers) } : {}),
  });
}

function checkFilter(filter: ExportPdfFilter): void {
  if (filter.batch !== undefined) {
    if (filter.from || filter.to || filter.payer) throw new UserError('a batch is printed whole: leave out --from, --to and --payer');
    if (filter.preview) throw new UserError('a batch is reprinted, not previewed: leave out --preview (a reprint records nothing)');
  }
}

/** Reprints and previews record no batch, but printing PHI is noted in the audit trail (docs/security.md). */
function auditPrint(db: Db, filter: ExportPdfFilter, result: ExportPdfResult): void {
  appendAudit(db, {
    actor: currentActor(db),
    action: 'export.pdf',
    entity: filter.batch ? 'batches' : 'claims',
    entityId: filter.batch ?? null,
    after: {
      print: filter.batch ? 'reprint' : 'preview',
      form: filter.form,
      claims: result.claims,
      pages: result.pages,
      ...(filter.batch ? {} : { from: filter.from ?? null, to: filter.to ?? null, payer: filter.payer ?? null }),
    },
  });
}

export async function exportPdf(db: Db, filter: ExportPdfFilter, opts: ExportPdfOptions): Promise<ExportPdfResult> {
  checkFilter(filter);
  if (filter.batch !== undefined || filter.preview) {
    let now = opts.now;
    const p = db.transaction(() => {
      if (filter.batch !== undefined) {
        const b = getBatch(db, filter.batch);
        if (!b) throw new UserError(`there is no batch ${filter.batch}`);
        // a reprint is a copy of what went out: dated as the batch
        now = b.createdAt;
      }
      return plan(db, filter, now);
    })();
    const result: ExportPdfResult = { bytes: await draw(p, filter, now), pages: p.pages, claims: p.chosen.map((c) => c.id), leftOut: p.leftOut, batch: null };
    auditPrint(db, filter, result);
    return result;
  }

  // A print is a submission. The drawing is asynchronous and a transaction cannot wait for it,
  // so the claims are chosen and drawn first, then chosen again inside the IMMEDIATE transaction
  // that records them: the batch is recorded only if that choice (claims, findings,
  // acknowledgements and records) is still exactly the one drawn.
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const drawn = db.transaction(() => plan(db, filter, opts.now))();
    const bytes = await draw(drawn, filter, opts.now);
    const recorded = db
      .transaction((): ExportPdfResult | null => {
        const now = plan(db, filter, opts.now);
        if (now.fingerprint !== drawn.fingerprint) return null;
        const batchId = batchIdOf(takeNumber(db, 'batch'));
        const fileName = `${batchId}-CMS1500-${filter.form}.pdf`;
        const ids = drawn.chosen.map((c) => c.id);
        const saved = insertBatch(db, {
          id: batchId,
          kind: 'pdf',
          createdAt: opts.now,
          fileName,
          bytes,
          claims: drawn.chosen.map((c) => ({ id: c.id, frequency: c.frequency })),
        });
        markExported(db, ids, batchId, opts.now);
        opts.deliver?.({ batchId, fileName, bytes });
        return { bytes, pages: drawn.pages, claims: ids, leftOut: drawn.leftOut, batch: { id: batchId, fileName, sha256: saved.sha256 } };
      })
      .immediate();
    if (recorded) return recorded;
  }
  throw new UserError(`the claims of that selection changed while they were being drawn (${ATTEMPTS} times); nothing was recorded, print again`);
}
