// R-CO-1 drafting and R-CO-2 balance, on claims the test payer really adjudicated.
import { describe, expect, it } from 'vitest';
import { secondaryBalanceProblems } from '../../electron/cob/balance.ts';
import { draftSecondary } from '../../electron/cob/draftSecondary.ts';
import type { Claim } from '../../electron/domain/claims.ts';
import { X12InputError } from '../../electron/export/x12/input.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { postRemittance } from '../../electron/receive/postRemittance.ts';
import { toStoredClaim } from '../../electron/receive/storedClaim.ts';
import { remittanceOf } from '../receive/flow.ts';
import { respond } from '../support/testPayer.ts';
import { adjudicate, batch, chain, draftAfter, drafted, PATIENT, PRIMARY, PRIMARY_PLAN, RECORDS } from './fixture.ts';

const { primary, secondary, tertiary } = chain();

describe('R-CO-1 next payer', () => {
  it('R-CO-1: after a partial payment with deductible and coinsurance, drafts the secondary to AllWays with the same lines', () => {
    const r = draftAfter(primary);
    expect(r.kind).toBe('draft');
    const s = drafted(r);
    expect(r.kind === 'draft' && r.openCents).toBe(10050); // PR 50.00 + 8.00 + 4.00 + 30.00, denied waste line 8.50
    expect([s.id, s.payer, s.coveragePriority, s.frequency, s.status, s.primaryClaim, s.totalCents, s.priorAuth]).toEqual(['C2610P1001A-2', 'allways', 2, '1', 'draft', 'C2610P1001A', 32400, null]);
    expect(s.lines).toEqual(PRIMARY.lines);
    expect(s.priorPayers).toEqual([{
      payer: 'bcbstx', priority: 1, claimId: 'C2610P1001A', payerClaimNumber: '94001000001', adjudicatedOn: '2026-11-10',
      paidCents: 16800, adjustments: [], remarks: [], remainingPatientCents: 9200,
      lines: [
        { line: 1, paidCents: 3200, code: 'S9500', modifiers: [], unitsPaid: 1, remainingPatientCents: 5800,
          adjustments: [{ group: 'CO', reason: '45', cents: 2000, quantity: null }, { group: 'PR', reason: '1', cents: 5000, quantity: null }, { group: 'PR', reason: '2', cents: 800, quantity: null }] },
        { line: 2, paidCents: 1600, code: 'J0696', modifiers: [], unitsPaid: 6, remainingPatientCents: 400,
          adjustments: [{ group: 'CO', reason: '45', cents: 550, quantity: null }, { group: 'PR', reason: '2', cents: 400, quantity: null }] },
        { line: 3, paidCents: 0, code: 'J0696', modifiers: ['JW'], unitsPaid: 2, remainingPatientCents: 0, adjustments: [{ group: 'CO', reason: '96', cents: 850, quantity: null }] },
        { line: 4, paidCents: 12000, code: '99601', modifiers: [], unitsPaid: 1, remainingPatientCents: 3000,
          adjustments: [{ group: 'CO', reason: '45', cents: 3000, quantity: null }, { group: 'PR', reason: '2', cents: 3000, quantity: null }] },
      ],
    }]);
  });

  it('R-CO-1: three coverages: after the secondary\'s 835 the tertiary goes to State Medicaid with both payers attached', () => {
    expect([tertiary.id, tertiary.payer, tertiary.coveragePriority, tertiary.primaryClaim]).toEqual(['C2610P1001A-3', 'statemcd', 3, 'C2610P1001A-2']);
    expect(tertiary.priorPayers!.map((p) => [p.payer, p.priority, p.claimId, p.paidCents, p.remainingPatientCents, p.lines.map((l) => l.paidCents)])).toEqual([
      ['bcbstx', 1, 'C2610P1001A', 16800, 9200, [3200, 1600, 0, 12000]],
      ['allways', 2, 'C2610P1001A-2', 7540, 1660, [4640, 400, 0, 2500]],
    ]);
    expect(write837(batch([tertiary], 5)).text).toContain('SBR*T*18*******MC~');
  });

  it('R-CO-1: after the last coverage nothing more is due', () => {
    const last = adjudicate({ ...tertiary, status: 'exported' }, { default: { kind: 'pay', allowedCents: 100, coinsuranceCents: 10 }, now: '2026-11-25T08:00:00' }, 313);
    expect(draftAfter(last)).toEqual({ kind: 'none', reason: 'patient P1001 has no coverage after priority 3' });
  });

  it('R-CO-1: a primary denial of the whole claim sends every line to the secondary with AMT*D 0', () => {
    const denied = adjudicate(PRIMARY, { ...PRIMARY_PLAN, claims: {}, default: { kind: 'deny', group: 'CO', reason: '204' } }, 314);
    const r = draftAfter(denied);
    const s = drafted(r);
    expect(r.kind === 'draft' && r.openCents).toBe(32400);
    expect(s.priorPayers![0]!.paidCents).toBe(0);
    expect(s.priorPayers![0]!.lines.map((l) => [l.paidCents, l.adjustments.map((a) => `${a.group}-${a.reason} ${a.cents}`)])).toEqual([
      [0, ['CO-204 11000']], [0, ['CO-204 2550']], [0, ['CO-204 850']], [0, ['CO-204 18000']],
    ]);
    const text = write837(batch([s], 6)).text;
    expect(text).toContain('SBR*P*18*G100******BL~\nAMT*D*0~\nOI***Y*P**Y~');
    expect(text).toContain('SVD*84980*0*HC:99601**1~\nCAS*CO*204*180~\nDTP*573*D8*20261110~\nAMT*EAF*0~');
  });

  it('R-CO-1: a primary that pays in full (no patient share, no denial) leaves nothing for the secondary', () => {
    const paid = adjudicate(PRIMARY, { ...PRIMARY_PLAN, claims: {}, default: { kind: 'pay', allowedCents: 100000 } }, 315);
    expect(draftAfter(paid)).toEqual({ kind: 'none', reason: 'bcbstx left nothing on claim C2610P1001A for another payer (no patient responsibility, no denied line)' });
  });

  it('R-CO-1: the next coverage must be active on the dates of service', () => {
    const ended = { ...PATIENT, coverages: PATIENT.coverages.map((c) => (c.priority === 2 ? { ...c, to: '2026-09-30' } : c)) };
    expect(draftAfter(primary, ended)).toEqual({ kind: 'none', reason: 'the coverage with allways (priority 2, open…2026-09-30) is not active on the dates of line(s) 1, 2, 3, 4' });
  });

  it('R-CO-1: a claim the payer crossed over (CLP02 19) is not billed again', () => {
    const crossed = { ...primary, postings: primary.postings.map((p) => ({ ...p, statusCode: '19' as const })) };
    expect(draftAfter(crossed)).toEqual({ kind: 'none', reason: 'bcbstx forwarded claim C2610P1001A to the next payer itself (CLP02 19); wait for that payer\'s remittance' });
  });
});

