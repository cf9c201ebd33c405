import { z } from 'zod';
import type { VisitsHandlers } from '../contract/visits.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../errors.ts';

const pending = (): never => {
  throw new UserError('visits: the store is not wired yet');
};

export default defineHandlers<VisitsHandlers>({
  'visits.recent': { args: z.any(), run: () => [] },
  'visits.preview': { args: z.any(), run: pending },
  'visits.save': { args: z.any(), run: pending },
  'visits.sign': { args: z.object({ id: z.string(), signed: z.boolean() }), run: pending },
});
