// The claims as the engine states them, for callers that want the build itself rather than the
// workbench's rows (the command line's `build --json`, automation).
import { buildPeriod } from '../../services/buildService.ts';
import { period } from '../args.ts';
import type { ClaimsHandlers } from '../../contract/claims.ts';
import { defineHandlers } from '../define.ts';

export default defineHandlers<ClaimsHandlers>({
  'claims.build': {
    args: period,
    run: (ctx, p) => buildPeriod(ctx.db, { from: p.from, to: p.to, ...(p.payer ? { payer: p.payer } : {}) }, { today: ctx.today(), now: ctx.now() }),
  },
});
