// The claims as the engine states them, for callers that want the build itself rather than the
// workbench's rows (the command line's `build --json`, automation).
import { z } from 'zod';
import { buildPeriod } from '../../services/buildService.ts';
import type { ClaimsHandlers } from '../../contract/claims.ts';
import { defineHandlers } from '../define.ts';

export default defineHandlers<ClaimsHandlers>({
  'claims.build': {
    // the build checks its range itself (dates, order, payer) and names what is wrong as the command line spells it
    args: z.object({ from: z.string().max(40), to: z.string().max(40), payer: z.string().min(1).max(100).nullish() }),
    run: (ctx, p) => buildPeriod(ctx.db, { from: p.from, to: p.to, ...(p.payer ? { payer: p.payer } : {}) }, { today: ctx.today(), now: ctx.now() }),
  },
});
