import { z } from 'zod';
import type { PatientsHandlers } from '../contract/patients.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../errors.ts';

const pending = (): never => {
  throw new UserError('patients: the store is not wired yet');
};

export default defineHandlers<PatientsHandlers>({
  'patients.search': { args: z.object({ query: z.string(), limit: z.number().int().positive().optional() }), run: () => [] },
  'patients.chart': { args: z.object({ id: z.string() }), run: pending },
  'patients.lookups': { run: () => ({ payers: [], prescribers: [], nurses: [], products: [] }) },
  'patients.create': { args: z.any(), run: pending },
  'patients.update': { args: z.any(), run: pending },
  'patients.saveCoverage': { args: z.any(), run: pending },
  'patients.removeCoverage': { args: z.any(), run: pending },
});
