// write837: claims + office records → one 837P (005010X222A1) interchange: one ISA/GS/ST, one
// billing provider (2000A), one 2000B per subscriber + payer (at most 100 claims each), the
// dependents' claims under their 2000C. Every count and control number comes from the segments.
import type { Claim } from '../../domain/claims.ts';
import type { Clearinghouse, Organization } from '../../domain/types.ts';
import { Lookup, Problems } from './context.ts';
import { stamp, type Stamp } from './format.ts';
import { X12InputError, type X12BatchInput, type X12Records, type X12WriteResult } from './input.ts';
import { MAX_CLAIMS_PER_SUBSCRIBER } from './limits.ts';
import { loop2300, type ClaimContext } from './loops-claim.ts';
import { envelope, header, loop2000A } from './loops-header.ts';
import { loop2000B, loop2000C, type SubscriberParty } from './loops-subscriber.ts';
import { DELIMITERS, serialize, type Segment } from './segment.ts';

/** The coverage a claim bills: the patient's coverage with the claim's payer and priority. */
function partyOf(claim: Claim, lookup: Lookup, p: Problems): SubscriberParty | null {
  const field = `claims[${claim.id}]`;
  const patient = lookup.patients.get(claim.patient);
  if (!patient) {
    p.add(`${field}.patient`, `'${claim.patient}' is not a known patient`);
    return null;
  }
  const payer = lookup.payers.get(claim.payer);
  if (!payer) {
    p.add(`${field}.payer`, `'${claim.payer}' is not a known payer`);
    return null;
  }
  const index = patient.coverages.findIndex((c) => c.payer === claim.payer && c.priority === claim.coveragePriority);
  const coverage = patient.coverages[index];
  if (!coverage) {
    p.add(`${field}.payer`, `patient ${patient.id} has no coverage with ${payer.id} at priority ${claim.coveragePriority}`);
    return null;
  }
  return { patient, coverage, payer, field: `patients[${patient.id}].coverages[${index}]` };
}

/**
 * Claims of one subscriber with one payer share a 2000B. A patient who is the subscriber gets
 * their own; dependents of the same subscriber (same payer, priority, member id and person)
 * share one, each under a 2000C.
 */
function subscriberKey(party: SubscriberParty): string {
  const { patient, coverage } = party;
  const base = `${coverage.payer}\u0000${coverage.priority}\u0000${coverage.memberId.trim()}`;
  if (coverage.relationship === 'self') return `self\u0000${base}\u0000${patient.id}`;
  const s = coverage.subscriber;
  return `dep\u0000${base}\u0000${s?.lastName ?? ''}\u0000${s?.firstName ?? ''}\u0000${s?.dob ?? ''}`;
}

interface Group {
  party: SubscriberParty;
  dependent: boolean;
  claims: { claim: Claim; party: SubscriberParty }[];
}

