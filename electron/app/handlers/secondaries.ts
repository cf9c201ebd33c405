// Secondary claims (issue 13): thin calls into services/secondaries.ts and services/statements.ts.
import { z } from 'zod';
import { claimChain, sendToNextPayer } from '../../services/secondaries.ts';
import { printStatements } from '../../services/statements.ts';
import type { SecondariesHandlers } from '../../contract/secondaries.ts';
import { id, month } from '../args.ts';
import { defineHandlers } from '../define.ts';

export default defineHandlers<SecondariesHandlers>({
  'claims.chain': { args: z.object({ claim: id }), run: (ctx, a) => claimChain(ctx.db, a.claim) },
  'claims.sendToNextPayer': { args: z.object({ claim: id }), run: (ctx, a) => sendToNextPayer(ctx.db, a.claim, ctx.now()) },
  'statements.print': {
    args: z.object({ month, patient: z.string().trim().min(1, 'must not be empty: leave it out for every patient').max(100, 'at most 100 characters').nullish() }),
    run: async (ctx, a) => {
      const r = await printStatements(ctx.db, { month: a.month, patient: a.patient ?? null }, { now: ctx.now(), ...(ctx.deliver ? { deliver: ctx.deliver } : {}) });
      return { file: { fileName: r.fileName, mime: 'application/pdf', base64: Buffer.from(r.bytes).toString('base64') }, statements: r.statements };
    },
  },
});
