// Supply facts from dispenses of supply products (R-SU-1), judged on the dispense date.
import type { EngineContext } from '../context.ts';
import { toDay } from '../dates.ts';
import { ORDER_SUPPLY } from '../rules/lineOrder.ts';
import { isBundledSupply, supplyUnits } from '../rules/supplies.ts';
import type { FactSink } from '../types.ts';
import { newFact } from './fact.ts';
import type { PerDiemState } from './perDiems.ts';

export function supplyFacts(ctx: EngineContext, perDiems: PerDiemState, sink: FactSink): void {
  let index = 0;
  for (const therapy of ctx.billedTherapies) {
    const patient = ctx.patients.get(therapy.patient);
    const payer = ctx.payers.get(therapy.payer)!;
    if (!patient) continue;
    const dispenses = [...(ctx.dispensesByTherapy.get(therapy.id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const d of dispenses) {
      const product = ctx.products.get(d.ndc);
      if (!product || product.kind !== 'supply') continue;
      const day = toDay(d.date);
      if (day < ctx.from || day > ctx.to) continue;
      if (isBundledSupply(product.hcpcs, therapy.category) && perDiems.patientDays.has(`${patient.id}|${day}`)) {
        sink.findings.push({
          severity: 'info', rule: 'R-SU-1', patient: patient.id, day, therapy: therapy.id, code: product.hcpcs, dispense: d.id, anchor: null,
          message: `${product.name} (${product.hcpcs}, dispense ${d.id}) is bundled into the per diem and is not billed separately`,
        });
        continue;
      }
      sink.facts.push(
        newFact(ctx, {
          kind: 'supply', therapy, patient, payer, day, code: product.hcpcs, modifiers: [], units: supplyUnits(d.quantity), ndc: null, ndcQty: null, ndcUnit: null,
          sourceKey: `supply:${d.id}`, order: [ORDER_SUPPLY, index++], visit: null, nurse: null, dispenseId: d.id, product,
        }),
      );
    }
  }
}
