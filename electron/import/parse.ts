// The import format → a normalized Dataset, or every problem as `path: message`.
// Pure: no database. `existing` is what the store already holds, so a partial file may refer to
// records imported before (billing-rules §10 "Invalid data is rejected at import").
import type { z } from 'zod';
import type { Dataset } from '../domain/types.ts';
import { billingProviderProblems } from './billingProvider.ts';
import { errorMap, formatPath, issueLines } from './messages.ts';
import * as S from './schemas.ts';
import { checkReferences } from './references.ts';
import type { Section } from './references.ts';

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

const SECTIONS = [
  'organization', 'clearinghouse', 'chargeMaster', 'payers', 'prescribers', 'nurses',
  'products', 'patients', 'therapies', 'dispenses', 'visits',
] as const;

export function emptyDataset(): Dataset {
  return {
    organization: null, clearinghouse: null, chargeMaster: {}, payers: [], prescribers: [], nurses: [],
    products: [], patients: [], therapies: [], dispenses: [], visits: [],
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Problems sorted by section, then record, keeping each record's own order (sort is stable). */
function inFileOrder(errors: string[]): string[] {
  const rank = (line: string): [number, number] => {
    const m = /^(\w+)(?:\[(\d+)\])?/.exec(line);
    const section = m ? (SECTIONS as readonly string[]).indexOf(m[1]!) : -1;
    return [section, m?.[2] === undefined ? -1 : Number(m[2])];
  };
  return errors
    .map((line, i) => ({ line, i, r: rank(line) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map((e) => e.line);
}

export function parseDataset(raw: unknown, existing?: Dataset): ParseResult {
  if (!isObject(raw)) return { ok: false, errors: ['(file): expected a JSON object'] };
  const errors: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!(SECTIONS as readonly string[]).includes(key)) errors.push(`${formatPath([key])}: unknown section (expected ${SECTIONS.join(', ')})`);
  }

  const single = <T extends z.ZodType>(key: (typeof SECTIONS)[number], schema: T): z.output<T> | null => {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    const r = schema.safeParse(value, { error: errorMap });
    if (r.success) return r.data;
    errors.push(...issueLines([key], r.error.issues));
    return null;
  };

  /** Each record parsed on its own so one bad record does not hide the problems of the others. */
  const list = <T extends z.ZodType>(key: (typeof SECTIONS)[number], schema: T, idOf: (v: unknown) => string | undefined): Section<z.output<T>> => {
    const section: Section<z.output<T>> = { key, records: [], invalid: [], byId: new Map(), mentioned: new Set() };
    const value = raw[key];
    if (value === undefined || value === null) return section;
    if (!Array.isArray(value)) {
      errors.push(`${key}: expected a list`);
      return section;
    }
    const firstIndex = new Map<string, number>();
    value.forEach((item, i) => {
      const id = idOf(item);
      if (id !== undefined) section.mentioned.add(id);
      const r = schema.safeParse(item, { error: errorMap });
      if (!r.success) {
        errors.push(...issueLines([key, i], r.error.issues));
        if (isObject(item)) section.invalid.push({ index: i, raw: item });
        return;
      }
      const parsedId = idOf(r.data) as string;
      const first = firstIndex.get(parsedId);
      if (first !== undefined) {
        errors.push(`${key}[${i}].${key === 'products' ? 'ndc' : 'id'}: '${parsedId}' is already used by ${key}[${first}]`);
        return;
      }
      firstIndex.set(parsedId, i);
      section.records.push({ index: i, record: r.data });
      section.byId.set(parsedId, r.data);
    });
    return section;
  };

  const idField = (v: unknown) => (isObject(v) && typeof v.id === 'string' ? v.id.trim() : undefined);
  const ndcField = (v: unknown) => {
    if (!isObject(v) || typeof v.ndc !== 'string') return undefined;
    const r = S.ndc.safeParse(v.ndc);
    return r.success ? r.data : undefined;
  };

  const organization = single('organization', S.organization);
  const clearinghouse = single('clearinghouse', S.clearinghouse);
  errors.push(...billingProviderProblems(organization, clearinghouse));
  const chargeMaster = single('chargeMaster', S.priceTable) ?? {};
  const sections = {
    payers: list('payers', S.payer, idField),
    prescribers: list('prescribers', S.prescriber, idField),
    nurses: list('nurses', S.nurse, idField),
    products: list('products', S.product, ndcField),
    patients: list('patients', S.patient, idField),
    therapies: list('therapies', S.therapy, idField),
    dispenses: list('dispenses', S.dispense, idField),
    visits: list('visits', S.visit, idField),
  };
  errors.push(...checkReferences(sections, existing ?? emptyDataset()));

  if (errors.length > 0) return { ok: false, errors: inFileOrder(errors) };
  const records = <T>(s: Section<T>) => s.records.map((r) => r.record);
  return {
    ok: true,
    dataset: {
      organization,
      clearinghouse,
      chargeMaster,
      payers: records(sections.payers),
      prescribers: records(sections.prescribers),
      nurses: records(sections.nurses),
      products: records(sections.products),
      patients: records(sections.patients),
      therapies: records(sections.therapies),
      dispenses: records(sections.dispenses),
      visits: records(sections.visits),
    },
  };
}