describe('R-CO-2 balance of a secondary', () => {
  const off: Claim = {
    ...secondary.claim,
    priorPayers: secondary.claim.priorPayers!.map((p) => ({ ...p, lines: p.lines.map((l) => (l.line === 2 ? { ...l, paidCents: l.paidCents + 400 } : l)) })),
  };

  it('R-CO-2: the drafted secondary and tertiary balance', () => {
    expect(secondaryBalanceProblems(secondary.claim)).toEqual([]);
    expect(secondaryBalanceProblems(tertiary)).toEqual([]);
  });

  it('R-CO-2: a line off by 4.00 is named with its figures, and so are the claim sums', () => {
    expect(secondaryBalanceProblems(off)).toEqual([
      'claim C2610P1001A-2, bcbstx (priority 1), line 2 (J0696): charge 25.50 ≠ paid 20.00 + adjustments 9.50 = 29.50',
      'claim C2610P1001A-2, bcbstx (priority 1): paid (AMT*D) 168.00 ≠ lines paid 172.00 − claim adjustments 0.00 = 172.00',
    ]);
  });

  it('R-CO-2: the 837P writer refuses a secondary that does not balance', () => {
    expect(() => write837(batch([off], 7))).toThrow(X12InputError);
    try {
      write837(batch([off], 7));
    } catch (e) {
      expect((e as X12InputError).problems[0]).toBe('claims[C2610P1001A-2].priorPayers: claim C2610P1001A-2, bcbstx (priority 1), line 2 (J0696): charge 25.50 ≠ paid 20.00 + adjustments 9.50 = 29.50');
    }
  });

  it('R-CO-2: the reader reports the same imbalance in a file someone else wrote', () => {
    const good = write837(batch([secondary.claim], 8)).text;
    const bad = good.replace('SVD*84980*16*HC:J0696**6~', 'SVD*84980*20*HC:J0696**6~');
    expect(read837(good).errors).toEqual([]);
    const noSubscriber = good.replace('NM1*IL*1*GARZA*HELEN****MI*XOB123456789~\n', '').replace(/SE\*(\d+)\*/, (_m, n: string) => `SE*${Number(n) - 1}*`);
    expect(read837(noSubscriber).errors.map((e) => e.message)).toEqual(['other payer 84980 has no 2330A NM1*IL subscriber']);
    expect(read837(bad).errors.map((e) => e.message)).toEqual([
      'claim C2610P1001A-2, 84980 (priority 1), line 2 (J0696): charge 25.50 ≠ paid 20.00 + adjustments 9.50 = 29.50',
      'claim C2610P1001A-2, 84980 (priority 1): paid (AMT*D) 168.00 ≠ lines paid 172.00 − claim adjustments 0.00 = 172.00',
    ]);
  });
});

