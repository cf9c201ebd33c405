// R-DR-10 The NDC quantity billed (administered + wasted) from one dispense must not exceed the
// quantity dispensed: one warning per dispense, on the first day the total passes it.
import type { Dispense } from '../../domain/types.ts';
import { toIso } from '../dates.ts';
import { snap } from '../numbers.ts';
import type { Fact, PendingFinding } from '../types.ts';

export function dispensedVsBilled(facts: readonly Fact[], dispenses: ReadonlyMap<string, Dispense>): PendingFinding[] {
  const byDispense = new Map<string, Fact[]>();
  for (const f of facts) {
    if ((f.kind !== 'drug' && f.kind !== 'waste') || !f.dispenseId || f.ndcQty === null) continue;
    const list = byDispense.get(f.dispenseId);
    if (list) list.push(f);
    else byDispense.set(f.dispenseId, [f]);
  }
  const findings: PendingFinding[] = [];
  for (const [id, list] of byDispense) {
    const dispense = dispenses.get(id);
    if (!dispense) continue;
    list.sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'drug' ? -1 : 1));
    let total = 0;
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
