// The typed readers on the hand-written reference files (835.md §14, acks.md §3–§5): every value
// as read, exact.
import { describe, expect, it } from 'vitest';
import { readReceived, type ReceivedDocument } from '../../electron/receive/readReceived.ts';
import { readProblem, referenceFile } from './files.ts';

function only<K extends ReceivedDocument['kind']>(text: string, kind: K): Extract<ReceivedDocument, { kind: K }> {
  const file = readReceived(text);
  expect(file.kinds).toEqual([kind]);
  return file.documents[0] as Extract<ReceivedDocument, { kind: K }>;
}

describe('TA1', () => {
  it('reads the interchange it answers, the result and the note code in words', () => {
    expect(only(referenceFile('reference-ta1'), 'TA1').ta1).toEqual({
      position: 2, interchangeControl: '000000101', date: '2025-01-15', time: '1130', result: 'R', note: '025',
      noteWords: 'this interchange control number was already used: send again with a new ISA13',
    });
  });
});

describe('999', () => {
  it('reads AK1, the rejected set with its segment and element errors, IK5 and AK9', () => {
    expect(only(referenceFile('reference-999'), '999').ack).toEqual({
      control: '0001', functionalId: 'HC', groupControl: '101', version: '005010X222A1',
      sets: [{
        position: 5, type: '837', control: '0001', convention: '005010X222A1',
        errors: [{
          position: 6, segmentId: 'CLM', segmentPosition: 19, loop: '2300', code: '8', words: 'the segment has element errors',
          context: [{ name: 'CLM01', value: 'INF20250115001' }],
          elements: [{ position: 8, element: 7, component: null, repetition: null, dataElement: '1359', code: '7', words: 'invalid code value', badValue: 'Z' }],
        }],
        result: 'R', resultWords: 'rejected', codes: ['5'],
      }],
      result: 'R', resultWords: 'rejected', included: 1, received: 1, accepted: 0,
    });
  });

  it('refuses a 999 without its AK9, naming where it ends', () => {
    const bad = referenceFile('reference-999').replace('AK9*R*1*1*0~\n', '').replace('SE*9*', 'SE*8*');
    expect(readProblem(bad)).toBe('SE at segment 10: the transaction set opened at segment 3 ends where AK9 (functional group response trailer) is required');
  });
});

describe('277CA', () => {
  const ack = only(referenceFile('reference-277ca'), '277CA').ack;
  const payer = { entity: 'PR', name: 'EXAMPLE HEALTH PLAN', id: 'EXAMPLEPAYER' };

  it('reads the claim the payer accepted: our id from TRN02, REF*1K, REF*D9, the dates', () => {
    expect(ack.claims[0]).toEqual({
      position: 28, source: payer, claimId: 'INF20250115001',
      patient: { lastName: 'DOE', firstName: 'JANE', memberId: 'XYZ123456789' },
      statuses: [{ position: 29, codes: [{ category: 'A2', status: '20', entity: null, words: 'A2 accepted into the adjudication system: status 20' }], date: '2025-01-16', action: 'WQ', chargeCents: 87400, text: null }],
      payerClaimNumber: '9400012345600', clearinghouseClaimId: 'CHTRACE77881', from: '2025-01-06', to: '2025-01-08', lines: [],
    });
  });

  it('reads the claim it rejected with category, status and entity in words', () => {
    const c = ack.claims[1]!;
    expect([c.claimId, c.payerClaimNumber, c.clearinghouseClaimId]).toEqual(['HIP250106A', null, 'CHTRACE77882']);
    expect(c.statuses[0]!.codes).toEqual([{ category: 'A7', status: '562', entity: '85', words: 'A7 rejected for invalid information: status 562: billing provider' }]);
    expect([c.statuses[0]!.action, c.statuses[0]!.chargeCents]).toEqual(['U', 73800]);
  });

  it('reads a rejected service line (2220D) with our line control number from REF*FJ', () => {
    const text = referenceFile('reference-277ca')
      .replace('DTP*472*RD8*20250106-20250108~\nSE*', 'DTP*472*RD8*20250106-20250108~\nSVC*HC:J0696:JW*13.5*****3~\nSTC*A7:507*20250116*U~\nREF*FJ*HIP250106A-3~\nDTP*472*RD8*20250106-20250108~\nSE*')
      .replace('SE*37*', 'SE*41*');
    const c = only(text, '277CA').ack.claims[1]!;
    expect(c.lines).toEqual([{
      position: 39, procedure: ['HC', 'J0696', 'JW'], chargeCents: 1350, units: 3, lineControlNumber: 'HIP250106A-3', from: '2025-01-06', to: '2025-01-08',
      statuses: [{ position: 40, codes: [{ category: 'A7', status: '507', entity: null, words: 'A7 rejected for invalid information: status 507' }], date: '2025-01-16', action: 'U', chargeCents: null, text: null }],
    }]);
    expect(c.statuses).toHaveLength(1);
  });

  it('reads the batch and provider totals', () => {
    expect(ack.reference).toBe('ACK250116A');
    expect(ack.batches.map((b) => [b.level, b.trace, b.acceptedCount, b.rejectedCount, b.acceptedCents, b.rejectedCents])).toEqual([
      ['source', 'SRC250116A', null, null, null, null],
      ['receiver', 'PD000101', 1, 1, 87400, 73800],
      ['provider', 'PRV250116A', 1, 1, 87400, 73800],
    ]);
  });
});

