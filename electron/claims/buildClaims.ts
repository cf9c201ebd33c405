// The claim engine: Dataset + range + build date → claims and findings (billing-rules.md).
// Pure: no clock, no database, no randomness; the same facts always give the same claims.
import type { BuildResult, Claim } from '../domain/claims.ts';
import type { Dataset } from '../domain/types.ts';
import { assembleClaims } from './assemble.ts';
import { checkClaims } from './claimChecks.ts';
import { createContext, type EngineContext } from './context.ts';
import { drugFacts } from './facts/drugs.ts';
import { nursingFacts } from './facts/nursing.ts';
import { perDiemFacts } from './facts/perDiems.ts';
import { supplyFacts } from './facts/supplies.ts';
import { resolveFindings } from './findings.ts';
import { dispensedVsBilled, exportedQuantities } from './rules/dispensedVsBilled.ts';
import { checkDescriptorLimits } from './rules/descriptorLimits.ts';
import { checkInjectables } from './rules/injectables.ts';
import { describeNocLines } from './rules/nocDescription.ts';
import { checkNotesFitForm } from './rules/drugLineNotes.ts';
import { holdDependentDrafts, splitExported, type RebuildSplit } from './rules/rebuild.ts';
import type { BuildOptions, BuildRange, FactSink } from './types.ts';

export type { BuildOptions, BuildRange, ExportedFact, ExportedFacts } from './types.ts';

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

/** Every fact of the range with its findings, and which of them exported claims already hold (R-CL-8). */
function factsOf(dataset: Dataset, range: BuildRange, opts: BuildOptions): { ctx: EngineContext; sink: FactSink; split: RebuildSplit } {
  const ctx = createContext(dataset, range, opts);
  const sink: FactSink = { facts: [], findings: [] };
  const perDiems = perDiemFacts(ctx, sink);
  drugFacts(ctx, perDiems, sink);
  supplyFacts(ctx, perDiems, sink);
  nursingFacts(ctx, perDiems, sink);
  checkInjectables(ctx, sink);
  checkDescriptorLimits(ctx, sink.facts, sink);
  describeNocLines(ctx, sink.facts);
  checkNotesFitForm(sink.facts, sink);
  const dispenses = new Map(dataset.dispenses.map((d) => [d.id, d]));
  sink.findings.push(...dispensedVsBilled(sink.facts, dispenses, exportedQuantities(ctx, sink.facts, dispenses)));
  onlyPayer(ctx, sink);
  return { ctx, sink, split: splitExported(ctx, sink.facts, sink) };
}

export function buildClaims(dataset: Dataset, range: BuildRange, opts: BuildOptions): BuildResult {
  const { ctx, sink, split } = factsOf(dataset, range, opts);
  const billable = split.kept;
  const claims = assembleClaims(billable, sink.findings, opts.reservedIds);
  holdDependentDrafts(claims, split.pending, sink);
  checkClaims(ctx, claims, billable, sink);
  return { claims: claims.map((c) => c.claim), findings: resolveFindings(sink.findings, claims, billable) };
}

/**
 * What a replacement (R-CL-9 frequency 7) of exported claim `claimId` bills today: its keys as the
 * records now state them, plus the new facts of the dates it closed (R-CL-8). `range` spans the
 * claim's dates of service; `opts.exported` holds the live keys, the claim's own included.
 */
export function buildReplacement(dataset: Dataset, range: BuildRange, opts: BuildOptions, claimId: string): Claim[] {
  const { sink, split } = factsOf(dataset, range, opts);
  return assembleClaims(split.owned.get(claimId) ?? [], sink.findings).map((c) => c.claim);
}
