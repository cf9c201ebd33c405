// Drug and wastage facts for each dose day (R-DR-2 … R-DR-6, R-DR-8; R-SU-1, R-SU-2, R-SU-3; R-PD-10).
import type { EngineContext } from '../context.ts';
import { alwaysBundledMessage, isAlwaysBundled } from '../rules/alwaysBundled.ts';
import { toIso } from '../dates.ts';
import { scale } from '../measures.ts';
import { compoundModifier, paperCompoundModifier } from '../rules/compoundModifiers.ts';
import { drugLineNote } from '../rules/drugLineNotes.ts';
import { coveringDispense, dispenseCandidates, notDispensedMessage } from '../rules/coveringDispense.ts';
import { drugLinesOnMedicalClaim } from '../rules/drugsOnMedicalClaim.ts';
import { hcpcsUnits } from '../rules/hcpcsUnits.ts';
import { noWasteModifier } from '../rules/jz.ts';
import { ORDER_DRUG } from '../rules/lineOrder.ts';
import { ndcQuantity } from '../rules/ndcQuantity.ts';
import { billedNdcQuantities } from '../rules/ndcUnits.ts';
import { bundledMessage, isBundledSupply } from '../rules/supplies.ts';
import { includedInTpnPerDiem } from '../rules/tpn.ts';
import { waste } from '../rules/waste.ts';
import type { FactSink } from '../types.ts';
import { newFact } from './fact.ts';
import type { PerDiemState } from './perDiems.ts';

/** Drug lines of a date follow the per diems: therapies ranked there first, then the rest. */
const UNRANKED = 1_000;

