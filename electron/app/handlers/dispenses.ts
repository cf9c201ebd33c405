// The dispensing log: record what the pharmacy sent, find products by NDC (any hyphenated form)
// or name, list with filters, and edit a dispense unless a sent claim billed what it would change.
import { z } from 'zod';
import { versionOf } from '../../../db/repos/versions.ts';
import { requireVersion } from '../versions.ts';
import type { Versioned } from '../../contract/result.ts';
import { getDispense, listDispenseLog, saveDispense } from '../../../db/repos/dispenses.ts';
import { nextId } from '../../../db/repos/ids.ts';
import { getProduct, listProducts } from '../../../db/repos/products.ts';
import { getTherapy } from '../../../db/repos/therapies.ts';
import type { Db } from '../../../db/repos/sql.ts';
import type { Dispense, Product } from '../../domain/types.ts';
import { formatNdc, normalizeNdc } from '../../import/ndc.ts';
import type { DispenseDraft, DispenseFilter, DispensesHandlers, ProductHit } from '../../contract/dispenses.ts';
import type { DispenseLogFilter } from '../../../db/repos/dispenses.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../../domain/errors.ts';
import { billedSpans, coverage, refuseBilledChange } from './chart/billedDispense.ts';
import { blankToNull } from './chart/ids.ts';
import { checked } from './chart/validate.ts';
import { Names, dispenseRow } from './chart/views.ts';
import { record, versionArg } from '../args.ts';

/**
 * The digits an NDC typed so far starts with, in the 11-digit form: a 4-digit labeler gets its
 * leading zero (4-4-2), a 3-digit product code its zero (5-3-2), so "0409-7332" finds 00409733201.
 */
export function ndcDigitsPrefix(query: string): string | null {
  const q = query.trim();
  if (!/^[\d-]+$/.test(q) || !/\d/.test(q)) return null;
  const parts = q.split('-');
  if (parts.length === 1) return q;
  const [labeler = '', product = '', pkg] = parts;
  const l = labeler.length === 4 ? `0${labeler}` : labeler;
  if (product === '' && pkg === undefined) return l;
  const p = product.length === 3 && pkg !== undefined ? `0${product}` : product;
  return `${l}${p}${pkg ?? ''}`;
}

function productHits(db: Db, query: string, therapyNdcs: Set<string>, limit: number): ProductHit[] {
  const found = new Map<string, Product>();
  const exact = normalizeNdc(query);
  if (exact.ok) {
    const p = getProduct(db, exact.ndc);
    if (p) found.set(p.ndc, p);
  }
  const prefix = ndcDigitsPrefix(query);
  // plain digits may be any part of the NDC; a hyphenated start is where the NDC begins
  const hyphenated = query.includes('-');
  // The catalog is small; filtering it here also sidesteps searchProducts, whose SQL repeats ?1
  // (better-sqlite3 refuses that binding), until the store fixes it.
  const text = query.trim().toLowerCase();
  const candidates = listProducts(db).filter((p) =>
    prefix === null ? p.name.toLowerCase().includes(text) || p.hcpcs.toLowerCase() === text : hyphenated ? p.ndc.startsWith(prefix) : p.ndc.includes(prefix),
  );
  for (const p of candidates) found.set(p.ndc, p);
  return [...found.values()]
    .map((product) => ({ product, ndcDisplay: formatNdc(product.ndc), onTherapy: therapyNdcs.has(product.ndc) }))
    .sort((a, b) => Number(b.onTherapy) - Number(a.onTherapy) || a.product.name.localeCompare(b.product.name))
    .slice(0, limit);
}

