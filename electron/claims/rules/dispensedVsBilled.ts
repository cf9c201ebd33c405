// R-DR-10 The NDC quantity billed (administered + wasted) from one dispense must not exceed the
// quantity dispensed: one warning per dispense, on the first day the total passes it. Quantities
// already on exported claims (earlier builds) count first, in the product's unit as well.
import type { Dispense } from '../../domain/types.ts';
import type { EngineContext } from '../context.ts';
import { inProductUnit } from './ndcUnits.ts';
import { toDay, toIso } from '../dates.ts';
import { pushMap } from '../facts/fact.ts';
import { snap } from '../numbers.ts';
import type { Fact, PendingFinding } from '../types.ts';
import { coveringDispense, dispenseCandidates } from './coveringDispense.ts';

/**
 * NDC quantity per dispense on exported drug and JW keys this build does not bill again, for the
 * dispenses this build bills from: the dispense is the one covering the key's date now
 * (`drug:T:<ndc>:<date>`, `waste:…`).
 */
export function exportedQuantities(ctx: EngineContext, facts: readonly Fact[], dispenses: ReadonlyMap<string, Dispense>): Map<string, number> {
  const totals = new Map<string, number>();
  const exported = ctx.options.exported?.keys;
  if (!exported || exported.size === 0) return totals;
  const billedNow = new Set<string>();
  // per therapy, from its earliest dispense billed now to its last drug day: keys outside cannot share a dispense
  const window = new Map<string, { first: number; last: number }>();
  for (const f of facts) {
    billedNow.add(f.sourceKey);
    const dispense = f.kind === 'drug' && f.dispenseId ? dispenses.get(f.dispenseId) : undefined;
    if (!dispense) continue;
    const first = toDay(dispense.date);
    const w = window.get(f.therapy.id);
    if (!w) window.set(f.therapy.id, { first, last: f.day });
    else {
      w.first = Math.min(w.first, first);
      w.last = Math.max(w.last, f.day);
    }
  }
  const candidates = new Map<string, ReturnType<typeof dispenseCandidates>>();
  for (const [key, prior] of exported) {
    if (!prior.ndcQty || billedNow.has(key)) continue;
    const m = /^(?:drug|waste):([^:]+):(\d{11}):(\d{4}-\d{2}-\d{2})$/.exec(key);
    const w = m ? window.get(m[1]!) : undefined;
    if (!m || !w) continue;
    const day = toDay(m[3]!);
    if (day < w.first || day > w.last) continue;
    const therapy = ctx.therapies.get(m[1]!)!;
    const drug = therapy.drugs.find((d) => d.ndc === m[2]);
    if (!drug) continue;
    const ck = `${therapy.id}|${drug.ndc}`;
    let list = candidates.get(ck);
    if (!list) candidates.set(ck, (list = dispenseCandidates(therapy, drug, ctx.dispensesByTherapy.get(therapy.id) ?? [], ctx.products)));
    const cover = coveringDispense(list, day);
    if (!cover) continue;
    // in the dispensed product's unit (R-DR-2 gives the line its NDC), as this build's lines are
    // counted: GR billed for an ME product is milligrams again (§12.3)
    const qty = inProductUnit(prior.ndcQty, prior.ndcUnit ?? null, cover.product.ndcUnit);
    totals.set(cover.dispense.id, snap((totals.get(cover.dispense.id) ?? 0) + qty));
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
      total = snap(total + inProductUnit(f.ndcQty ?? 0, f.ndcUnit, f.product?.ndcUnit));
      if (total > dispense.quantity) {
        findings.push({
          severity: 'warning',
          rule: 'R-DR-10',
          // both quantities are in the product's unit (ME, not the GR a line may be billed in)
          message: `Dispense ${id} sent ${dispense.quantity} ${f.product?.ndcUnit ?? f.ndcUnit ?? ''} of NDC ${dispense.ndc}, but ${total} is billed through ${toIso(f.day)}; check the dispensing log`,
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
