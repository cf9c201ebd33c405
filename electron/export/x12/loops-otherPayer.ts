// R-CO-1: a secondary or tertiary claim's earlier payers (cob.md §2–§5): per payer a 2320 (its
// SBR, claim-level CAS, AMT*D, AMT*EAF when it answered at claim level only, OI), 2330A (the
// subscriber as that payer knows them) and 2330B (that payer, DTP*573, REF*F8); per line a 2430
// (SVD, CAS, DTP*573, AMT*EAF). Copied from the posted 835; R-CO-2 balance is checked here so a
// secondary that does not balance never leaves the writer.
import type { Claim } from '../../domain/claims.ts';
import type { PriorAdjustment, PriorPayerAdjudication } from '../../domain/priorPayers.ts';
import { secondaryBalanceProblems } from '../../cob/balance.ts';
import type { ClaimContext } from './loops-claim.ts';
import type { Problems } from './context.ts';
import { d8, decimal, money } from './format.ts';
import { LEN } from './limits.ts';
import { filingIndicator, PAT01, personName, RESPONSIBILITY } from './loops-subscriber.ts';
import { seg, type Segment } from './segment.ts';

/** 2320/2430 CAS: one segment per group, six reasons a segment, five segments at most (pyx12 map). */
const CAS_REASONS = 6;
const CAS_SEGMENTS = 5;
/** MOA03–07: five remark codes (MOA01/02 and 08/09 are for Medicare outpatient amounts we never receive). */
const MOA_REMARKS = 5;
/** 2320 repeats 10 times per claim. */
const MAX_OTHER_PAYERS = 10;

function cas(adjustments: readonly PriorAdjustment[], field: string, p: Problems): Segment[] {
  const out: Segment[] = [];
  for (const group of [...new Set(adjustments.map((a) => a.group))]) {
    const items = adjustments.filter((a) => a.group === group);
    for (let i = 0; i < items.length; i += CAS_REASONS) {
      out.push(seg('CAS', group, ...items.slice(i, i + CAS_REASONS).flatMap((a) => [a.reason, money(a.cents), a.quantity === null ? '' : decimal(a.quantity)])));
    }
  }
  if (out.length > CAS_SEGMENTS) p.add(field, `needs ${out.length} CAS segments; an 837P holds ${CAS_SEGMENTS}`);
  return out;
}

function date573(iso: string, field: string, p: Problems): Segment {
  try {
    return seg('DTP', '573', 'D8', d8(iso));
  } catch {
    p.add(`${field}.adjudicatedOn`, `'${iso}' is not a real date`);
    return seg('DTP', '573', 'D8', '');
  }
}

/** The earlier payers of a claim, checked against the records once per claim. */
export interface OtherPayer {
  prior: PriorPayerAdjudication;
  field: string;
  payerId: string;
  segments: Segment[];
}