describe('R-CO-1 a line the primary split', () => {
  // the primary answered line 1 (S9500, 110.00) in two pieces, both with our REF*6R
  const remittance = structuredClone(primary.remittance);
  const clp = remittance.claims[0]!;
  const [one, ...rest] = clp.lines;
  const piece = (position: number, charge: number, paid: number, cas: [string, string, number][]) => ({
    ...one!, position, chargeCents: charge, paidCents: paid, amounts: [],
    adjustments: cas.map(([group, reason, cents], k) => ({ position: position + k + 1, group: group as 'CO' | 'PR', reason, cents, quantity: null })),
  });
  clp.lines = [piece(9001, 6000, 3200, [['CO', '45', 2000], ['PR', '2', 800]]), piece(9011, 5000, 0, [['PR', '1', 5000]]), ...rest];
  const posted = postRemittance({ remittance, payer: 'bcbstx', claims: [toStoredClaim(PRIMARY)], previous: [], now: '2026-11-21T10:00:00', newId: () => 'SPLIT1' }).claims;

  it('R-CO-1: writes one 2430 per piece under the one 2400; the pieces add up to SV102 (R-CO-2)', () => {
    expect(posted[0]!.lines[0]!.positions).toEqual([9001, 9011]);
    const s = drafted(draftSecondary({ claim: PRIMARY, postings: posted, remitClaim: clp, patient: PATIENT, payers: RECORDS.payers }));
    expect(s.priorPayers![0]!.lines.filter((l) => l.line === 1).map((l) => [l.paidCents, l.adjustments.map((a) => `${a.group}-${a.reason} ${a.cents}`), l.remainingPatientCents])).toEqual([
      [3200, ['CO-45 2000', 'PR-2 800'], 800],
      [0, ['PR-1 5000'], 5000],
    ]);
    expect(secondaryBalanceProblems(s)).toEqual([]);
    const text = write837(batch([s], 9)).text;
    expect(text).toContain('REF*6R*C2610P1001A-2-1~\nSVD*84980*32*HC:S9500**1~\nCAS*CO*45*20~\nCAS*PR*2*8~\nDTP*573*D8*20261110~\nAMT*EAF*8~\nSVD*84980*0*HC:S9500**1~\nCAS*PR*1*50~\nDTP*573*D8*20261110~\nAMT*EAF*50~\nLX*2~');
    const back = read837(text);
    expect(back.errors).toEqual([]);
    expect(back.claims[0]!.lines[0]!.adjudications.map((a) => a.paidCents)).toEqual([3200, 0]);
  });
});

