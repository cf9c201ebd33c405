// Checks that need the assembled claims: R-CL-5 (authorization dates and units), R-CL-6 (prices),
// R-CL-10 (timely filing), R-DR-7 (NDC present), R-DR-9 (NDC unit accepted), R-MX-1 … R-MX-8.
import type { CodeSet } from '../domain/types.ts';
import type { AssembledClaim } from './assemble.ts';
import type { EngineContext } from './context.ts';
import { toIso } from './dates.ts';
import { noPriceMessage } from './rules/charges.ts';
import { hasBillableNdc, missingNdcMessage } from './rules/missingNdc.ts';
import { exclusiveViolations, type DatedCode } from './rules/mutuallyExclusive.ts';
import { ndcUnitAccepted } from './rules/ndcUnits.ts';
import { AuthorizedUnits } from './rules/priorAuth.ts';
import { pastTimelyFiling } from './rules/timelyFiling.ts';
import type { Fact, FactSink } from './types.ts';

export function checkClaims(ctx: EngineContext, claims: readonly AssembledClaim[], facts: readonly Fact[], sink: FactSink): void {
  const noAuth = new Set<string>();
  const noAuthAtAll = new Set<string>();
  for (const f of facts) {
    if (f.priorAuth !== null) continue;
    const t = f.therapy;
    if (t.priorAuths.length > 0) {
      const key = `${t.id}|${f.day}`;
      if (noAuth.has(key)) continue;
      noAuth.add(key);
      sink.findings.push({
        severity: 'error', rule: 'R-CL-5', patient: f.patient.id, day: f.day, therapy: t.id, anchor: { therapy: t.id, day: f.day },
        message: `Therapy ${t.id}: ${toIso(f.day)} is outside every prior authorization on file`,
      });
    } else if (f.settings.requiresPriorAuth && !noAuthAtAll.has(t.id)) {
      noAuthAtAll.add(t.id);
      sink.findings.push({
        severity: 'error', rule: 'R-CL-5', patient: f.patient.id, day: f.day, therapy: t.id, anchor: { therapy: t.id },
        message: `Therapy ${t.id} has no prior authorization, which ${f.payer.name} requires`,
      });
    }
  }

  const ordered: Array<{ fact: Fact; units: number }> = [];
  const byPatientDay = new Map<string, Array<DatedCode<Fact>>>();
  for (const { claim, drafts } of claims) {
    drafts.forEach((d, i) => {
      const f = d.facts[0]!;
      const line = claim.lines[i]!;
      ordered.push({ fact: f, units: line.units });
      if (f.unitPriceMicros === null) {
        sink.findings.push({ severity: 'error', rule: 'R-CL-6', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f }, message: noPriceMessage(f.code, f.ndc, f.payer.name) });
      }
      if ((f.kind === 'drug' || f.kind === 'waste') && !hasBillableNdc(f.ndc)) {
        sink.findings.push({ severity: 'error', rule: 'R-DR-7', patient: claim.patient, day: d.from, code: f.code, anchor: { line: f }, message: missingNdcMessage(f.code, f.ndc) });
      }
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
      for (const x of d.facts) {
        const key = `${claim.patient}|${x.day}`;
        const list = byPatientDay.get(key) ?? [];
        if (list.length === 0) byPatientDay.set(key, list);
        list.push({ code: x.code, codeSet: x.settings.codeSet as CodeSet, line: x });
      }
    });
  }

  ordered.sort((a, b) => a.fact.day - b.fact.day);
  const authUnits = new AuthorizedUnits();
  // units already billed on exported claims count toward the same authorization
  for (const prior of ctx.options.exported?.keys.values() ?? []) {
    const therapy = prior.therapy ? ctx.therapies.get(prior.therapy) : undefined;
    if (therapy && prior.priorAuth && prior.code && prior.units) authUnits.add(therapy, prior.priorAuth, prior.code, prior.units);
  }
  for (const { fact: f, units } of ordered) {
    if (f.priorAuth === null) continue;
    const limit = authUnits.add(f.therapy, f.priorAuth, f.code, units);
    if (limit !== null) {
      sink.findings.push({
        severity: 'error', rule: 'R-CL-5', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { line: f },
        message: `Authorization ${f.priorAuth} allows ${limit} units of ${f.code}; billing ${toIso(f.day)} goes beyond that`,
      });
    }
  }

  for (const [key, codes] of byPatientDay) {
    for (const v of exclusiveViolations(codes)) {
      const [patient] = key.split('|');
      sink.findings.push({
        severity: 'error', rule: v.rule, patient: patient!, day: v.line.day, code: v.codes[1] ?? v.codes[0], anchor: { line: v.line },
        message: v.codes[1]
          ? `${v.codes[0]} and ${v.codes[1]} may not be billed for the same patient on ${toIso(v.line.day)}`
          : `${v.codes[0]} is an S-code, which Medicare home infusion claims may not carry (${toIso(v.line.day)})`,
      });
    }
  }
}
