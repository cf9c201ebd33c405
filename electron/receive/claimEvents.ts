// Turns read acknowledgments into R-AK-1 claim events. A 277CA names each claim (TRN02); a 999
// and a TA1 answer for a whole transaction set or interchange, so the caller, who knows which
// claims it sent in which ST (AK202 = our ST02) and ISA (TA101 = our ISA13), applies the event to
// each of them.
import type { ClaimEvent } from './claimState.ts';
import type { Ack277 } from './read277ca.ts';
import type { Ack999, SetAck } from './read999.ts';
import type { Ta1 } from './readTa1.ts';

export function eventsOf277(ack: Ack277): { claimId: string; event: ClaimEvent }[] {
  return ack.claims.flatMap((c) => c.statuses.map((status) => ({ claimId: c.claimId, event: { kind: '277CA' as const, status, source: c.source, payerClaimNumber: c.payerClaimNumber } })));
}

/**
 * One event per transaction set we sent in that group (AK1 = our GS06). An AK9 that rejects the
 * whole group (R, M, W, X) rejects every set in it, even one its AK2 list leaves out.
 */
export function eventsOf999(ack: Ack999): { groupControl: string; transactionSet: string; event: ClaimEvent }[] {
  const groupRejected = !['A', 'E', 'P'].includes(ack.result);
  return ack.sets.map((s: SetAck) => ({
    groupControl: ack.groupControl,
    transactionSet: s.control,
    event: {
      kind: '999',
      result: groupRejected && (s.result === 'A' || s.result === 'E') ? 'R' : s.result,
      resultWords: groupRejected && (s.result === 'A' || s.result === 'E') ? `rejected with its whole group (AK9 ${ack.result})` : s.resultWords,
      transactionSet: s.control,
      errors: s.errors,
    },
  }));
}

export function eventOfTa1(ta1: Ta1): { interchange: string; event: ClaimEvent } {
  return { interchange: ta1.interchangeControl, event: { kind: 'TA1', result: ta1.result, note: ta1.note, noteWords: ta1.noteWords } };
}
