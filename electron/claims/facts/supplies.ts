// Supply facts from dispenses of supply products (R-SU-1, R-SU-3, R-SU-4), judged on the dispense
// date; a supply whose code bills a drug carries the product's NDC, unit and quantity (R-DR-11).
import type { EngineContext } from '../context.ts';
import { toDay } from '../dates.ts';
import { alwaysBundledMessage, isAlwaysBundled } from '../rules/alwaysBundled.ts';
import { ORDER_SUPPLY } from '../rules/lineOrder.ts';
import { billedNdcQuantities } from '../rules/ndcUnits.ts';
import { isPatientOwned } from '../rules/patientOwned.ts';
import { isDrugCode, supplyNdc } from '../rules/missingNdc.ts';
import { bundledMessage, isBundledSupply, statesHcpcsUnit, supplyUnits } from '../rules/supplies.ts';
import type { FactSink } from '../types.ts';
import { newFact } from './fact.ts';
import type { PerDiemState } from './perDiems.ts';

const NO_NDC = { ndc: null, ndcQty: null, ndcUnit: null } as const;

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
      if (isAlwaysBundled(product.hcpcs, payer.settings)) {
        sink.findings.push({
          severity: 'info', rule: 'R-SU-3', patient: patient.id, day, therapy: therapy.id, code: product.hcpcs, dispense: d.id, anchor: null,
          message: alwaysBundledMessage(product, `dispense ${d.id}`, payer.name),
        });
        continue;
      }
      if (!isPatientOwned(d) && isBundledSupply(product.hcpcs, therapy, payer.settings) && perDiems.patientDays.has(`${patient.id}|${day}`)) {
        sink.findings.push({
          severity: 'info', rule: 'R-SU-1', patient: patient.id, day, therapy: therapy.id, code: product.hcpcs, dispense: d.id, anchor: null,
          message: bundledMessage(product, `dispense ${d.id}`),
        });
        continue;
      }
      const units = supplyUnits(d.quantity, product);
      if (units === null) {
        sink.findings.push({
          severity: 'error', rule: 'R-DR-3', patient: patient.id, day, therapy: therapy.id, code: product.hcpcs, dispense: d.id, anchor: { therapy: therapy.id, day },
          message: `Dispense ${d.id}: ${product.name} (${product.hcpcs}) states a drug per NDC unit in ${product.drugPerNdcUnit!.unit}, which cannot be converted to its HCPCS unit in ${product.hcpcsUnit!.unit}; fix the product`,
        });
        continue;
      }
      const drug = isDrugCode(product.hcpcs);
      const given = drug ? supplyNdc(product, d.quantity) : null;
      // R-DR-11: R-DR-9 applies (milligrams billed in grams where the payer wants them)
      const billed = given ? billedNdcQuantities(given.ndcUnit, payer.settings, given.ndcQty, null) : null;
      const ndc = given && billed ? { ndc: given.ndc, ndcQty: billed.qty, ndcUnit: billed.unit } : NO_NDC;
      const fact = newFact(ctx, {
        kind: 'supply', therapy, patient, payer, day, code: product.hcpcs, modifiers: [], units, ndc: ndc.ndc, ndcQty: ndc.ndcQty, ndcUnit: ndc.ndcUnit,
        sourceKey: `supply:${d.id}`, order: [ORDER_SUPPLY, index++], visit: null, nurse: null, dispenseId: d.id, product,
      });
      sink.facts.push(fact);
      if (drug && !statesHcpcsUnit(product)) {
        // a drug code's unit is an amount of drug (J1642 per 10 units): a count of packages is only a guess
        sink.findings.push({
          severity: 'warning', rule: 'R-DR-3', patient: patient.id, day, therapy: therapy.id, code: product.hcpcs, dispense: d.id, anchor: { line: fact },
          message: `${product.hcpcs} bills ${units} units, the quantity of dispense ${d.id}: catalog item ${product.name} states no HCPCS unit and drug per NDC unit, so they may not be ${product.hcpcs}'s units; set both`,
        });
      }
    }
  }
}
