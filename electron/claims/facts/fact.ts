// Creating one billable fact with the parts every rule needs: date's authorization and price.
import type { EngineContext } from '../context.ts';
import { hash64 } from '../../domain/hash.ts';
import { chargeCents, unitPriceMicros } from '../rules/charges.ts';
import { authForDay } from '../rules/priorAuth.ts';
import type { Fact, FactInput } from '../types.ts';

export function newFact(ctx: EngineContext, input: FactInput): Fact {
  const ndc = input.ndc;
  const price = unitPriceMicros(input.payer, ctx.dataset.chargeMaster, input.code, ndc);
  // one literal shape for every fact keeps property access monomorphic in the hot loops
  return {
    kind: input.kind,
    therapy: input.therapy,
    patient: input.patient,
    payer: input.payer,
    settings: input.payer.settings,
    day: input.day,
    code: input.code,
    modifiers: input.modifiers,
    units: input.units,
    ndc,
    ndcQty: input.ndcQty,
    ndcUnit: input.ndcUnit,
    sourceKey: input.sourceKey,
    order: input.order,
    visit: input.visit,
    nurse: input.nurse,
    dispenseId: input.dispenseId,
    product: input.product,
    priorAuth: authForDay(input.therapy, input.day)?.number ?? null,
    unitPriceMicros: price,
    chargeCents: chargeCents(input.units, price),
    description: null,
    note: null,
    paperModifiers: null,
    placed: undefined,
  };
}

/**
 * What was billed for a source key, hashed (R-CL-8): if any of it differs after export, the
 * exported claim needs a replacement. Prices are not facts of the service and stay out.
 */
export function factHash(f: Fact): string {
  return hash64(
    `${f.patient.id}|${f.payer.id}|${f.therapy.prescriber}|${f.priorAuth ?? ''}|${f.code}|${f.modifiers.join(',')}|${f.units}|${f.ndc ?? ''}|${f.ndcQty ?? ''}|${f.ndcUnit ?? ''}`,
  );
}

export function pushMap<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
