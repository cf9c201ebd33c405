// The nurse visit log: quick entry with a live preview of what the visit bills, signing, and the
// recent visits with the unsigned ones first to notice.
import { z } from 'zod';
import { listVisits, saveVisit } from '../../../db/repos/visits.ts';
import type { Db } from '../../../db/repos/sql.ts';
import type { Visit } from '../../domain/types.ts';
import type { VisitDraft, VisitsHandlers } from '../contract/visits.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../errors.ts';
import { blankToNull, byIdNumber, byText, nextId } from './chart/ids.ts';
import { checked } from './chart/validate.ts';
import { previewVisit, visitOf, visitReferences } from './chart/visitPreview.ts';
import { Names, visitRow } from './chart/views.ts';

const draftArgs = z.custom<VisitDraft>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), { message: 'expected an object' });

function findVisit(db: Db, id: string): Visit {
  const v = listVisits(db).find((x) => x.id === id);
  if (!v) throw new UserError(`There is no visit '${id}'`);
  return v;
}

function newest(a: Visit, b: Visit): number {
  return byText(b.date, a.date) || byText(b.arrival, a.arrival) || byIdNumber(b.id, a.id);
}

export default defineHandlers<VisitsHandlers>({
  'visits.recent': {
    args: z.object({
      limit: z.number().int().positive().max(1000).optional(),
      patient: z.string().optional(),
      unsignedOnly: z.boolean().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
    run: ({ db }, f) => {
      const names = new Names(db, true);
      return listVisits(db)
        .filter((v) => (!f.patient || v.patient === f.patient) && (!f.unsignedOnly || !v.signed) && (!f.from || v.date >= f.from) && (!f.to || v.date <= f.to))
        .sort(newest)
        .slice(0, f.limit ?? 100)
        .map((v) => visitRow(names, v));
    },
  },

  'visits.preview': { args: draftArgs, run: ({ db, today }, draft) => previewVisit(db, draft, today()) },

  'visits.save': {
    args: draftArgs,
    run: ({ db }, draft) => {
      const id = blankToNull(draft.id) ?? nextId('V', listVisits(db).map((v) => v.id));
      const visit = checked('visits', visitOf(draft, id), visitReferences(db, draft).existing, `Visit ${id}`);
      db.transaction(() => saveVisit(db, visit))();
      return findVisit(db, id);
    },
  },

  'visits.sign': {
    args: z.object({ id: z.string(), signed: z.boolean() }),
    run: ({ db }, { id, signed }) => {
      const visit = { ...findVisit(db, id), signed };
      db.transaction(() => saveVisit(db, visit))();
      return visit;
    },
  },
});
