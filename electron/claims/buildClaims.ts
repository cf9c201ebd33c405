// The claim engine: Dataset + range + build date → claims and findings (billing-rules.md).
// Pure: no clock, no database, no randomness; the same facts always give the same claims.
import type { BuildResult, Finding } from '../domain/claims.ts';
import type { CodeSet, Dataset } from '../domain/types.ts';
import { assembleClaims, type AssembledClaim } from './assemble.ts';
import { createContext, type EngineContext } from './context.ts';
import { toDay, toIso } from './dates.ts';
import { drugFacts } from './facts/drugs.ts';
import { factHash } from './facts/fact.ts';
import { nursingFacts } from './facts/nursing.ts';
import { perDiemFacts, type PerDiemState } from './facts/perDiems.ts';
import { supplyFacts } from './facts/supplies.ts';
import { noPriceMessage } from './rules/charges.ts';
import { dispensedVsBilled } from './rules/dispensedVsBilled.ts';
import { injectablePerDiemSupported, isInjectableRoute } from './rules/injectables.ts';
import { hasBillableNdc, missingNdcMessage } from './rules/missingNdc.ts';
import { exclusiveViolations, type DatedCode } from './rules/mutuallyExclusive.ts';
import { ndcUnitAccepted } from './rules/ndcUnits.ts';
import { AuthorizedUnits } from './rules/priorAuth.ts';
import { pastTimelyFiling } from './rules/timelyFiling.ts';
import type { BuildOptions, BuildRange, Fact, FactSink, PendingFinding } from './types.ts';

export type { BuildOptions, BuildRange, ExportedFact, ExportedFacts } from './types.ts';

/** R-PD-9: SC/IM per diems need an IV per diem of the patient or a signed RN visit that day. */
function checkInjectables(ctx: EngineContext, facts: readonly Fact[], sink: FactSink): void {
  const ivDays = new Set<string>();
  for (const f of facts) if (f.kind === 'perDiem' && f.therapy.route === 'IV') ivDays.add(`${f.patient.id}|${f.day}`);
  const rnVisits = new Set<string>();
  for (const v of ctx.dataset.visits) {
    if (!v.signed) continue;
    const day = toDay(v.date);
    if (day >= ctx.from && day <= ctx.to && ctx.nurses.get(v.nurse)?.credential === 'RN') rnVisits.add(`${v.therapy}|${day}`);
  }
  for (const f of facts) {
    if (f.kind !== 'perDiem' || !isInjectableRoute(f.therapy.route)) continue;
    if (injectablePerDiemSupported(ivDays.has(`${f.patient.id}|${f.day}`), rnVisits.has(`${f.therapy.id}|${f.day}`))) continue;
    sink.findings.push({
      severity: 'warning', rule: 'R-PD-9', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { line: f },
      message: `${f.therapy.route} therapy ${f.therapy.id}: the per diem on ${toIso(f.day)} is payable only with an IV therapy's per diem or an RN visit that day`,
    });
  }
}

/** `--payer`: the facts and findings of one payer, from a build that saw all of them. */
function onlyPayer(ctx: EngineContext, sink: FactSink): void {
  const payer = ctx.payerFilter;
  if (payer === null) return;
  sink.facts = sink.facts.filter((f) => f.payer.id === payer);
  sink.findings = sink.findings.filter((p) => {
    const a = p.anchor;
    const therapy = a !== null && 'line' in a ? a.line.therapy : ctx.therapies.get(p.therapy ?? '');
    return therapy === undefined || therapy.payer === payer;
  });
}

/** R-CL-8: source keys on exported claims are never billed again; changed facts are reported. */
function withoutExported(ctx: EngineContext, facts: Fact[], sink: FactSink): Fact[] {
  const exported = ctx.options.exported?.keys;
  if (!exported || exported.size === 0) return facts;
  const seen = new Set<string>();
  const kept: Fact[] = [];
  for (const f of facts) {
    const prior = exported.get(f.sourceKey);
    if (!prior) {
      kept.push(f);
      continue;
    }
    seen.add(f.sourceKey);
    if (prior.hash !== factHash(f)) {
      sink.findings.push({
        severity: 'warning', rule: 'R-CL-8', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, claim: prior.claim, anchor: null,
        message: `Claim ${prior.claim} was exported, but ${f.code} of ${toIso(f.day)} (${f.sourceKey}) has changed since; send a replacement claim`,
      });
    }
  }
  for (const [key, prior] of exported) {
    const day = toDay(prior.date);
    if (seen.has(key) || day < ctx.from || day > ctx.to || (ctx.payerFilter !== null && prior.payer !== ctx.payerFilter)) continue;
    sink.findings.push({
      severity: 'warning', rule: 'R-CL-8', patient: prior.patient, day, claim: prior.claim, anchor: null,
      message: `Claim ${prior.claim} was exported with ${key}, which the records no longer support; send a replacement or void claim`,
    });
  }
  return kept;
}