export function drugFacts(ctx: EngineContext, perDiems: PerDiemState, sink: FactSink): void {
  ctx.billedTherapies.forEach((therapy, therapyIndex) => {
    const payer = ctx.payers.get(therapy.payer)!;
    const patient = ctx.patients.get(therapy.patient);
    const doses = perDiems.doses.get(therapy.id);
    if (!patient || !doses || doses.size === 0 || therapy.drugs.length === 0) return;
    const settings = payer.settings;
    if (!drugLinesOnMedicalClaim(therapy, settings)) return; // R-PD-10
    const dispenses = ctx.dispensesByTherapy.get(therapy.id) ?? [];
    const ranks = perDiems.rankOf.get(therapy.id);
    const days = [...doses.keys()].sort((a, b) => a - b);

    therapy.drugs.forEach((drug, drugIndex) => {
      const drugProduct = ctx.products.get(drug.ndc);
      if (!drugProduct) return;
      if (includedInTpnPerDiem(drugProduct, perDiems.codeOf.get(therapy.id) ?? null)) {
        sink.findings.push({
          severity: 'info', rule: 'R-SU-2', patient: patient.id, day: days[0]!, therapy: therapy.id, code: drugProduct.hcpcs, anchor: null,
          message: `${drugProduct.name} is a standard TPN component included in the TPN per diem and is not billed`,
        });
        return;
      }
      if (isAlwaysBundled(drugProduct.hcpcs, settings)) {
        sink.findings.push({
          severity: 'info', rule: 'R-SU-3', patient: patient.id, day: days[0]!, therapy: therapy.id, code: drugProduct.hcpcs, anchor: null,
          message: alwaysBundledMessage(drugProduct, `therapy ${therapy.id}`, payer.name),
        });
        return;
      }
      const candidates = dispenseCandidates(therapy, drug, dispenses, ctx.products);
      const compound = compoundModifier(settings, therapy.drugs.length, drugIndex);
      const paper = paperCompoundModifier(settings, therapy.drugs.length, drugIndex);
      // R-SU-1 goes by the code (§10): a heparin flush or line-open saline given as a therapy drug
      const bundled = isBundledSupply(drugProduct.hcpcs, therapy, settings);
      for (const day of days) {
        const n = doses.get(day)!;
        if (bundled && perDiems.patientDays.has(`${patient.id}|${day}`)) {
          sink.findings.push({
            severity: 'info', rule: 'R-SU-1', patient: patient.id, day, therapy: therapy.id, code: drugProduct.hcpcs, anchor: null,
            message: bundledMessage(drugProduct, `therapy ${therapy.id}`),
          });
          continue;
        }
        const cover = coveringDispense(candidates, day);
        if (!cover) {
          sink.findings.push({
            severity: 'error', rule: 'R-DR-2', message: notDispensedMessage(therapy.id, drugProduct.name, toIso(day)),
            patient: patient.id, day, therapy: therapy.id, code: drugProduct.hcpcs, anchor: { therapy: therapy.id, day },
          });
          continue;
        }
        const product = cover.product;
        const hcpcsUnit = product.hcpcsUnit ?? drugProduct.hcpcsUnit;
        const perNdcUnit = product.drugPerNdcUnit;
        const dayDose = scale(drug.dose, n);
        const units = hcpcsUnit ? hcpcsUnits(dayDose, hcpcsUnit) : null;
        const qty = perNdcUnit ? ndcQuantity(dayDose, perNdcUnit) : null;
        const rank = ranks?.get(day) ?? UNRANKED + therapyIndex;
        const iso = toIso(day);
        if (units === null || qty === null || !product.ndcUnit || !hcpcsUnit || !perNdcUnit) {
          // an error keeps its line (§10) and blocks the claim: the dose was given and must not
          // vanish from the claim unnoticed; 1 unit (R-DR-3's least) until the product is fixed
          const kept = newFact(ctx, {
            kind: 'drug', therapy, patient, payer, day, code: product.hcpcs, modifiers: compound ? [compound] : [], units: units ?? 1, ndc: product.ndc, ndcQty: qty,
            ndcUnit: product.ndcUnit ?? null, sourceKey: `drug:${therapy.id}:${drug.ndc}:${iso}`, order: [ORDER_DRUG, rank, drugIndex, 0], visit: null, nurse: null,
            dispenseId: cover.dispense.id, product,
          });
          sink.facts.push(kept);
          sink.findings.push({
            severity: 'error', rule: 'R-DR-3', patient: patient.id, day, therapy: therapy.id, code: product.hcpcs, anchor: { line: kept },
            message: `Therapy ${therapy.id}: a dose in ${drug.dose.unit} cannot be converted to the units of ${product.name} (${product.hcpcs}); fix the product's HCPCS unit and drug per NDC unit`,
          });
          continue;
        }
        const wasted = waste({
          dose: drug.dose, dosesPerDay: n, singleDose: product.singleDose === true, containerSize: product.containerSize ?? 0,
          drugPerNdcUnit: perNdcUnit, hcpcsUnit, administeredUnits: units, administeredNdcQty: qty,
        });
        const jz = noWasteModifier(settings, product.singleDose === true, wasted !== null);
        const billed = billedNdcQuantities(product.ndcUnit, settings, qty, wasted?.ndcQty ?? null); // R-DR-9
        const modifiers: string[] = [];
        if (compound) modifiers.push(compound);
        if (jz) modifiers.push(jz);
        const administered = newFact(ctx, {
          kind: 'drug', therapy, patient, payer, day, code: product.hcpcs, modifiers, units, ndc: product.ndc, ndcQty: billed.qty, ndcUnit: billed.unit,
          sourceKey: `drug:${therapy.id}:${drug.ndc}:${iso}`, order: [ORDER_DRUG, rank, drugIndex, 0], visit: null, nurse: null, dispenseId: cover.dispense.id, product,
        });
        administered.note = drugLineNote(settings, dayDose, therapy.schedule); // R-DR-12
        if (paper) administered.paperModifiers = [paper, ...modifiers];
        sink.facts.push(administered);
        if (wasted) {
          const jw = newFact(ctx, {
            kind: 'waste', therapy, patient, payer, day, code: product.hcpcs, modifiers: compound ? [compound, 'JW'] : ['JW'], units: wasted.units,
            ndc: product.ndc, ndcQty: billed.wasteQty, ndcUnit: billed.unit, sourceKey: `waste:${therapy.id}:${drug.ndc}:${iso}`,
            order: [ORDER_DRUG, rank, drugIndex, 1], visit: null, nurse: null, dispenseId: cover.dispense.id, product,
          });
          if (paper) jw.paperModifiers = [paper, 'JW'];
          sink.facts.push(jw);
        }
      }
    });
  });
}
