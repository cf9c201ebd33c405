import { z } from 'zod';
import type { DispensesHandlers } from '../contract/dispenses.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../errors.ts';

const pending = (): never => {
  throw new UserError('dispenses: the store is not wired yet');
};

export default defineHandlers<DispensesHandlers>({
  'dispenses.list': { args: z.any(), run: () => [] },
  'dispenses.findProducts': { args: z.any(), run: () => [] },
  'dispenses.save': { args: z.any(), run: pending },
});
