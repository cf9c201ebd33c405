// The nurse visit log: quick entry with a live preview of what the visit bills, signing, and the
// recent visits with the unsigned ones first to notice.
import { z } from 'zod';
import { nextId } from '../../../db/repos/ids.ts';
import { getVisit, listRecentVisits, saveVisit } from '../../../db/repos/visits.ts';
import type { Db } from '../../../db/repos/sql.ts';
import type { Visit } from '../../domain/types.ts';
import type { VisitDraft, VisitsHandlers } from '../../contract/visits.ts';
import type { HandlerContext } from '../context.ts';
import { defineHandlers } from '../define.ts';
import { FieldError, UserError } from '../../domain/errors.ts';
import { mayTouchVisit } from '../../security/roles.ts';
import { nurseScope, requireOwnPatient } from './chart/nurseScope.ts';
import { blankToNull } from './chart/ids.ts';
import { checked } from './chart/validate.ts';
import { previewVisit, visitOf, visitReferences } from './chart/visitPreview.ts';
import { Names, visitRow } from './chart/views.ts';
import { versionOf, versionsOf } from '../../../db/repos/versions.ts';
import { requireVersion } from '../versions.ts';
import type { Versioned } from '../../contract/result.ts';
import { record, versionArg } from '../args.ts';

const draftArgs = record<VisitDraft>();

function findVisit(db: Db, id: string): Visit {
  const v = getVisit(db, id);
  if (!v) throw new UserError(`There is no visit '${id}'`);
  return v;
}


function withVersion(db: Db, v: Visit): Versioned<Visit> {
  return { ...v, version: versionOf(db, 'visits', v.id) };
}

/** A nurse sees and changes only her own visits (roles.ts visitScope); an in-process caller has no user and no limit. */
const scopeOf = nurseScope;

function requireOwn(ctx: HandlerContext, nurseId: string, what: string): void {
  if (ctx.user && !mayTouchVisit(ctx.user, nurseId)) throw new FieldError(`${what} belongs to another nurse`, { nurse: 'you may record only your own visits' });
}

export default defineHandlers<VisitsHandlers>({
  'visits.recent': {
    args: z.object({
      limit: z.number().int().positive().max(1000).optional(),
      patient: z.string().optional(),
      unsignedOnly: z.boolean().optional(),
      nurse: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
    run: (ctx, f) => {
      const { db } = ctx;
      const scope = scopeOf(ctx);
      const visits = listRecentVisits(db, { ...f, ...(scope ? { nurse: scope.nurseId } : {}), limit: f.limit ?? 100 });
      const names = new Names(db);
      names.preloadPatients(visits.map((v) => v.patient));
      const versions = versionsOf(db, 'visits', visits.map((v) => v.id));
      return visits.map((v) => visitRow(names, v, versions.get(v.id) ?? 0));
    },
  },

  'visits.preview': {
    args: draftArgs,
    run: (ctx, draft) => {
      if (typeof draft.patient === 'string' && draft.patient) requireOwnPatient(ctx, draft.patient);
      return previewVisit(ctx.db, draft, ctx.today());
    },
  },

  'visits.save': {
    args: draftArgs,
    run: (ctx, draft) => {
      const { db } = ctx;
      const id = blankToNull(draft.id) ?? nextId(db, 'visits', 'V');
      const before = getVisit(db, id);
      if (before) requireOwn(ctx, before.nurse, `Visit ${id}`);
      requireOwn(ctx, String(draft.nurse ?? ''), `Visit ${id}`);
      // a nurse records visits of her patients only
      requireOwnPatient(ctx, String(draft.patient ?? ''));
      const version = versionArg.parse(draft.version);
      const visit = checked('visits', visitOf(draft, id), visitReferences(db, draft).existing, `Visit ${id}`);
      db.transaction(() => {
        // a new visit (no stored one) has nothing to be stale against
        if (before) requireVersion(db, 'visits', id, version, `Visit ${id}`);
        saveVisit(db, visit);
      })();
      return withVersion(db, findVisit(db, id));
    },
  },

  'visits.sign': {
    args: z.object({ id: z.string(), signed: z.boolean(), version: versionArg }),
    run: (ctx, { id, signed, version }) => {
      const { db } = ctx;
      const found = findVisit(db, id);
      requireOwn(ctx, found.nurse, `Visit ${id}`);
      const visit = { ...found, signed };
      db.transaction(() => {
        requireVersion(db, 'visits', id, version, `Visit ${id}`);
        saveVisit(db, visit);
      })();
      return withVersion(db, visit);
    },
  },
});
