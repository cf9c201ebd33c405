// First run and data in bulk: is the office empty, load the demo office, import a file.
import { z } from 'zod';
import { UserError } from '../../domain/errors.ts';
import { isStoreEmpty, loadDemo } from '../../demo/loadDemo.ts';
import { importDataset } from '../../services/importDataset.ts';
import { listClaims } from '../../../db/repos/claims.ts';
import { listDispenses } from '../../../db/repos/dispenses.ts';
import { getOrganization } from '../../../db/repos/organization.ts';
import { countPatients } from '../../../db/repos/patients.ts';
import { listPayers } from '../../../db/repos/payers.ts';
import { listTherapies } from '../../../db/repos/therapies.ts';
import { listVisits } from '../../../db/repos/visits.ts';
import type { HandlerContext } from '../context.ts';
import type { AppHandlers, AppState } from '../../contract/app.ts';
import { defineHandlers } from '../define.ts';

export function appState(ctx: HandlerContext): AppState {
  const db = ctx.db;
  return {
    empty: isStoreEmpty(db),
    organization: getOrganization(db)?.name ?? null,
    counts: {
      patients: countPatients(db),
      therapies: listTherapies(db).length,
      visits: listVisits(db).length,
      dispenses: listDispenses(db).length,
      payers: listPayers(db).length,
      claims: listClaims(db).length,
    },
    now: ctx.now(),
    today: ctx.today(),
  };
}

export default defineHandlers<AppHandlers>({
  'app.state': { run: (ctx) => appState(ctx) },
  'app.loadDemo': {
    args: z.object({ patients: z.number().int().min(1).max(100_000).optional() }).optional(),
    run: (ctx, a) => {
      loadDemo(ctx.db, { today: ctx.today(), ...(a?.patients ? { patients: a.patients } : {}) });
      return appState(ctx);
    },
  },
  'app.importFile': {
    args: z.object({ fileName: z.string().max(500), text: z.string() }),
    run: (ctx, { fileName, text }) => {
      let raw: unknown;
      try {
        // editors on Windows often save UTF-8 with a byte order mark, which JSON.parse refuses
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new UserError(`${fileName} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      const { counts } = importDataset(ctx.db, raw);
      return { fileName, imported: counts, state: appState(ctx) };
    },
  },
});