describe('835', () => {
  const r = only(referenceFile('reference-835'), '835').remittance;

  it('reads BPR, TRN, the payer and the payee', () => {
    expect([r.handling, r.paymentCents, r.creditDebit, r.paymentMethod, r.paymentDate, r.traceNumber, r.traceOriginator, r.productionDate]).toEqual(
      ['I', 38655, 'C', 'ACH', '2025-02-10', 'EFT2025020100017', '1512345678', '2025-02-05'],
    );
    expect(r.payer).toEqual({ name: 'EXAMPLE HEALTH PLAN', qualifier: null, id: null, refs: [] });
    expect(r.payee).toEqual({ name: 'SUNRISE HOME INFUSION PHARMACY', qualifier: 'XX', id: '1234567893', refs: [{ qualifier: 'TJ', value: '123456789' }] });
  });

  it('reads the CLP and its patient and period', () => {
    const c = r.claims[0]!;
    expect({ ...c, lines: c.lines.length }).toEqual({
      position: 15, claimId: 'HIP250106A', status: '1', chargeCents: 73800, paidCents: 43440, patientResponsibilityCents: 10860,
      filingIndicator: '12', payerClaimNumber: '9400012345600', facility: '12', frequency: '1',
      patient: { lastName: 'DOE', firstName: 'JANE', memberId: 'XYZ123456789' }, from: '2025-01-06', to: '2025-01-08', received: null,
      adjustments: [], remarks: [], amounts: [], lines: 4,
    });
  });

  it('reads each SVC with its composite, dates, CAS triplets, REF*6R and AMT*B6', () => {
    const [s9500, j0696, jw, visit] = r.claims[0]!.lines;
    expect(s9500).toEqual({
      position: 19, procedure: { qualifier: 'HC', code: 'S9500', modifiers: [] }, submitted: null, chargeCents: 45000, paidCents: 26400,
      revenueCode: null, unitsPaid: 3, unitsSubmitted: null, from: '2025-01-06', to: '2025-01-08', lineControlNumber: 'HIP250106A-1',
      adjustments: [{ position: 22, group: 'CO', reason: '45', cents: 12000, quantity: null }, { position: 23, group: 'PR', reason: '2', cents: 6600, quantity: null }],
      remarks: [], amounts: [{ qualifier: 'B6', cents: 33000 }],
    });
    expect([j0696!.paidCents, j0696!.unitsPaid, j0696!.adjustments.map((a) => a.cents)]).toEqual([5040, 21, [3150, 1260]]);
    expect([jw!.procedure.modifiers, jw!.adjustments]).toEqual([['JW'], [{ position: 36, group: 'CO', reason: '96', cents: 1350, quantity: 3 }]]);
    expect([visit!.from, visit!.to, visit!.lineControlNumber]).toEqual(['2025-01-06', '2025-01-06', 'HIP250106A-4']);
  });

  it('reads PLB reason:reference pairs with their signs', () => {
    expect(r.providerAdjustments).toEqual([{
      position: 44, providerId: '1234567893', fiscalPeriodDate: '2025-12-31',
      items: [{ reason: 'L6', reference: null, cents: -215 }, { reason: 'WO', reference: 'HIP241120B 9400011112200', cents: 5000 }],
    }]);
  });

  it('reads six triplets in one CAS, LQ*HE remarks and MOA remarks', () => {
    const text = referenceFile('reference-835')
      .replace('CAS*CO*45*30~\nCAS*PR*2*30~', 'CAS*CO*45*10**45*5**45*5**45*4**45*3**45*3~\nCAS*PR*2*30~\nLQ*HE*N657~')
      .replace('DTM*232*', 'MOA***MA01*N130~\nDTM*232*')
      .replace('SE*43*', 'SE*45*');
    const c = only(text, '835').remittance.claims[0]!;
    expect(c.remarks).toEqual([{ source: 'MOA', qualifier: null, code: 'MA01' }, { source: 'MOA', qualifier: null, code: 'N130' }]);
    expect(c.lines[3]!.adjustments.map((a) => `${a.group}-${a.reason} ${a.cents}`)).toEqual(['CO-45 1000', 'CO-45 500', 'CO-45 500', 'CO-45 400', 'CO-45 300', 'CO-45 300', 'PR-2 3000']);
    expect(c.lines[3]!.remarks).toEqual([{ source: 'LQ', qualifier: 'HE', code: 'N657' }]);
  });

  it('refuses an amount with three decimals, naming the element', () => {
    expect(readProblem(referenceFile('reference-835').replace('CAS*CO*45*120~', 'CAS*CO*45*120.001~'))).toBe('CAS at segment 22: CAS03 (adjustment amount for 45) \'120.001\' is not an amount in dollars and cents');
  });

  it('refuses an SVC whose composite uses another separator than ISA16 declares', () => {
    expect(readProblem(referenceFile('reference-835').replace('SVC*HC:99601*', 'SVC*HC>99601*'))).toBe("SVC at segment 38: SVC01 'HC>99601' is not a qualifier:procedure code composite (ISA16 is ':')");
  });

  it('refuses a CLP02 outside the code list', () => {
    expect(readProblem(referenceFile('reference-835').replace('CLP*HIP250106A*1*', 'CLP*HIP250106A*5*'))).toBe("CLP at segment 15: CLP02 (claim status code) '5' is not one of 1 2 3 4 19 20 21 22 23 25");
  });
});
