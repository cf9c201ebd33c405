// R-AK-1 claim states driven by what comes back (acks.md §2, 835.md §4):
//   exported ─999 R / TA1 R / 277CA A3 A6 A7 A8─► rejected
//   exported ─277CA A2 (or A5) from the payer─► accepted (keeps REF*1K)
//   any sent state ─835─► paid | denied | reversed
// Acknowledgments only move a claim forward, except that a rejection from any later stage wins
// over an earlier acceptance; once a payer has adjudicated (an 835) acknowledgments change
// nothing. Every transition carries its reason in plain words.
import type { SegmentError, SetResult } from './read999.ts';
import type { Source, Stc } from './read277ca.ts';
import type { ClaimPosting, StoredClaimStatus } from '../domain/postings.ts';

export type ClaimEvent =
  | { kind: 'TA1'; result: 'A' | 'E' | 'R'; note: string; noteWords: string }
  | { kind: '999'; result: SetResult; resultWords: string; transactionSet: string; errors: readonly SegmentError[] }
  | { kind: '277CA'; status: Stc; source: Source; payerClaimNumber: string | null }
  | { kind: '835'; posting: ClaimPosting };

export interface Transition {
  status: StoredClaimStatus;
  changed: boolean;
  reason: string;
  /** set when the event gives the payer's claim number (277CA REF*1K, 835 CLP07) */
  payerClaimNumber: string | null;
}

const ADJUDICATED: readonly StoredClaimStatus[] = ['paid', 'denied', 'reversed'];
const REJECTING_CATEGORIES = ['A3', 'A6', 'A7', 'A8'];

function move(current: StoredClaimStatus, to: StoredClaimStatus, reason: string, payerClaimNumber: string | null = null): Transition {
  return { status: to, changed: to !== current, reason, payerClaimNumber };
}

/** R-AK-1: an STC rejects (STC03 = U, or category A3, A6, A7, A8): of a claim, or of a line in 2220D. */
export function stcRejects(stc: Stc): boolean {
  return stc.action === 'U' || stc.codes.some((c) => REJECTING_CATEGORIES.includes(c.category));
}

/** Acknowledgments apply to a claim that is sent and not yet adjudicated. */
function ackApplies(current: StoredClaimStatus): boolean {
  return current === 'exported' || current === 'accepted' || current === 'rejected';
}

function who(source: Source): string {
  const kind = source.entity === 'PR' ? 'the payer' : source.entity === 'AY' ? 'the clearinghouse' : `entity ${source.entity}`;
  return source.name ? `${kind} (${source.name})` : kind;
}

/** "CLM07 (segment 19 of the transaction set): invalid code value 'Z'" for each IK3/IK4. */
export function errorsInWords(errors: readonly SegmentError[]): string {
  return errors.map((e) => {
    const claim = e.context.find((c) => c.name === 'CLM01');
    const at = `${e.segmentId} at segment ${e.segmentPosition} of the transaction set${claim ? ` (claim ${claim.value})` : ''}`;
    if (e.elements.length === 0) return `${at}: ${e.words}`;
    return e.elements.map((x) => `${e.segmentId}${String(x.element).padStart(2, '0')}${x.component ? '-' + x.component : ''} in ${at}: ${x.words}${x.badValue ? ` ('${x.badValue}')` : ''}`).join('; ');
  }).join('; ');
}

/**
 * R-RA-2: denied in full when CLP02 = 4, or nothing paid and every adjustment CO or PI. An OA
 * zero-pay (OA-23 on a secondary: the primary paid it all) or a PR one (deductible) is no denial.
 */
export function deniedInFull(p: ClaimPosting): boolean {
  if (p.statusCode === '4') return true;
  const all = [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)];
  return p.paidCents === 0 && p.lines.every((l) => l.paidCents === 0) && all.length > 0 && all.every((a) => a.group === 'CO' || a.group === 'PI');
}

function from835(current: StoredClaimStatus, p: ClaimPosting): Transition {
  const number = p.kind === 'reversal' ? null : p.payerClaimNumber;
  if (p.kind === 'reversal') return move(current, 'reversed', `the payer reversed its payment (claim ${p.payerClaimNumber ?? ''}, remittance ${p.remittance.traceNumber}); a corrected adjudication may follow`, number);
  if (p.statusCode === '23') return move(current, 'denied', `the payer says it is not responsible and forwarded the claim to another payer (remittance ${p.remittance.traceNumber}): review the coverage order`, number);
  if (deniedInFull(p)) return move(current, 'denied', `denied in full by the payer (remittance ${p.remittance.traceNumber}): see the adjustment reasons`, number);
  return move(current, 'paid', `adjudicated by the payer (remittance ${p.remittance.traceNumber}, paid ${p.paidCents} cents)`, number);
}

/** R-AK-1: where a claim goes on one event, and why. */
export function nextClaimState(current: StoredClaimStatus, event: ClaimEvent): Transition {
  if (event.kind === '835') return from835(current, event.posting);
  if (!ackApplies(current)) return move(current, current, `${event.kind} ignored: the claim is ${current} already`);
  if (event.kind === 'TA1') {
    if (event.result === 'R') return move(current, 'rejected', `the clearinghouse could not read the file (TA1 note ${event.note}: ${event.noteWords}); fix the envelope and send the claim again as a new original`);
    return move(current, current, `the file's envelope was received (TA1 ${event.result})`);
  }
  if (event.kind === '999') {
    const detail = event.errors.length ? `: ${errorsInWords(event.errors)}` : '';
    if (event.result === 'A' || event.result === 'E') {
      return move(current, current, `the file's syntax was accepted (999 ${event.result}, transaction set ${event.transactionSet})${detail}; waiting for the payer's 277CA`);
    }
    return move(current, 'rejected', `the transaction set ${event.transactionSet} was ${event.resultWords} (999 ${event.result})${detail}; every claim in it must be sent again as a new original`);
  }
  const stc = event.status;
  const codes = stc.codes.map((c) => c.words).join('; ');
  const text = stc.text ? ` (${stc.text})` : '';
  if (stcRejects(stc)) {
    return move(current, 'rejected', `rejected by ${who(event.source)}: ${codes}${text}; fix it and send it again as a new original (frequency 1)`);
  }
  if (current === 'rejected') return move(current, current, `${who(event.source)} reported ${codes}, but a rejection already stands`);
  const accepted = stc.codes.some((c) => c.category === 'A2' || c.category === 'A5');
  if (accepted && event.source.entity === 'PR') {
    return move(current, 'accepted', `accepted for adjudication by ${who(event.source)}: ${codes}${text}`, event.payerClaimNumber);
  }
  return move(current, current, `${who(event.source)} reported ${codes}${text}`);
}
