// `remit.receive`: one received file (TA1, 999, 277CA, 835) read, checked and applied in one
// transaction (docs/remittances.md "For the store"). A file that cannot be read or whose 835 does
// not balance (R-RA-3) applies nothing and is logged as refused with the segment and position; the
// same bytes (or the same remittance re-enveloped) again are logged as a duplicate (R-RA-4).
import type { Db } from '../../db/repos/sql.ts';
import {
  appliedFileWithHash, insertClaimEvents, insertReceivedFile, insertReceivedRemittance, remittanceHashes, type ClaimEventRow, type ReceivedStatus,
} from '../../db/repos/received.ts';
import {
  insertPostings, insertProviderPosting, insertUnderpaid, insertUnmatched, listUnmatched, postingsFor,
} from '../../db/repos/postings.ts';
import { claimOrder, claimsOfInterchange, claimsOfTransaction, postingClaims, setReceivedState, statusesOf } from '../../db/repos/claimStates.ts';
import { listPayers } from '../../db/repos/payers.ts';
import { claimsBillingKeysOf, setKeysLive } from '../../db/repos/claimKeys.ts';
import { getOrganization } from '../../db/repos/organization.ts';
import { balanceProblems } from '../receive/balance835.ts';
import { eventOfTa1, eventsOf277, eventsOf999 } from '../receive/claimEvents.ts';
import { nextClaimState, type ClaimEvent } from '../receive/claimState.ts';
import { postRemittance } from '../receive/postRemittance.ts';
import { lineRejections } from '../receive/lineRejections.ts';
import { insertLineRejection } from '../../db/repos/lineRejections.ts';
import { followUpRemittance } from './secondaries.ts';
import { fileIdentity, readReceived, remittanceKey, type ReceivedDocument, type ReceivedFile } from '../receive/readReceived.ts';
import { X12ReadError } from '../receive/readError.ts';
import type { Remittance } from '../domain/remittance.ts';
import type { ClaimPosting, StoredClaim, Unmatched } from '../domain/postings.ts';
import type { ExpectedPayment } from '../receive/storedClaim.ts';
import { expectedPaymentCents } from '../claims/rules/expectedPayment.ts';
import type { ClaimLifeStatus, ReceiveResult, ReceivedKind } from '../domain/receivables.ts';
import type { Payer } from '../domain/types.ts';

export interface ReceiveInput {
  fileName: string;
  bytes: Uint8Array;
  now: string;
  by: string;
}

/** A refusal found while applying: rolls the file's transaction back. */
class Refusal extends Error {
  constructor(message: string, readonly segment: { id: string; position: number }) {
    super(message);
  }
}

/** The main kind of a file for the log: a 999 or 277CA beside a TA1 names the file. */
function mainKind(kinds: readonly ReceivedKind[]): ReceivedKind | null {
  return kinds.find((k) => k !== 'TA1') ?? kinds[0] ?? null;
}

/**
 * R-RA-1: our payer for a remittance, from TRN03, N1*PR N104, REF*2U or the interchange sender
 * matched against each payer's electronic id (or our id), else the payer's name as printed.
 */
export function resolvePayer(r: Remittance, sender: string, payers: readonly Payer[]): string | null {
  const ids = [r.traceOriginator, r.payer.id, ...r.payer.refs.filter((x) => x.qualifier === '2U').map((x) => x.value), sender]
    .filter((x): x is string => !!x)
    .map((x) => x.trim().toUpperCase());
  const byId = payers.find((p) => ids.includes((p.payerId ?? '').trim().toUpperCase()) || ids.includes(p.id.toUpperCase()));
  if (byId) return byId.id;
  const name = r.payer.name.trim().toUpperCase();
  return payers.find((p) => p.name.trim().toUpperCase() === name)?.id ?? null;
}

/** R-RA-5 for the payers of this office: each line priced by its payer's fees (claims/rules/expectedPayment.ts). */
export function expectedPayments(payers: readonly Payer[]): ExpectedPayment {
  const byId = new Map(payers.map((p) => [p.id, p]));
  return (payer, line) => {
    const p = byId.get(payer);
    return p ? expectedPaymentCents(p, line) : null;
  };
}

interface ApplyContext {
  fileId: number;
  now: string;
  moved: Map<string, ClaimLifeStatus>;
}

/**
 * R-AK-1 / R-CL-8: a rejected original never reached the payer, so it closes no dates: its source
 * keys are released and the next build of its dates makes new originals (frequency 1). A rejected
 * replacement or void keeps its keys: the payer still holds the original it corrects.
 */
function releaseRejected(db: Db, claimId: string, frequency: string): void {
  if (frequency === '1') setKeysLive(db, claimId, false);
}

/**
 * R-AK-1 for each claim named: the states are read once per document, not once per claim (or
 * given, when the caller has just read them). Returns the claim ids that are not ours.
 */