function otherPayer(claim: Claim, prior: PriorPayerAdjudication, k: number, { lookup, p }: ClaimContext): OtherPayer {
  const field = `claims[${claim.id}].priorPayers[${k}]`;
  const payer = lookup.payers.get(prior.payer);
  const patient = lookup.patients.get(claim.patient);
  const coverage = patient?.coverages.find((c) => c.payer === prior.payer && c.priority === prior.priority);
  if (!payer) p.add(`${field}.payer`, `'${prior.payer}' is not a known payer`);
  if (patient && !coverage) p.add(`${field}.payer`, `patient ${patient.id} has no coverage with ${prior.payer} at priority ${prior.priority}`);
  const sbr01 = RESPONSIBILITY[prior.priority];
  if (!sbr01) p.add(`${field}.priority`, `${prior.priority} is not 1, 2 or 3`);
  if (prior.priority >= claim.coveragePriority) p.add(`${field}.priority`, `${prior.priority} is not before the claim's own priority ${claim.coveragePriority}`);
  const rel = coverage?.relationship ?? 'self';
  const sbr02 = rel === 'self' ? '18' : PAT01[rel];
  const group = coverage?.groupNumber ? p.id(coverage.groupNumber, LEN.reference, `${field}.groupNumber`) : '';
  const out: Segment[] = [seg('SBR', sbr01 ?? 'U', sbr02, group, '', '', '', '', '', payer ? filingIndicator(payer) : 'ZZ')];
  out.push(...cas(prior.adjustments, `${field}.adjustments`, p));
  out.push(seg('AMT', 'D', money(prior.paidCents)));
  // EAF at claim level only when no line carries it (never both: cob.md §3)
  if (prior.lines.length === 0) out.push(seg('AMT', 'EAF', money(prior.remainingPatientCents)));
  out.push(seg('OI', '', '', 'Y', 'P', '', 'Y'));
  // MOA after OI (pyx12 map pos 3200): that payer's claim-level remarks, copied (cob.md §3). An 835
  // MOA holds five; only a claim split across two 835s with different remarks has more, and the
  // remittance page still shows them all, so the sixth on is left out rather than the claim held.
  const remarks = prior.remarks.slice(0, MOA_REMARKS).map((r, i) => p.id(r, LEN.reference, `${field}.remarks[${i}]`));
  if (remarks.length) out.push(seg('MOA', '', '', ...remarks));
  // 2330A: the subscriber as that payer knows them
  const who = rel === 'self' ? patient : (coverage?.subscriber ?? null);
  if (!who) p.add(`${field}.subscriber`, 'is missing: the other subscriber (2330A) needs a name');
  const memberId = p.id(coverage?.memberId, LEN.idCode, `${field}.memberId`, 2);
  out.push(seg('NM1', 'IL', '1', ...(who ? personName(who, `${field}.subscriber`, p) : ['?']), '', '', 'MI', memberId));
  // 2330B: the payer ID we billed it under, which every SVD01 repeats
  const payerId = p.id(payer?.payerId, LEN.idCode, `payers[${prior.payer}].payerId`, 2);
  out.push(seg('NM1', 'PR', '2', p.text(payer?.name ?? prior.payer, LEN.lastOrOrg, `payers[${prior.payer}].name`), '', '', '', '', 'PI', payerId));
  out.push(date573(prior.adjudicatedOn, field, p));
  if (prior.payerClaimNumber) out.push(seg('REF', 'F8', p.id(prior.payerClaimNumber, LEN.reference, `${field}.payerClaimNumber`)));
  return { prior, field, payerId, segments: out };
}

/** Loops 2320–2330B of every earlier payer, and the problems that keep the claim out (R-CO-2). */
export function otherPayers(claim: Claim, ctx: ClaimContext): OtherPayer[] {
  const priors = claim.priorPayers ?? [];
  if (priors.length === 0) return [];
  if (priors.length > MAX_OTHER_PAYERS) ctx.p.add(`claims[${claim.id}].priorPayers`, `has ${priors.length} payers; an 837P holds ${MAX_OTHER_PAYERS}`);
  for (const problem of secondaryBalanceProblems(claim)) ctx.p.add(`claims[${claim.id}].priorPayers`, problem);
  return priors.map((prior, k) => otherPayer(claim, prior, k, ctx));
}

/** 2430 of line `n`: one per earlier payer that adjudicated it (one per piece of a split line), in payer order. */
export function loop2430(others: readonly OtherPayer[], n: number, p: Problems, out: Segment[]): void {
  for (const o of others) {
    for (const l of o.prior.lines.filter((x) => x.line === n)) {
      const field = `${o.field}.lines[${n}]`;
      out.push(
        seg('SVD', o.payerId, money(l.paidCents), ['HC', l.code, ...l.modifiers], '', decimal(l.unitsPaid)),
        ...cas(l.adjustments, `${field}.adjustments`, p),
        date573(o.prior.adjudicatedOn, field, p),
        seg('AMT', 'EAF', money(l.remainingPatientCents)),
      );
    }
  }
}
