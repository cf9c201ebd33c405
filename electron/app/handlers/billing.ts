// The billing workbench: build a period, read claims with findings, acknowledge warnings,
// export 837P / print CMS-1500 PDF batches (or preview them), download them again, replace or void
// a sent claim.
import { z } from 'zod';
import { getClaim } from '../../../db/repos/claims.ts';
import { followerIds } from '../../../db/repos/claimFollowups.ts';
import { getBatch, getBatchFile, listBatches } from '../../../db/repos/batches.ts';
import { UserError } from '../../domain/errors.ts';
import { buildPeriod } from '../../services/buildService.ts';
import { acknowledgeWarnings, ClaimStateError, createCorrection } from '../../services/claimsLifecycle.ts';
import { export837 } from '../../services/export837.ts';
import { id, period, printerOffset, selection } from '../args.ts';
import { batchRow, claimDetail, claimRow, MIME, NameBook, outcome } from '../views/billingRows.ts';
import type { BillingHandlers } from '../../contract/billing.ts';
import { defineHandlers } from '../define.ts';
import { exportPdfBatch } from '../views/pdfExport.ts';


/** Lifecycle refusals are the biller's to act on, not bugs. */
function asUserError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ClaimStateError) throw new UserError(e.message);
    throw e;
  }
}

function mustClaim(db: Parameters<typeof getClaim>[0], claimId: string) {
  const c = getClaim(db, claimId);
  if (!c) throw new UserError(`There is no claim ${claimId} (it may have been rebuilt under another id)`);
  return c;
}

export default defineHandlers<BillingHandlers>({
  'billing.build': {
    args: period,
    run: (ctx, p) => {
      const result = buildPeriod(ctx.db, { from: p.from, to: p.to, ...(p.payer ? { payer: p.payer } : {}) }, { today: ctx.today(), now: ctx.now() });
      // the build may widen the range to whole draft claims: list what it built
      const from = result.claims.reduce((m, c) => (c.periodFrom < m ? c.periodFrom : m), p.from);
      const to = result.claims.reduce((m, c) => (c.periodTo > m ? c.periodTo : m), p.to);
      return outcome(ctx.db, { from, to, payer: p.payer ?? null }, result.findings.filter((f) => !f.claim));
    },
  },
  'billing.listClaims': { args: period, run: (ctx, p) => outcome(ctx.db, p) },
  'billing.getClaim': { args: z.object({ id }), run: (ctx, a) => claimDetail(ctx.db, mustClaim(ctx.db, a.id)) },
  'billing.acknowledge': {
    args: z.object({ claim: id }),
    run: (ctx, a) =>
      asUserError(() => {
        acknowledgeWarnings(ctx.db, a.claim, ctx.now());
        return claimRow(mustClaim(ctx.db, a.claim), new NameBook(ctx.db), followerIds(ctx.db, a.claim));
      }),
  },
  'billing.export837': {
    args: z.intersection(selection, z.object({ acceptWarnings: z.boolean().optional() })),
    run: (ctx, a) => {
      const r = export837(
        ctx.db,
        { ...(a.from ? { from: a.from } : {}), ...(a.to ? { to: a.to } : {}), ...(a.payer ? { payer: a.payer } : {}), acceptWarnings: a.acceptWarnings ?? false },
        { now: ctx.now(), ...(ctx.deliver ? { deliver: ctx.deliver } : {}) },
      );
      const batch = getBatch(ctx.db, r.batchId);
      return {
        batch: batch ? batchRow(batch) : null,
        file: { fileName: r.fileName, mime: MIME['837'], base64: r.bytes.toString('base64') },
        leftOut: r.leftOut,
        claims: r.claims,
        pages: null,
      };
    },
  },
  'billing.exportPdf': {
    args: z.intersection(
      selection,
      z.object({
        form: z.enum(['full', 'data']),
        batch: z.string().min(1).nullish(),
        acceptWarnings: z.boolean().optional(),
        preview: z.boolean().optional(),
        offset: printerOffset.optional(),
        remittancePages: z.boolean().optional(),
      }),
    ),
    run: (ctx, a) => exportPdfBatch(ctx, a),
  },
  'billing.batches': { run: (ctx) => listBatches(ctx.db).map(batchRow) },
  'billing.downloadBatch': {
    args: z.object({ id }),
    run: (ctx, a) => {
      const f = getBatchFile(ctx.db, a.id);
      const b = getBatch(ctx.db, a.id);
      if (!f || !b) throw new UserError(`There is no batch ${a.id}`);
      return { fileName: f.fileName, mime: MIME[b.kind], base64: f.bytes.toString('base64') };
    },
  },
  'billing.correct': {
    args: z.object({ claim: id, frequency: z.enum(['7', '8']), originalClaimNumber: z.string().trim().optional() }),
    run: (ctx, a) =>
      asUserError(() => {
        const c = createCorrection(ctx.db, a.claim, a.frequency, a.originalClaimNumber ?? null, ctx.today());
        return claimRow(c, new NameBook(ctx.db), followerIds(ctx.db, c.id));
      }),
  },
});