function applyEvents(
  db: Db, events: readonly { claimId: string; event: ClaimEvent }[], ctx: ApplyContext,
  rows: ReturnType<typeof statusesOf> = statusesOf(db, [...new Set(events.map((e) => e.claimId))]),
): string[] {
  const states = new Map([...rows].map(([id, s]) => [id, s.status]));
  const unknown: string[] = [];
  const stored: ClaimEventRow[] = [];
  for (const { claimId, event } of events) {
    const current = states.get(claimId);
    if (current === undefined) {
      unknown.push(claimId);
      continue;
    }
    const t = nextClaimState(current, event);
    stored.push({ claimId, fileId: ctx.fileId, kind: event.kind, from: current, to: t.status, reason: t.reason, at: ctx.now });
    if (t.changed || t.payerClaimNumber) setReceivedState(db, claimId, t.status, { reason: t.reason, at: ctx.now, payerClaimNumber: t.payerClaimNumber });
    if (t.changed && t.status === 'rejected') releaseRejected(db, claimId, rows.get(claimId)!.frequency);
    states.set(claimId, t.status);
    ctx.moved.set(claimId, t.status);
  }
  insertClaimEvents(db, stored);
  return unknown;
}

/** R-AK-1 for a TA1, 999 or 277CA: the claims it answers for move. */
function applyAck(db: Db, doc: ReceivedDocument, ctx: ApplyContext): void {
  if (doc.kind === 'TA1') {
    const { interchange, event } = eventOfTa1(doc.ta1);
    applyEvents(db, claimsOfInterchange(db, Number(interchange)).map((claimId) => ({ claimId, event })), ctx);
  } else if (doc.kind === '999') {
    applyEvents(db, eventsOf999(doc.ack).flatMap((e) => claimsOfTransaction(db, Number(e.groupControl), e.transactionSet).map((claimId) => ({ claimId, event: e.event }))), ctx);
  } else if (doc.kind === '277CA') {
    // a 277CA about a claim we never sent is kept for a person, not dropped (R-RA-1's rule for acks too)
    const unknown = new Set(applyEvents(db, eventsOf277(doc.ack), ctx));
    // R-AK-1 at the line: a rejected 2220D line keeps its reason on our line
    for (const c of doc.ack.claims.filter((x) => !unknown.has(x.claimId))) {
      for (const r of lineRejections(c)) insertLineRejection(db, r, { fileId: ctx.fileId, at: ctx.now });
    }
    for (const c of doc.ack.claims.filter((x) => unknown.has(x.claimId))) {
      const reason = `the 277CA (${doc.ack.reference}) reports on claim ${c.claimId} (2200D at segment ${c.position}), which is not a claim we sent`;
      insertUnmatched(db, { kind: 'claim', position: c.position, claimId: c.claimId, reason, cents: 0 }, { fileId: ctx.fileId, payer: null, traceNumber: doc.ack.reference });
    }
  }
}

/** R-RA-1..5: one 835 posted; false when the same remittance was applied before. */
function applyRemittance(
  db: Db, r: Remittance, doc: { contentSha256: string }, file: ReceivedFile,
  ctx: ApplyContext & { payers: Payer[]; payeeIds: string[]; expected: ExpectedPayment; newId: () => string },
): boolean {
  const key = remittanceKey(r);
  const hashes = remittanceHashes(db, key);
  if (hashes.includes(doc.contentSha256)) return false;
  const problems = balanceProblems(r);
  if (problems.length) throw new Refusal(`the remittance does not balance (R-RA-3): ${problems.map((p) => p.message).join('; ')}`, { id: problems[0]!.segmentId, position: problems[0]!.position });
  const payer = resolvePayer(r, file.sender, ctx.payers);
  insertReceivedRemittance(db, { fileId: ctx.fileId, position: r.position, key, contentSha256: doc.contentSha256, payer, traceNumber: r.traceNumber, paymentCents: r.paymentCents, paymentDate: r.paymentDate });
  if (hashes.length > 0) {
    // R-RA-4: same payer, trace and payment but other content: a person decides, nothing posts
    const reason = `a remittance with trace ${r.traceNumber} from this payer was received before with other content; held for a person to compare`;
    insertUnmatched(db, { kind: 'remittance', position: r.position, claimId: null, reason, cents: r.paymentCents }, { fileId: ctx.fileId, payer, traceNumber: r.traceNumber });
    return true;
  }
  const ids = [...new Set(r.claims.map((c) => c.claimId))];
  const claims = postingClaims(db, ids, ctx.expected);
  const previous = postingsFor(db, ids);
  const result = postRemittance({ remittance: r, payer, payeeIds: ctx.payeeIds, claims, previous, now: ctx.now, newId: ctx.newId });
  insertPostings(db, result.claims, ctx.fileId);
  for (const p of result.provider) insertProviderPosting(db, p, ctx.fileId);
  for (const u of result.unmatched) insertUnmatched(db, u, { fileId: ctx.fileId, payer, traceNumber: r.traceNumber });
  for (const u of result.underpaid) {
    const posting = result.claims.find((p) => p.claimId === u.claimId && p.kind === 'payment');
    if (posting) insertUnderpaid(db, posting.id, u);
  }
  // statuses as they stood before this remittance: read from the claims loaded for posting
  for (const u of paidAfterRejection(db, claims, result.claims)) insertUnmatched(db, u, { fileId: ctx.fileId, payer, traceNumber: r.traceNumber });
  const known = new Map(claims.map((c) => [c.id, { status: c.status, frequency: c.frequency }]));
  applyEvents(db, result.claims.map((p) => ({ claimId: p.claimId, event: { kind: '835' as const, posting: p } })), ctx, known);
  // R-CO-1 / issue 13 item 6: the next payer's claim drafted, or the followers of a reversal held or voided
  followUpRemittance(db, r, result.claims, ctx.now);
  return true;
}

