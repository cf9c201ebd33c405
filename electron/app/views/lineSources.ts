// What a claim line's source keys point at, so the biller can open the record behind a line.
// Key formats come from the claim engine (electron/claims/facts/*):
//   perdiem:<therapy>:<date>   drug:<therapy>:<ndc>:<date>   waste:<therapy>:<ndc>:<date>
//   visit:<visit>:<code>       visit:<visit>:hit (a Medicare visit, whatever its G code)
//   t1030:<patient>:<payer>:<date> (NC Medicaid: one nursing day per patient, payer and date)
//   supply:<dispense>
import type { Dispense, Visit } from '../../domain/types.ts';
import type { LineSource } from '../../contract/billing.ts';

export interface SourceLookups {
  visits: ReadonlyMap<string, Pick<Visit, 'therapy' | 'date'>>;
  dispenses: ReadonlyMap<string, Pick<Dispense, 'therapy' | 'date'>>;
}

const EMPTY: SourceLookups = { visits: new Map(), dispenses: new Map() };

function ndcText(ndc: string): string {
  return /^\d{11}$/.test(ndc) ? `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}` : ndc;
}

export function lineSource(key: string, lookups: SourceLookups = EMPTY): LineSource {
  const [kind, a = '', b = '', c = ''] = key.split(':');
  switch (kind) {
    case 'perdiem':
      return { key, kind: 'therapy', id: a, therapy: a, date: b || null, label: `Therapy ${a}, per diem day ${b}` };
    case 'drug':
      return { key, kind: 'therapy', id: a, therapy: a, date: c || null, label: `Therapy ${a}, drug ${ndcText(b)} given ${c}` };
    case 'waste':
      return { key, kind: 'therapy', id: a, therapy: a, date: c || null, label: `Therapy ${a}, drug ${ndcText(b)} discarded ${c}` };
    case 'visit': {
      const v = lookups.visits.get(a);
      const what = b === 'hit' ? 'Medicare home infusion visit' : b;
      return { key, kind: 'visit', id: a, therapy: v?.therapy ?? null, date: v?.date ?? null, label: `Nurse visit ${a}${v ? ` on ${v.date}` : ''} (${what})` };
    }
    case 't1030':
      return { key, kind: 'other', id: null, therapy: null, date: c || null, label: `Nursing day of patient ${a} on ${c} (all of that day's visits)` };
    case 'supply': {
      const d = lookups.dispenses.get(a);
      return { key, kind: 'dispense', id: a, therapy: d?.therapy ?? null, date: d?.date ?? null, label: `Dispense ${a}${d ? ` on ${d.date}` : ''}` };
    }
    default:
      return { key, kind: 'other', id: null, therapy: null, date: null, label: key };
  }
}
