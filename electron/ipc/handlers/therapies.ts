import { z } from 'zod';
import type { TherapiesHandlers } from '../contract/therapies.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../errors.ts';

const pending = (): never => {
  throw new UserError('therapies: the store is not wired yet');
};

export default defineHandlers<TherapiesHandlers>({
  'therapies.get': { args: z.object({ id: z.string() }), run: pending },
  'therapies.forPatient': { args: z.object({ patient: z.string() }), run: () => [] },
  'therapies.create': { args: z.any(), run: pending },
  'therapies.update': { args: z.any(), run: pending },
});
