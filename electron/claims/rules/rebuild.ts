// R-CL-8 Rebuilding: a source key already on an exported claim (or a pending correction) is never
// billed again; when its facts changed since, or are gone, the build says which exported claim
// needs a replacement.
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import { factHash } from '../facts/fact.ts';
import type { Fact, FactSink } from '../types.ts';

/** The facts still to bill; R-CL-8 warnings go to the sink. */
export function withoutExported(ctx: EngineContext, facts: Fact[], sink: FactSink): Fact[] {
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
