// R-DR-10 The NDC quantity billed (administered + wasted) from one dispense must not exceed the
// quantity dispensed: one warning per dispense, on the first day the total passes it. Quantities
// already on exported claims (earlier builds) count first.
import type { Dispense } from '../../domain/types.ts';
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import { pushMap } from '../facts/fact.ts';
import { snap } from '../numbers.ts';
import type { Fact, PendingFinding } from '../types.ts';
import { coveringDispense, dispenseCandidates } from './coveringDispense.ts';

/**
 * NDC quantity per dispense on exported drug and JW keys this build does not bill again: the
 * dispense is the one covering the key's date now (`drug:T:<ndc>:<date>`, `waste:…`).
 */
export function exportedQuantities(ctx: EngineContext, billedNow: ReadonlySet<string>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [key, prior] of ctx.options.exported?.keys ?? []) {
    if (billedNow.has(key) || !prior.ndcQty) continue;
    const m = /^(?:drug|waste):([^:]+):(\d{11}):(\d{4}-\d{2}-\d{2})$/.exec(key);
    const therapy = m ? ctx.therapies.get(m[1]!) : undefined;
    const drug = therapy?.drugs.find((d) => d.ndc === m![2]);
    if (!therapy || !drug) continue;
    const cover = coveringDispense(dispenseCandidates(therapy, drug, ctx.dispensesByTherapy.get(therapy.id) ?? [], ctx.products), toDay(m![3]!));
    if (cover) totals.set(cover.dispense.id, snap((totals.get(cover.dispense.id) ?? 0) + prior.ndcQty));
  }
  return totals;
}

export function dispensedVsBilled(
  facts: readonly Fact[],
  dispenses: ReadonlyMap<string, Dispense>,
  alreadyBilled: ReadonlyMap<string, number> = new Map(),
): PendingFinding[] {
  const byDispense = new Map<string, Fact[]>();
  for (const f of facts) {
    if ((f.kind === 'drug' || f.kind === 'waste') && f.dispenseId && f.ndcQty !== null) pushMap(byDispense, f.dispenseId, f);
  }
  const findings: PendingFinding[] = [];
  for (const [id, list] of byDispense) {
    const dispense = dispenses.get(id);
    if (!dispense) continue;
    list.sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'drug' ? -1 : 1));
    let total = alreadyBilled.get(id) ?? 0;
    for (const f of list) {
      total = snap(total + (f.ndcQty ?? 0));
      if (total > dispense.quantity) {
        findings.push({
          severity: 'warning',
          rule: 'R-DR-10',
          message: `Dispense ${id} sent ${dispense.quantity} ${f.ndcUnit ?? ''} of NDC ${dispense.ndc}, but ${total} is billed through ${toIso(f.day)}; check the dispensing log`,
          patient: f.patient.id,
          day: f.day,
          therapy: f.therapy.id,
          code: f.code,
          dispense: id,
          anchor: { line: f },
        });
        break;
      }
    }
  }
  return findings;
}
