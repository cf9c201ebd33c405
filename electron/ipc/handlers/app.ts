import { z } from 'zod';
import { UserError } from '../../cli/errors.ts';
import type { AppHandlers } from '../contract/app.ts';
import { defineHandlers } from '../define.ts';

export default defineHandlers<AppHandlers>({
  'app.state': {
    run: (ctx) => ({
      empty: true,
      organization: null,
      counts: { patients: 0, therapies: 0, visits: 0, dispenses: 0, payers: 0, claims: 0 },
      now: ctx.now(),
      today: ctx.today(),
    }),
  },
  'app.loadDemo': {
    run: () => {
      throw new UserError('Demo data is not available yet');
    },
  },
  'app.importFile': {
    args: z.object({ fileName: z.string(), text: z.string() }),
    run: () => {
      throw new UserError('Import is not available yet');
    },
  },
});