/**
 * R-AK-1 with R-CL-8: a rejected original gave up its dates and a later build billed them again;
 * if the payer pays the rejected claim after all, the same services could be paid twice. The payment
 * posts (the money came), and a person is asked to settle it: nothing here is decided for them.
 */
function paidAfterRejection(db: Db, before: readonly StoredClaim[], postings: readonly ClaimPosting[]): Unmatched[] {
  const rejected = new Set(before.filter((c) => c.status === 'rejected').map((c) => c.id));
  const out: Unmatched[] = [];
  for (const p of postings) {
    if (p.kind !== 'payment' || !rejected.has(p.claimId)) continue;
    const again = claimsBillingKeysOf(db, p.claimId);
    if (again.length === 0) continue;
    const reason = `claim ${p.claimId} (CLP at segment ${p.position}) was rejected, but the payer paid it; its services were billed again on claim ${again.join(', ')}: void that claim if it is not paid yet, or ask the payer to take one payment back, so the services are not paid twice`;
    out.push({ kind: 'claim', position: p.position, claimId: p.claimId, reason, cents: 0 });
  }
  return out;
}

/** A new id for each posting: the file id, the document and a counter keep them unique and readable. */
function idSource(fileId: number): () => string {
  let n = 0;
  return () => `R${fileId}-${++n}`;
}

function payeeIds(db: Db): string[] {
  const o = getOrganization(db);
  return o ? [o.npi, o.taxId] : [];
}

/** Reads and applies one received file; always logs it (applied, duplicate or refused). */
export function receiveFile(db: Db, input: ReceiveInput): ReceiveResult {
  const sha256 = fileIdentity(input.bytes);
  const log = (status: ReceivedStatus, kinds: readonly ReceivedKind[], message: string | null) =>
    insertReceivedFile(db, { fileName: input.fileName, bytes: input.bytes, sha256, kinds, receivedAt: input.now, receivedBy: input.by, status, message });
  const base = { file: input.fileName, claims: [] as ReceiveResult['claims'], unmatched: [] as ReceiveResult['unmatched'] };
  let file: ReceivedFile;
  try {
    file = readReceived(input.bytes, sha256);
  } catch (e) {
    if (!(e instanceof X12ReadError)) throw e;
    const fileId = db.transaction(() => log('refused', [], e.message)).immediate();
    return { ...base, kind: null, kinds: [], status: 'refused', message: e.message, segment: { id: e.segmentId, position: e.position }, fileId };
  }
  const kind = mainKind(file.kinds);
  const earlier = appliedFileWithHash(db, sha256);
  if (earlier !== null) {
    const message = `this file was received before (received file ${earlier}); nothing was applied again`;
    const fileId = db.transaction(() => log('duplicate', file.kinds, message)).immediate();
    return { ...base, kind, kinds: file.kinds, status: 'duplicate', message, fileId };
  }
  try {
    return db.transaction((): ReceiveResult => {
      const fileId = log('applied', file.kinds, null);
      const moved = new Map<string, ClaimLifeStatus>();
      const payers = listPayers(db);
      const ctx = { fileId, now: input.now, moved, payers, payeeIds: payeeIds(db), expected: expectedPayments(payers), newId: idSource(fileId) };
      let applied = 0;
      let remittances = 0;
      for (const doc of file.documents) {
        if (doc.kind === '835') {
          remittances++;
          if (applyRemittance(db, doc.remittance, doc, file, ctx)) applied++;
        } else {
          applyAck(db, doc, ctx);
          applied++;
        }
      }
      if (applied === 0 && remittances > 0) throw new DuplicateContent();
      // the statuses are those just stored: only the order is read back
      const claims = claimOrder(db, [...moved.keys()]).map((id) => ({ id, status: moved.get(id)! }));
      return { ...base, kind, kinds: file.kinds, status: 'applied', fileId, claims, unmatched: listUnmatched(db, { fileId }) };
    }).immediate();
  } catch (e) {
    if (e instanceof DuplicateContent) {
      const message = 'every remittance in this file was received before (same payer, trace number and content); nothing was applied again';
      const fileId = db.transaction(() => log('duplicate', file.kinds, message)).immediate();
      return { ...base, kind, kinds: file.kinds, status: 'duplicate', message, fileId };
    }
    if (!(e instanceof Refusal)) throw e;
    const fileId = db.transaction(() => log('refused', file.kinds, e.message)).immediate();
    return { ...base, kind, kinds: file.kinds, status: 'refused', message: e.message, segment: e.segment, fileId };
  }
}

/** R-RA-4: a file whose every 835 was applied before (re-enveloped by a clearinghouse). */
class DuplicateContent extends Error {}
