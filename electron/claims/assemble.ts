// Facts → claims: group (R-CL-1), merge per diem spans (R-PD-3), order (R-CL-2), split at 50
// lines between date blocks (R-CL-1), diagnoses and pointers (R-CL-3), ids (R-CL-7), charges.
import type { Claim, ClaimLine } from '../domain/claims.ts';
import { toIso } from './dates.ts';
import { factHash, pushMap } from './facts/fact.ts';
import { chargeCents } from './rules/charges.ts';
import { claimId } from './rules/claimId.ts';
import { claimDiagnoses, linePointers } from './rules/diagnoses.ts';
import { claimPeriod, groupKey, splitIntoClaims } from './rules/grouping.ts';
import { compareLines, compareOrder } from './rules/lineOrder.ts';
import { mergesWith } from './rules/lineSpan.ts';
import { PLACE_OF_SERVICE_HOME } from './rules/placeOfService.ts';
import type { Fact, PendingFinding } from './types.ts';

/** A claim line in the making: one fact, or several days of one per diem. */
export interface DraftLine {
  from: number;
  to: number;
  order: number[];
  facts: Fact[];
}

export interface AssembledClaim {
  claim: Claim;
  drafts: DraftLine[];
}

function mergeSpans(facts: Fact[]): DraftLine[] {
  const lines: DraftLine[] = [];
  const open = new Map<string, DraftLine>();
  for (const f of facts) {
    if (f.kind === 'perDiem' && f.settings.lineSpan !== 'day') {
      const key = `${f.therapy.id}\u0000${f.code}\u0000${f.modifiers.join(',')}`;
      const line = open.get(key);
      if (line && mergesWith(f.settings, line.to, f.day)) {
        line.to = f.day;
        line.facts.push(f);
        continue;
      }
      const fresh: DraftLine = { from: f.day, to: f.day, order: f.order, facts: [f] };
      open.set(key, fresh);
      lines.push(fresh);
      continue;
    }
    lines.push({ from: f.day, to: f.day, order: f.order, facts: [f] });
  }
  return lines.sort(compareLines);
}

function toClaimLine(d: DraftLine, pointers: string[]): ClaimLine {
  const f = d.facts[0]!;
  const units = d.facts.reduce((s, x) => s + x.units, 0);
  return {
    from: toIso(d.from),
    to: toIso(d.to),
    code: f.code,
    modifiers: [...f.modifiers],
    units,
    chargeCents: chargeCents(units, f.unitPriceMicros),
    pointers,
    ndc: f.ndc,
    ndcQty: f.ndcQty,
    ndcUnit: f.ndcUnit,
    sourceKey: f.sourceKey,
    sourceKeys: d.facts.map((x) => x.sourceKey),
    factHashes: d.facts.map(factHash),
    kind: f.kind,
    therapy: f.therapy.id,
    placeOfService: PLACE_OF_SERVICE_HOME,
    ...(f.visit ? { visit: f.visit.id, renderingNpi: f.nurse?.npi ?? null } : {}),
    ...(f.description ? { description: f.description } : {}),
    ...(f.note ? { note: f.note } : {}),
    ...(f.paperModifiers ? { paperModifiers: [...f.paperModifiers] } : {}),
  };
}

export function assembleClaims(facts: Fact[], findings: PendingFinding[], reservedIds: ReadonlySet<string> = new Set()): AssembledClaim[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const period = claimPeriod(f.settings, f.day);
    pushMap(groups, groupKey(f.patient.id, f.payer.id, period.from, f.priorAuth, f.therapy.prescriber), f);
  }
  const out: AssembledClaim[] = [];
  const taken = new Set<string>(reservedIds);
  for (const [key, group] of groups) {
    group.sort((a, b) => a.day - b.day || compareOrder(a.order, b.order));
    const first = group[0]!;
    const period = claimPeriod(first.settings, first.day);
    const coverage = first.patient.coverages.find((c) => c.payer === first.payer.id);
    for (const part of splitIntoClaims(mergeSpans(group))) {
      const { kept, dropped } = claimDiagnoses(part.lines.map((l) => l.facts[0]!.therapy.diagnoses));
      const pointersOf = new Map<readonly string[], string[]>();
      const lines = part.lines.map((l) => {
        const codes = l.facts[0]!.therapy.diagnoses;
        let pointers = pointersOf.get(codes);
        if (!pointers) pointersOf.set(codes, (pointers = linePointers(codes, kept)));
        return toClaimLine(l, [...pointers]);
      });
      const id = claimId(key, lines[0]!.sourceKey, taken);
      taken.add(id);
      const claim: Claim = {
        id,
        patient: first.patient.id,
        payer: first.payer.id,
        coveragePriority: coverage?.priority ?? 1,
        prescriber: first.therapy.prescriber,
        frequency: '1',
        priorAuth: first.priorAuth,
        diagnoses: kept,
        totalCents: lines.reduce((s, l) => s + l.chargeCents, 0),
        periodFrom: toIso(period.from),
        periodTo: toIso(period.to),
        lines,
        status: 'draft',
      };
      if (part.oversized) {
        findings.push({
          severity: 'error', rule: 'R-CL-1', patient: claim.patient, day: part.lines[0]!.from, anchor: { line: part.lines[0]!.facts[0]! },
          message: `One date block has ${part.lines.length} lines, more than the 50 a claim may carry; reduce the lines of that date`,
        });
      }
      if (dropped.length > 0) {
        findings.push({
          severity: 'warning', rule: 'R-CL-3', patient: claim.patient, day: part.lines[0]!.from, anchor: { line: part.lines[0]!.facts[0]! },
          message: `The claim has more than 12 diagnoses; these are left off: ${dropped.join(', ')}`,
        });
      }
      out.push({ claim, drafts: part.lines });
    }
  }
  out.sort((a, b) => {
    const x = a.claim;
    const y = b.claim;
    return (
      (x.patient < y.patient ? -1 : x.patient > y.patient ? 1 : 0) ||
      x.coveragePriority - y.coveragePriority ||
      (x.payer < y.payer ? -1 : x.payer > y.payer ? 1 : 0) ||
      (x.lines[0]!.from < y.lines[0]!.from ? -1 : x.lines[0]!.from > y.lines[0]!.from ? 1 : 0) ||
      (x.id < y.id ? -1 : 1)
    );
  });
  out.forEach((a, ci) => a.drafts.forEach((d, li) => d.facts.forEach((f) => (f.placed = { claim: ci, line: li }))));
  return out;
}
