// After the export (issue 12): received files, claims with their money, unmatched remittance
// items, the denial work queue and accounts receivable. Thin: each handler is one service call.
import { z } from 'zod';
import { listReceivedFiles, receivedFileBytes } from '../../../db/repos/received.ts';
import { listUnmatched, providerLedger, resolveUnmatched } from '../../../db/repos/postings.ts';
import { plbWords } from '../../receive/providerAdjustments.ts';
import { UserError } from '../../domain/errors.ts';
import { arReport } from '../../services/arReport.ts';
import { listClaimMoney } from '../../services/claimMoney.ts';
import { listDenials, resubmitDenial, reverseDenialWriteOff, updateDenial, writeOffDenial } from '../../services/denials.ts';
import { receiveFile } from '../../services/receive.ts';
import { listFollowUps } from '../../services/followUp.ts';
import { followUpDays, saveFollowUpDays } from '../../../db/repos/followUp.ts';
import type { RemittancesHandlers } from '../../contract/remittances.ts';
import type { HandlerContext } from '../context.ts';
import { date, id } from '../args.ts';
import { defineHandlers } from '../define.ts';
import { NameBook } from '../views/billingRows.ts';

const who = (ctx: HandlerContext) => ctx.user?.username ?? 'system';
const days = z.number({ error: 'is not a number of days' }).int('is not a whole number of days').min(0, 'at least 0 days').max(365, 'at most 365 days');
const STATUSES = ['draft', 'exported', 'accepted', 'rejected', 'paid', 'denied', 'reversed', 'void'] as const;

export default defineHandlers<RemittancesHandlers>({
  'remit.receive': {
    args: z.object({ fileName: z.string().min(1), base64: z.string() }),
    run: (ctx, a) => receiveFile(ctx.db, { fileName: a.fileName, bytes: Buffer.from(a.base64, 'base64'), now: ctx.now(), by: who(ctx) }),
  },
  'remit.files': { run: (ctx) => listReceivedFiles(ctx.db) },
  'remit.download': {
    args: z.object({ id: z.number().int() }),
    run: (ctx, a) => {
      const f = receivedFileBytes(ctx.db, a.id);
      if (!f) throw new UserError(`There is no received file ${a.id}`);
      return { fileName: f.fileName, mime: 'application/edi-x12', base64: f.bytes.toString('base64') };
    },
  },
  'remit.providerLedger': { run: (ctx) => providerLedger(ctx.db).map((r) => ({ ...r, words: plbWords(r.reason) })) },
  'remit.unmatched': { args: z.object({ open: z.boolean().optional() }), run: (ctx, a) => listUnmatched(ctx.db, { open: a.open ?? true }) },
  'remit.resolveUnmatched': {
    args: z.object({ id: z.number().int(), resolution: z.string().trim().min(1, 'say what was done with it') }),
    run: (ctx, a) => {
      if (!resolveUnmatched(ctx.db, a.id, a.resolution, who(ctx), ctx.now())) throw new UserError(`Unmatched item ${a.id} does not exist or is resolved already`);
      return listUnmatched(ctx.db).find((u) => u.id === a.id)!;
    },
  },
  'remit.followUps': {
    args: z.object({ asOf: date.optional() }).optional(),
    run: (ctx, a) => {
      const asOf = a?.asOf ?? ctx.today();
      return { asOf, days: followUpDays(ctx.db), items: listFollowUps(ctx.db, asOf, new NameBook(ctx.db)) };
    },
  },
  'remit.saveFollowUpDays': {
    args: z.object({ syntaxDays: days, acceptanceDays: days, remittanceDays: days }),
    run: (ctx, a) => {
      saveFollowUpDays(ctx.db, a);
      return followUpDays(ctx.db);
    },
  },
  'claims.list': {
    args: z.object({ status: z.enum(STATUSES).optional(), payer: z.string().optional(), patient: z.string().optional(), from: date.optional(), to: date.optional() }),
    run: (ctx, a) => listClaimMoney(ctx.db, a),
  },
  'denials.list': { args: z.object({ includeClosed: z.boolean().optional() }), run: (ctx, a) => listDenials(ctx.db, new NameBook(ctx.db), a) },
  'denials.update': {
    args: z.object({ claim: id, assignee: z.string().trim().nullable().optional(), notes: z.string().optional(), followUp: date.nullable().optional() }),
    run: (ctx, a) => updateDenial(ctx.db, a, ctx.now(), new NameBook(ctx.db)),
  },
  'denials.writeOff': {
    args: z.object({ claim: id, reason: z.string().trim().min(1, 'say why the office writes it off') }),
    run: (ctx, a) => writeOffDenial(ctx.db, a, { at: ctx.now(), by: who(ctx) }, new NameBook(ctx.db)),
  },
  'denials.reverseWriteOff': { args: z.object({ id: z.number().int() }), run: (ctx, a) => reverseDenialWriteOff(ctx.db, a.id, { at: ctx.now(), by: who(ctx) }) },
  'denials.resubmit': {
    args: z.object({ claim: id }),
    run: (ctx, a) => resubmitDenial(ctx.db, a.claim, { today: ctx.today(), now: ctx.now() }, new NameBook(ctx.db)),
  },
  'ar.report': {
    args: z.object({ asOf: date.optional(), basis: z.enum(['sent', 'service']).optional() }),
    run: (ctx, a) => arReport(ctx.db, { asOf: a.asOf ?? ctx.today(), basis: a.basis ?? 'sent' }, new NameBook(ctx.db)),
  },
});