/** R-CL-5 dates without an authorization, R-CL-5 units, R-CL-6, R-CL-10, R-DR-7, R-DR-9, R-MX. */
function checkClaims(ctx: EngineContext, claims: readonly AssembledClaim[], facts: readonly Fact[], sink: FactSink): void {
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

function resolveFindings(pending: readonly PendingFinding[], claims: readonly AssembledClaim[], facts: readonly Fact[]): Finding[] {
  const therapyDay = new Map<string, Fact>();
  const therapyClaims = new Map<string, number[]>();
  for (const f of facts) {
    if (!f.placed) continue;
    const key = `${f.therapy.id}|${f.day}`;
    const known = therapyDay.get(key);
    if (!known || f.placed.claim < known.placed!.claim || (f.placed.claim === known.placed!.claim && f.placed.line < known.placed!.line)) therapyDay.set(key, f);
    const list = therapyClaims.get(f.therapy.id) ?? [];
    if (!list.includes(f.placed.claim)) list.push(f.placed.claim);
    therapyClaims.set(f.therapy.id, list);
  }
  const out: Array<Finding & { seq: number }> = [];
  const emit = (p: PendingFinding, claim: string | null, line: number | null) => {
    const f: Finding & { seq: number } = {
      severity: p.severity,
      rule: p.rule,
      message: p.message,
      claim,
      line,
      patient: p.patient,
      date: p.day === null ? null : toIso(p.day),
      seq: out.length,
    };
    if (p.therapy) f.therapy = p.therapy;
    if (p.code) f.code = p.code;
    if (p.visit) f.visit = p.visit;
    if (p.dispense) f.dispense = p.dispense;
    out.push(f);
  };
  for (const p of pending) {
    const a = p.anchor;
    if (a === null) emit(p, p.claim ?? null, null);
    else if ('line' in a) {
      const placed = a.line.placed;
      emit(p, placed ? claims[placed.claim]!.claim.id : null, placed ? placed.line + 1 : null);
    } else if ('day' in a) {
      // the claim with the therapy's lines that day, else the therapy's claim of that period
      const f = therapyDay.get(`${a.therapy}|${a.day}`);
      const iso = toIso(a.day);
      const ci = f?.placed
        ? f.placed.claim
        : therapyClaims.get(a.therapy)?.find((i) => claims[i]!.claim.periodFrom <= iso && iso <= claims[i]!.claim.periodTo);
      emit(p, ci === undefined ? null : claims[ci]!.claim.id, null);
    } else {
      const list = therapyClaims.get(a.therapy);
      if (!list || list.length === 0) emit(p, null, null);
      else for (const ci of [...list].sort((x, y) => x - y)) emit(p, claims[ci]!.claim.id, null);
    }
  }
  out.sort((a, b) => {
    const pa = a.patient ?? '\uffff';
    const pb = b.patient ?? '\uffff';
    const da = a.date ?? '';
    const db = b.date ?? '';
    return (pa < pb ? -1 : pa > pb ? 1 : 0) || (da < db ? -1 : da > db ? 1 : 0) || a.seq - b.seq;
  });
  return out.map(({ seq: _seq, ...f }) => f);
}

export function buildClaims(dataset: Dataset, range: BuildRange, opts: BuildOptions): BuildResult {
  const ctx = createContext(dataset, range, opts);
  const sink: FactSink = { facts: [], findings: [] };
  const perDiems: PerDiemState = perDiemFacts(ctx, sink);
  drugFacts(ctx, perDiems, sink);
  supplyFacts(ctx, perDiems, sink);
  nursingFacts(ctx, perDiems, sink);
  checkInjectables(ctx, sink.facts, sink);
  sink.findings.push(...dispensedVsBilled(sink.facts, new Map(dataset.dispenses.map((d) => [d.id, d]))));
  onlyPayer(ctx, sink);

  const billable = withoutExported(ctx, sink.facts, sink);
  const claims = assembleClaims(billable, sink.findings, opts.reservedIds);
  checkClaims(ctx, claims, billable, sink);
  return { claims: claims.map((c) => c.claim), findings: resolveFindings(sink.findings, claims, billable) };
}