describe('R-CO-1 a claim the primary split across two remittances', () => {
  const plan = { ...PRIMARY_PLAN, claims: { C2610P1001A: { ...PRIMARY_PLAN.claims!.C2610P1001A!, splitAfterLine: 2 } } };
  const response = respond(write837(batch([PRIMARY], 330)).text, plan);
  const [first, second] = response.remits.map(remittanceOf);
  const stored = [toStoredClaim(PRIMARY)];
  const p1 = postRemittance({ remittance: first!, payer: 'bcbstx', claims: stored, previous: [], now: '2026-11-21T10:00:00', newId: () => 'PART1' }).claims;
  const p2 = postRemittance({ remittance: second!, payer: 'bcbstx', claims: stored, previous: p1, now: '2026-11-21T10:00:00', newId: () => 'PART2' }).claims;

  it('R-CO-1: waits while only the first part is in, naming the lines still open', () => {
    expect(draftSecondary({ claim: PRIMARY, postings: p1, patient: PATIENT, payers: RECORDS.payers })).toEqual({
      kind: 'none', reason: 'claim C2610P1001A: line(s) 3, 4 have no adjudication yet (a split claim waits for its other part)',
    });
  });

  it('R-CO-1: with both parts, one 2320 with the payments added and all four lines\' 2430', () => {
    const s = drafted(draftSecondary({ claim: PRIMARY, postings: [...p1, ...p2], patient: PATIENT, payers: RECORDS.payers }));
    const prior = s.priorPayers![0]!;
    expect([prior.paidCents, prior.payerClaimNumber, prior.remainingPatientCents, prior.lines.map((l) => [l.line, l.paidCents])]).toEqual([
      16800, '94001000001', 9200, [[1, 3200], [2, 1600], [3, 0], [4, 12000]],
    ]);
    expect(read837(write837(batch([s], 331)).text).errors).toEqual([]);
  });

  it('2320 MOA: the parts\' MOA remark codes once each, in order; an MIA code (inpatient) is not carried', () => {
    const moa = (...codes: string[]) => codes.map((code) => ({ source: 'MOA' as const, qualifier: null, code }));
    const parts = [
      { ...p1[0]!, remarks: [...moa('N130'), { source: 'MIA' as const, qualifier: null, code: 'MA01' }] },
      { ...p2[0]!, remarks: moa('N130', 'N381') },
    ];
    const s = drafted(draftSecondary({ claim: PRIMARY, postings: parts, patient: PATIENT, payers: RECORDS.payers }));
    expect(s.priorPayers![0]!.remarks).toEqual(['N130', 'N381']);
    const text = write837(batch([s], 332)).text;
    expect(text).toContain('AMT*D*168~\nOI***Y*P**Y~\nMOA***N130*N381~\nNM1*IL*1*');
    expect(read837(text).claims[0]!.otherPayers[0]!.remarks).toEqual(['N130', 'N381']);
  });

  it('2320 MOA: five codes at most (MOA03–07); none at all without remarks', () => {
    const s = drafted(draftSecondary({ claim: PRIMARY, postings: [...p1, ...p2], patient: PATIENT, payers: RECORDS.payers }));
    expect(write837(batch([s], 333)).text).not.toContain('MOA*');
    const six = { ...s, priorPayers: [{ ...s.priorPayers![0]!, remarks: ['N130', 'N381', 'N4', 'N59', 'M27', 'MA72'] }] };
    const moa = write837(batch([six], 334)).text.split('~\n').filter((x) => x.startsWith('MOA*'));
    expect(moa).toEqual(['MOA***N130*N381*N4*N59*M27']);
  });
});