function groupClaims(claims: readonly Claim[], lookup: Lookup, p: Problems): Group[] {
  const groups = new Map<string, Group>();
  for (const claim of claims) {
    const party = partyOf(claim, lookup, p);
    if (!party) continue;
    const key = subscriberKey(party);
    let g = groups.get(key);
    if (!g) {
      g = { party, dependent: party.coverage.relationship !== 'self', claims: [] };
      groups.set(key, g);
    }
    g.claims.push({ claim, party });
  }
  return [...groups.values()];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The transaction body from BHT to the last claim; HL numbers assigned in order. */
function body(input: X12BatchInput, org: Organization, lookup: Lookup, p: Problems): { segments: Segment[]; claimIds: string[] } {
  const ctx: ClaimContext = { lookup, org, p };
  const segments: Segment[] = [...loop2000A(org, p)];
  const claimIds: string[] = [];
  let hl = 1;
  const seen = new Set<string>();
  for (const c of input.claims) {
    if (seen.has(c.id)) p.add(`claims[${c.id}]`, 'appears twice in the batch');
    seen.add(c.id);
  }
  for (const group of groupClaims(input.claims, lookup, p)) {
    for (const part of chunks(group.claims, MAX_CLAIMS_PER_SUBSCRIBER)) {
      const subscriberHl = ++hl;
      segments.push(...loop2000B(subscriberHl, group.party, p));
      if (!group.dependent) {
        for (const { claim } of part) {
          segments.push(...loop2300(claim, ctx));
          claimIds.push(claim.id);
        }
        continue;
      }
      // one 2000C per patient, in the order the patients first appear
      const byPatient = new Map<string, typeof part>();
      for (const item of part) {
        const list = byPatient.get(item.party.patient.id) ?? [];
        list.push(item);
        byPatient.set(item.party.patient.id, list);
      }
      for (const list of byPatient.values()) {
        segments.push(...loop2000C(++hl, subscriberHl, list[0]!.party, p));
        for (const { claim } of list) {
          segments.push(...loop2300(claim, ctx));
          claimIds.push(claim.id);
        }
      }
    }
  }
  return { segments, claimIds };
}

/** What the whole file needs before any claim: the organization, the clearinghouse, the clock. */
function prelude(input: Omit<X12BatchInput, 'claims'>, p: Problems): { org: Organization; ch: Clearinghouse; at: Stamp } | null {
  const { organization: org, clearinghouse: ch } = input.records;
  if (!org) p.add('organization', 'is missing (the billing provider of the 837P)');
  if (!ch) p.add('clearinghouse', 'is missing (sender, receiver and submitter ids of the 837P)');
  if (!org || !ch) return null;
  try {
    return { org, ch, at: stamp(input.now) };
  } catch (e) {
    p.add('now', (e as Error).message);
    return null;
  }
}

function reference(input: Omit<X12BatchInput, 'claims'>): string {
  return input.control.reference ?? String(input.control.interchange);
}

/**
 * Problems that keep one claim out of an 837P, checked by writing its loops alone (the same
 * code as the real file, so the check and the writer cannot disagree). Organization and
 * clearinghouse problems are not included: see `batchProblems`. The lookups are built once.
 */
export function claimChecker(records: X12Records): (claim: Claim) => string[] {
  const lookup = new Lookup(records);
  const org = records.organization ?? { name: '', npi: '', taxId: '' };
  return (claim) => {
    const p = new Problems();
    const party = partyOf(claim, lookup, p);
    if (party) {
      loop2000B(2, party, p);
      if (party.coverage.relationship !== 'self') loop2000C(3, 2, party, p);
    }
    loop2300(claim, { lookup, org, p });
    return p.list;
  };
}

export function claimProblems(claim: Claim, records: X12Records): string[] {
  return claimChecker(records)(claim);
}

/** Problems that stop the whole file: organization, clearinghouse, control numbers, clock. */
export function batchProblems(input: Omit<X12BatchInput, 'claims'>): string[] {
  const p = new Problems();
  const pre = prelude(input, p);
  if (pre) {
    envelope(pre.ch, input.control, pre.at, p);
    header(pre.org, pre.ch, reference(input), pre.at, p);
    loop2000A(pre.org, p);
  }
  return p.list;
}

export function write837(input: X12BatchInput): X12WriteResult {
  const p = new Problems();
  const pre = prelude(input, p);
  if (!pre) throw new X12InputError(p.list);
  if (input.claims.length === 0) throw new X12InputError(['claims: there is no claim to write']);
  const { org, ch, at } = pre;
  const env = envelope(ch, input.control, at, p);
  const head = header(org, ch, reference(input), at, p);
  const { segments, claimIds } = body(input, org, new Lookup(input.records), p);
  if (p.list.length > 0) throw new X12InputError(p.list);

  // ST … SE: SE01 is the number of segments from ST to SE, both included. The interchange holds
  // groups of transactions; GE01 counts a group's transactions and IEA01 the groups.
  const transaction = segments;
  transaction.unshift(env.st, ...head);
  const groups = [{ gs: env.gs, transactions: [transaction] }];
  const end = input.lineBreaks === false ? DELIMITERS.segment : `${DELIMITERS.segment}\n`;
  const out: string[] = [env.isa];
  for (const g of groups) {
    out.push(serialize(g.gs));
    for (const t of g.transactions) {
      for (const s of t) out.push(serialize(s));
      out.push(serialize(env.se(t.length + 1)));
    }
    out.push(serialize(env.ge(g.transactions.length)));
  }
  out.push(serialize(env.iea(groups.length)));
  const count = out.length;
  out.push('');
  const text = out.join(end);
  return {
    text,
    segments: count,
    transactionSegments: transaction.length + 1,
    claims: claimIds,
    interchangeControlNumber: env.interchange,
    groupControlNumber: env.group,
    transactionControlNumber: env.transaction,
  };
}
