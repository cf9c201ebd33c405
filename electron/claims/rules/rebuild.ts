// R-CL-8 Rebuilding. A source key already on an exported claim (or a pending correction) is never
// billed again, and a patient × payer × date with such a key is CLOSED: whatever the records now
// say about it — a changed fact, a fact gone, or a new fact (a 99602 after a corrected departure,
// a drug added after its per diem went out, a late visit's T1002) — belongs to that claim's
// replacement (frequency 7), never to a new original, since the claim that was sent should have
// said it. Each such difference is reported on the exported claim, and while one is open every
// draft of the same patient × payer is held back with an error: what it says may depend on the
// replacement (a late Medicare visit is the initial one only once the exported one is replaced).
import type { AssembledClaim } from '../assemble.ts';
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import { factHash } from '../facts/fact.ts';
import type { ExportedFact, Fact, FactSink } from '../types.ts';
import { wronglyInitial } from './nursingMedicare.ts';

export interface RebuildSplit {
  /** facts for new original claims */
  kept: Fact[];
  /** facts of closed dates, by the exported claim whose replacement carries them */
  owned: Map<string, Fact[]>;
  /** patient|payer pairs with an exported claim that needs a replacement */
  pending: Map<string, string[]>;
}

const pair = (patient: string, payer: string) => `${patient}\u0000${payer}`;
const dateKey = (patient: string, payer: string, day: number) => `${patient}\u0000${payer}\u0000${day}`;

/**
 * The exported claim a new fact of a closed date belongs to: the one holding the same therapy's
 * keys that date, else the first by id, so the choice never depends on the order of keys.
 */
function ownerOf(f: Fact, onDate: ReadonlyArray<{ claim: string; therapy: string | null }>): string {
  const sorted = [...onDate].sort((a, b) => (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
  return (sorted.find((e) => e.therapy === f.therapy.id) ?? sorted[0]!).claim;
}

export function splitExported(ctx: EngineContext, facts: Fact[], sink: FactSink): RebuildSplit {
  const exported = ctx.options.exported?.keys;
  const split: RebuildSplit = { kept: facts, owned: new Map(), pending: new Map() };
  if (!exported || exported.size === 0) return split;
  const closed = new Map<string, Array<{ claim: string; therapy: string | null }>>();
  for (const prior of exported.values()) {
    const key = dateKey(prior.patient, prior.payer, toDay(prior.date));
    const list = closed.get(key);
    const entry = { claim: prior.claim, therapy: prior.therapy ?? null };
    if (list) list.push(entry);
    else closed.set(key, [entry]);
  }
  const report = (prior: Pick<ExportedFact, 'claim' | 'patient' | 'payer'>, day: number, message: string, f?: Fact) => {
    sink.findings.push({
      severity: 'warning', rule: 'R-CL-8', patient: prior.patient, day, claim: prior.claim, anchor: null, message,
      ...(f ? { therapy: f.therapy.id, code: f.code } : {}),
    });
    const p = pair(prior.patient, prior.payer);
    const claims = split.pending.get(p) ?? [];
    if (!claims.includes(prior.claim)) claims.push(prior.claim);
    split.pending.set(p, claims);
  };
  const own = (claim: string, f: Fact) => {
    const list = split.owned.get(claim);
    if (list) list.push(f);
    else split.owned.set(claim, [f]);
  };

  const seen = new Set<string>();
  split.kept = [];
  for (const f of facts) {
    const prior = exported.get(f.sourceKey);
    if (prior) {
      seen.add(f.sourceKey);
      own(prior.claim, f);
      // the hash leaves the date out, and a visit's or dispense's key does not name it: compare it too
      if (prior.hash !== factHash(f) || prior.date !== toIso(f.day)) {
        report(prior, f.day, `Claim ${prior.claim} was exported, but ${f.code} of ${toIso(f.day)} (${f.sourceKey}) has changed since; send a replacement claim`, f);
      }
      continue;
    }
    const onDate = closed.get(dateKey(f.patient.id, f.payer.id, f.day));
    if (!onDate) {
      split.kept.push(f);
      continue;
    }
    const claim = ownerOf(f, onDate);
    own(claim, f);
    report(
      { claim, patient: f.patient.id, payer: f.payer.id }, f.day,
      `Claim ${claim} was exported for ${toIso(f.day)}, which now also has ${f.code} (${f.sourceKey}); it goes out only on a replacement of claim ${claim}`, f,
    );
  }
  for (const [key, prior] of exported) {
    const day = toDay(prior.date);
    if (seen.has(key) || (ctx.payerFilter !== null && prior.payer !== ctx.payerFilter)) continue;
    if (day >= ctx.from && day <= ctx.to) {
      report(prior, day, `Claim ${prior.claim} was exported with ${key}, which the records no longer support; send a replacement or void claim`);
    } else if (wronglyInitial(ctx, key, prior)) {
      // beyond the range, only what the build can judge without its facts: an initial visit that a
      // visit signed since makes a subsequent one (R-NV-4)
      report(prior, day, `Claim ${prior.claim} was exported with ${prior.code} as the initial visit of ${prior.date} (${key}), but an earlier visit now opens that episode; send a replacement claim`);
    }
  }
  return split;
}

/** One R-CL-8 error on each draft of a patient × payer with an exported claim awaiting its replacement. */
export function holdDependentDrafts(claims: readonly AssembledClaim[], pending: ReadonlyMap<string, readonly string[]>, sink: FactSink): void {
  if (pending.size === 0) return;
  for (const { claim, drafts } of claims) {
    const waiting = pending.get(pair(claim.patient, claim.payer));
    if (!waiting) continue;
    const f = drafts[0]!.facts[0]!;
    sink.findings.push({
      severity: 'error', rule: 'R-CL-8', patient: claim.patient, day: f.day, anchor: { line: f },
      message: `Exported claim ${[...waiting].sort().join(', ')} of this patient and payer needs a replacement first: send it, then build again`,
    });
  }
}
