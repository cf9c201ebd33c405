// R-CO-3 Medicare for denial: the secondary payer has `billSecondaryWithOwnCodes`, so after
// Medicare (code set medicare-hit) its claim is built by the engine from the same facts with its
// own code set (per diems as S-codes). The lines Medicare adjudicated carry Medicare's 2430; the
// lines Medicare never received (the per diems) carry none, and Medicare's denial travels at claim
// level restated against their charges (cob.md §10 pattern 2), so CLM02 = AMT*D + Σ CAS holds.
// No engine change: the engine builds for the secondary when the therapies are billed to it.
import { buildClaims } from '../claims/buildClaims.ts';
import type { ExportedFacts } from '../claims/types.ts';
import type { Claim, ClaimLine, Finding } from '../domain/claims.ts';
import type { PriorAdjustment, PriorLineAdjudication, PriorPayerAdjudication } from '../domain/priorPayers.ts';
import type { Coverage, Dataset, IsoDate } from '../domain/types.ts';
import { prOf } from './adjudication.ts';
import { secondaryBalanceProblems } from './balance.ts';
import { secondaryClaimId } from './draftSecondary.ts';

/** Modifiers that only tell Medicare why it should deny (GY excluded, GA/GZ ABN, KX criteria met). */
const MEDICARE_ONLY = new Set(['GY', 'GA', 'GZ', 'KX']);

export interface OwnCodesInput {
  dataset: Dataset;
  /** the claim Medicare adjudicated */
  medicareClaim: Claim;
  /** Medicare's adjudication of it (draftSecondary's `ownCodes` result) */
  adjudication: PriorPayerAdjudication;
  /** the secondary coverage (draftSecondary's `ownCodes` result) */
  coverage: Coverage;
  today: IsoDate;
  exported?: ExportedFacts;
  newClaimId?: string;
}

export type OwnCodesResult =
  | { kind: 'draft'; claim: Claim; findings: Finding[]; notes: string[] }
  | { kind: 'none'; reason: string };

const lineKey = (l: Pick<ClaimLine, 'code' | 'modifiers' | 'from' | 'to' | 'units' | 'chargeCents'>): string =>
  [l.code, l.modifiers.filter((m) => !MEDICARE_ONLY.has(m)).sort().join(':'), l.from, l.to, l.units, l.chargeCents].join('|');

/** Medicare's denial reason: the adjustment (not the contractual CO-45) carrying most money. */
function denialOf(adj: PriorPayerAdjudication): PriorAdjustment | null {
  const all = [...adj.adjustments, ...adj.lines.flatMap((l) => l.adjustments)].filter((a) => !(a.group === 'CO' && a.reason === '45'));
  const byCode = new Map<string, PriorAdjustment>();
  for (const a of all) {
    const k = `${a.group}-${a.reason}`;
    byCode.set(k, { ...a, cents: (byCode.get(k)?.cents ?? 0) + a.cents, quantity: null });
  }
  return [...byCode.values()].sort((a, b) => b.cents - a.cents)[0] ?? null;
}

/** R-CO-3: the secondary's own-code claim with Medicare's adjudication attached, or why not. */
export function draftOwnCodesSecondary(input: OwnCodesInput): OwnCodesResult {
  const { medicareClaim: mc, adjudication: medicare, coverage } = input;
  const denial = denialOf(medicare);
  if (!denial) return { kind: 'none', reason: `${medicare.payer} denied nothing on claim ${mc.id}: there is no denial to carry` };
  // the same facts, billed to the secondary: the engine picks its code set from the payer
  const dataset: Dataset = {
    ...input.dataset,
    therapies: input.dataset.therapies.map((t) => (t.patient === mc.patient && t.payer === mc.payer ? { ...t, payer: coverage.payer } : t)),
  };
  const built = buildClaims(dataset, { from: mc.periodFrom, to: mc.periodTo, payer: coverage.payer }, { today: input.today, ...(input.exported ? { exported: input.exported } : {}) });
  const claims = built.claims.filter((c) => c.patient === mc.patient && c.prescriber === mc.prescriber);
  if (claims.length !== 1) return { kind: 'none', reason: `the facts of claim ${mc.id} build ${claims.length} claims for ${coverage.payer}; R-CO-3 drafts one` };
  const own = claims[0]!;

  // Medicare's adjudicated lines by what they bill; each carries over (all its 2430 pieces) to at most one own-code line
  const medicareLines = new Map<string, number[]>();
  for (const n of new Set(medicare.lines.map((l) => l.line))) {
    const billed = mc.lines[n - 1];
    if (!billed) continue;
    const k = lineKey(billed);
    medicareLines.set(k, [...(medicareLines.get(k) ?? []), n]);
  }
  const lines: PriorLineAdjudication[] = [];
  let unseenCents = 0;
  own.lines.forEach((l, i) => {
    const hit = medicareLines.get(lineKey(l))?.shift();
    if (hit !== undefined) lines.push(...medicare.lines.filter((x) => x.line === hit).map((x) => ({ ...x, line: i + 1 })));
    else unseenCents += l.chargeCents;
  });
  const notes: string[] = [];
  const leftOver = [...medicareLines.values()].flat();
  if (leftOver.length) notes.push(`${medicare.payer} line(s) ${leftOver.join(', ')} of claim ${mc.id} have no like line on the ${coverage.payer} claim; their adjudication is not carried`);
  const restated: PriorAdjustment[] = unseenCents > 0 ? [{ group: denial.group, reason: denial.reason, cents: unseenCents, quantity: null }] : [];
  const paid = lines.reduce((s, l) => s + l.paidCents, 0);
  if (paid !== medicare.paidCents) notes.push(`${medicare.payer} paid ${medicare.paidCents} cents on claim ${mc.id}, ${paid} of them on lines this claim carries; AMT*D says ${paid}`);
  const adjudication: PriorPayerAdjudication = {
    ...medicare,
    paidCents: paid,
    adjustments: restated,
    remainingPatientCents: prOf(restated) + lines.reduce((s, l) => s + l.remainingPatientCents, 0),
    lines,
  };
  const claim: Claim = {
    ...own,
    id: input.newClaimId ?? secondaryClaimId(mc, coverage.priority),
    coveragePriority: coverage.priority,
    status: 'draft',
    primaryClaim: mc.id,
    priorPayers: [...(mc.priorPayers ?? []), adjudication],
  };
  const problems = secondaryBalanceProblems(claim);
  if (problems.length > 0) return { kind: 'none', reason: `the own-code secondary does not balance (R-CO-2): ${problems.join('; ')}` };
  return { kind: 'draft', claim, findings: built.findings.filter((f) => f.patient === mc.patient), notes };
}