function dateAndOwnerFilter(f: DispenseFilter): Omit<DispenseLogFilter, 'limit'> {
  return {
    ...(f.patient ? { patient: f.patient } : {}),
    ...(f.therapy ? { therapy: f.therapy } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** The product box of the log: a whole NDC in any form, the start of one, or part of a name. */
function productFilter(product: string | undefined): Pick<DispenseLogFilter, 'ndc' | 'ndcPrefix' | 'productText'> {
  const q = product?.trim() ?? '';
  if (!q) return {};
  const ndc = normalizeNdc(q);
  if (ndc.ok) return { ndc: ndc.ndc };
  const prefix = ndcDigitsPrefix(q);
  return prefix !== null ? { ndcPrefix: prefix } : { productText: q };
}

function dispenseOf(draft: DispenseDraft, id: string): Dispense {
  return {
    id,
    therapy: draft.therapy,
    date: draft.date,
    ndc: typeof draft.ndc === 'string' ? draft.ndc.trim() : draft.ndc,
    quantity: draft.quantity,
    daysSupply: draft.daysSupply,
    lot: blankToNull(draft.lot),
    expiry: blankToNull(draft.expiry),
  };
}

const draftArgs = record<DispenseDraft>();

function mustGet(db: Db, id: string): Dispense {
  const d = getDispense(db, id);
  if (!d) throw new UserError(`There is no dispense '${id}'`);
  return d;
}

/**
 * The draft checked like an import record; when it replaces a stored dispense, refused if a sent
 * claim billed what changes. `draft.version`: the version the form started from, checked inside
 * the save's transaction (app/versions.ts).
 */
function write(db: Db, draft: DispenseDraft, id: string, stored: Dispense | null): Versioned<Dispense> {
  const therapy = typeof draft.therapy === 'string' && draft.therapy ? getTherapy(db, draft.therapy) : null;
  const version = versionArg.parse(draft.version);
  const d = checked('dispenses', dispenseOf(draft, id), { therapies: therapy ? [therapy] : [], products: listProducts(db) }, `Dispense ${id}`);
  db.transaction(() => {
    if (stored) {
      requireVersion(db, 'dispenses', id, version, `Dispense ${id}`);
      refuseBilledChange(db, stored, d);
    }
    saveDispense(db, d);
  })();
  return { ...d, version: versionOf(db, 'dispenses', id) };
}

export default defineHandlers<DispensesHandlers>({
  'dispenses.list': {
    args: z.object({
      patient: z.string().optional(),
      therapy: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      product: z.string().optional(),
      limit: z.number().int().positive().max(2000).optional(),
    }),
    run: ({ db }, f) => {
      const rows = listDispenseLog(db, { ...dateAndOwnerFilter(f), ...productFilter(f.product), limit: f.limit ?? 200 });
      const names = new Names(db);
      names.preloadPatients(rows.map((d) => d.patient));
      return rows.map(({ patient, ...d }) => dispenseRow(names, d, patient));
    },
  },

  'dispenses.findProducts': {
    args: z.object({ query: z.string().max(100), therapy: z.string().optional(), limit: z.number().int().positive().max(100).optional() }),
    run: ({ db }, { query, therapy, limit }) => {
      const t = therapy ? getTherapy(db, therapy) : null;
      const ndcs = new Set(t?.drugs.map((d) => d.ndc) ?? []);
      if (!query.trim()) {
        // nothing typed yet: the therapy's own drugs
        return listProducts(db)
          .filter((p) => ndcs.has(p.ndc))
          .map((product) => ({ product, ndcDisplay: formatNdc(product.ndc), onTherapy: true }));
      }
      return productHits(db, query, ndcs, limit ?? 12);
    },
  },

  'dispenses.save': {
    args: draftArgs,
    run: ({ db }, draft) => {
      const given = blankToNull(draft.id);
      const id = given ?? nextId(db, 'dispenses', 'D');
      return write(db, draft, id, given ? getDispense(db, given) : null);
    },
  },

  'dispenses.get': {
    args: z.object({ id: z.string() }),
    run: ({ db }, { id }) => {
      const d = mustGet(db, id);
      const names = new Names(db);
      const c = coverage(d);
      return { row: dispenseRow(names, d), version: versionOf(db, 'dispenses', id), product: names.products.get(d.ndc) ?? null, coversFrom: c.from, coversTo: c.to, billed: billedSpans(db, d) };
    },
  },

  'dispenses.update': {
    args: record<DispenseDraft & { id: string }>(),
    run: ({ db }, draft) => {
      const id = blankToNull(draft.id);
      if (!id) throw new UserError('Which dispense to change? The id is missing');
      return write(db, draft, id, mustGet(db, id));
    },
  },
});
