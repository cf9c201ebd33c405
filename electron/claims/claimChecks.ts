// Checks that need the assembled claims, in one pass over their lines: R-CL-6 (prices), R-DR-7
// (NDC, unit and quantity on drug lines), R-DR-9 (NDC unit accepted), R-CL-10 (timely filing),
// R-CL-13 (code dates);
// then R-CL-5 (authorization dates and units, rules/priorAuth.ts) and R-MX-1 … R-MX-8
// (rules/mutuallyExclusive.ts).
import type { AssembledClaim } from './assemble.ts';
import type { EngineContext } from './context.ts';
import { toIso } from './dates.ts';
import { pushMap } from './facts/fact.ts';
import { noPriceMessage } from './rules/charges.ts';
import { outsideCodeDates } from './rules/codeDates.ts';
import { isDrugCode, missingNdcMessage } from './rules/missingNdc.ts';
import { checkExclusiveCodes, type DatedCode } from './rules/mutuallyExclusive.ts';
import { ndcUnitAccepted } from './rules/ndcUnits.ts';
import { checkAuthorizationDates, checkAuthorizedUnits } from './rules/priorAuth.ts';
import { pastTimelyFiling } from './rules/timelyFiling.ts';
import type { Fact, FactSink } from './types.ts';

export function checkClaims(ctx: EngineContext, claims: readonly AssembledClaim[], facts: readonly Fact[], sink: FactSink): void {
  checkAuthorizationDates(facts, sink);
  const ordered: Array<{ fact: Fact; units: number }> = [];
  const byPatientDay = new Map<string, Array<DatedCode<Fact>>>();
  for (const { claim, drafts } of claims) {
    const datedCodes = new Set<string>();
    drafts.forEach((d, i) => {
      const f = d.facts[0]!;
      const line = claim.lines[i]!;
      ordered.push({ fact: f, units: line.units });
      if (f.unitPriceMicros === null) {
        sink.findings.push({ severity: 'error', rule: 'R-CL-6', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f }, message: noPriceMessage(f.code, f.ndc, f.payer) });
      }
      const noNdc = f.kind === 'drug' || f.kind === 'waste' || isDrugCode(f.code) ? missingNdcMessage(f) : null;
      if (noNdc !== null) sink.findings.push({ severity: 'error', rule: 'R-DR-7', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f }, message: noNdc });
      if (f.ndcUnit !== null && !ndcUnitAccepted(f.ndcUnit, f.settings)) {
        sink.findings.push({
          severity: 'error', rule: 'R-DR-9', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f },
          message: `${f.payer.name} does not accept NDC unit ${f.ndcUnit} (${f.code}, NDC ${f.ndc})`,
        });
      }
      if (pastTimelyFiling(d.from, ctx.today, f.settings.timelyFilingDays)) {
        sink.findings.push({
          severity: 'warning', rule: 'R-CL-10', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f },
          message: `${f.code} of ${toIso(d.from)} is past ${f.payer.name}'s ${f.settings.timelyFilingDays}-day filing limit`,
        });
      }
      const outside = datedCodes.has(f.code) ? null : outsideCodeDates(f.code, d.from, d.to, f.settings);
      if (outside !== null) {
        datedCodes.add(f.code);
        sink.findings.push({ severity: 'error', rule: 'R-CL-13', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f }, message: outside });
      }
      for (const x of d.facts) pushMap(byPatientDay, `${claim.patient}|${x.day}`, { code: x.code, codeSet: x.settings.codeSet, line: x });
    });
  }

  checkAuthorizedUnits(ctx, ordered, sink);
  checkExclusiveCodes(ctx, byPatientDay, sink);
}
