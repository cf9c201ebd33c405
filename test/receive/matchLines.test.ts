// R-RA-1 line matching on its own: REF*6R first, then the procedure as billed (SVC06 over SVC01),
// modifiers as a set, dates and units (SVC07 over SVC05).
import { describe, expect, it } from 'vitest';
import { matchLines } from '../../electron/receive/matchLines.ts';
import type { StoredClaim } from '../../electron/domain/postings.ts';
import type { RemitLine } from '../../electron/domain/remittance.ts';

const CLAIM: StoredClaim = {
  id: 'C1', payer: 'p', frequency: '1', status: 'accepted', payerClaimNumber: null, chargeCents: 5950,
  lines: [
    { line: 1, code: 'J0696', modifiers: [], from: '2026-10-01', to: '2026-10-01', units: 6, chargeCents: 2550, expectedCents: null },
    { line: 2, code: 'J0696', modifiers: ['JW'], from: '2026-10-01', to: '2026-10-01', units: 2, chargeCents: 850, expectedCents: null },
    { line: 3, code: 'S9500', modifiers: ['SH', '59'], from: '2026-10-01', to: '2026-10-01', units: 1, chargeCents: 2550, expectedCents: null },
  ],
};

function svc(position: number, over: Partial<RemitLine>): RemitLine {
  return {
    position, procedure: { qualifier: 'HC', code: 'J0696', modifiers: [] }, submitted: null, chargeCents: 0, paidCents: 0, revenueCode: null,
    unitsPaid: null, unitsSubmitted: null, from: '2026-10-01', to: '2026-10-01', lineControlNumber: null, adjustments: [], remarks: [], amounts: [], ...over,
  };
}

const lines = (r: ReturnType<typeof matchLines>) => r.matched.map((m) => [m.stored.line, m.remit.map((x) => x.position)]);

describe('R-RA-1 matchLines', () => {
  it('R-RA-1: REF*6R decides, whatever the code says; several SVC with one 6R are one split line', () => {
    const r = matchLines(CLAIM, [
      svc(10, { lineControlNumber: 'C1-2', procedure: { qualifier: 'N4', code: '00409733201', modifiers: [] } }),
      svc(11, { lineControlNumber: 'C1-1', unitsPaid: 4 }),
      svc(12, { lineControlNumber: 'C1-1', unitsPaid: 2 }),
    ]);
    expect(lines(r)).toEqual([[1, [11, 12]], [2, [10]]]);
    expect(r.unmatched).toEqual([]);
  });

  it('R-DR-8 paper: a line printed with KP matches the modifiers as printed or as the 837P sent them ("Submitting a paper claim: … Enter modifier KP" [AW6])', () => {
    const paper: StoredClaim = { ...CLAIM, lines: [{ ...CLAIM.lines[0]!, paperModifiers: ['KP'] }, { ...CLAIM.lines[1]!, paperModifiers: ['KP'] }] };
    const printed = matchLines(paper, [svc(30, { procedure: { qualifier: 'HC', code: 'J0696', modifiers: ['JW', 'KP'] }, unitsPaid: 2 }), svc(31, { procedure: { qualifier: 'HC', code: 'J0696', modifiers: ['KP'] }, unitsPaid: 6 })]);
    expect([lines(printed), printed.unmatched]).toEqual([[[1, [31]], [2, [30]]], []]);
    expect(lines(matchLines(paper, [svc(32, { unitsPaid: 6 })]))).toEqual([[1, [32]]]);
    // KP on a line that was not printed with it matches nothing
    expect(matchLines(CLAIM, [svc(33, { procedure: { qualifier: 'HC', code: 'J0696', modifiers: ['KP'] }, unitsPaid: 6 })]).unmatched).toHaveLength(1);
  });

  it('R-RA-1: without 6R, the drug line and its JW line stay apart by modifier, and units decide', () => {
    const r = matchLines(CLAIM, [svc(20, { procedure: { qualifier: 'HC', code: 'J0696', modifiers: ['JW'] }, unitsPaid: 2 }), svc(21, { unitsPaid: 6 })]);
    expect(lines(r)).toEqual([[1, [21]], [2, [20]]]);
  });

  it('R-RA-1: SVC06 (as billed) wins over SVC01 (as adjudicated), and SVC07 over SVC05', () => {
    const r = matchLines(CLAIM, [svc(30, {
      procedure: { qualifier: 'N4', code: '00409733201', modifiers: [] }, submitted: { qualifier: 'HC', code: 'J0696', modifiers: [] }, unitsPaid: 4, unitsSubmitted: 6,
    })]);
    expect(lines(r)).toEqual([[1, [30]]]);
  });

  it('R-RA-1: modifiers compare as a set', () => {
    const r = matchLines(CLAIM, [svc(40, { procedure: { qualifier: 'HC', code: 'S9500', modifiers: ['59', 'SH'] }, unitsPaid: 1 })]);
    expect(lines(r)).toEqual([[3, [40]]]);
  });

  it('R-RA-1: an NDC-adjudicated line without 6R or SVC06, another date, or other units, matches nothing', () => {
    const r = matchLines(CLAIM, [
      svc(50, { procedure: { qualifier: 'N4', code: '00409733201', modifiers: [] }, unitsPaid: 6 }),
      svc(51, { from: '2026-10-02', to: '2026-10-02', unitsPaid: 6 }),
      svc(52, { unitsPaid: 5 }),
    ]);
    expect(r.matched).toEqual([]);
    expect(r.unmatched.map((u) => u.reason)).toEqual([
      'line 00409733201 (SVC at segment 50) matches no billed line of claim C1 by code, modifiers, dates and units',
      'line J0696 (SVC at segment 51) matches no billed line of claim C1 by code, modifiers, dates and units',
      'line J0696 (SVC at segment 52) matches no billed line of claim C1 by code, modifiers, dates and units',
    ]);
  });
});
