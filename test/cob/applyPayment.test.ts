// R-CO-4 patient payments, the pure part: where a payment goes among a patient's claim chains.
import { describe, expect, it } from 'vitest';
import { applyPatientPayment, owedCents, owingShares } from '../../electron/cob/applyPayment.ts';
import type { PatientShare } from '../../electron/cob/patientShare.ts';
import { FieldError } from '../../electron/domain/errors.ts';

function share(id: string, serviceFrom: string, patientCents: number, state: PatientShare['state'] = 'patient', followers: string[] = []): PatientShare {
  const claims = [id, ...followers];
  return {
    patient: 'P1', claimId: id, lastClaimId: claims[claims.length - 1]!, claims, from: '2026-10-01', to: '2026-10-31', serviceFrom, chargeCents: 10000,
    payers: [], patientCents, patientPaidCents: 0, patientPayments: [], state, since: state === 'patient' ? '2026-11-10' : null,
    note: state === 'patient' ? 'after bcbstx, the last payer' : 'waiting for allways to answer claim X-2',
  };
}

const shares = [share('C3', '2026-10-20', 700), share('C1', '2026-10-02', 1000, 'patient', ['C1-2']), share('C2', '2026-10-02', 500), share('C4', '2026-09-01', 900, 'awaiting-payer'), share('C5', '2026-08-01', 0)];

function refusal(f: () => unknown): { message: string; fields: Record<string, string> } {
  try {
    f();
  } catch (e) {
    if (e instanceof FieldError) return { message: e.message, fields: { ...e.fields } };
    throw e;
  }
  throw new Error('not refused');
}

describe('R-CO-4 applying a patient payment', () => {
  it('owes on the chains left to the patient, oldest date of service first (then the claim id)', () => {
    expect(owingShares(shares).map((s) => s.claimId)).toEqual(['C1', 'C2', 'C3']);
    expect(owedCents(shares)).toBe(2200);
  });

  it('pays the oldest first, each part on the chain\'s last claim, to the cent', () => {
    expect(applyPatientPayment(shares, { patient: 'P1', cents: 1200 })).toEqual([{ claimId: 'C1-2', cents: 1000 }, { claimId: 'C2', cents: 200 }]);
    expect(applyPatientPayment(shares, { patient: 'P1', cents: 2200 })).toEqual([{ claimId: 'C1-2', cents: 1000 }, { claimId: 'C2', cents: 500 }, { claimId: 'C3', cents: 700 }]);
    expect(applyPatientPayment(shares, { patient: 'P1', cents: 1 })).toEqual([{ claimId: 'C1-2', cents: 1 }]);
  });

  it('pays the chain of a named claim (any claim of it) and only that chain', () => {
    expect(applyPatientPayment(shares, { patient: 'P1', cents: 700, claim: 'C3' })).toEqual([{ claimId: 'C3', cents: 700 }]);
    expect(applyPatientPayment(shares, { patient: 'P1', cents: 300, claim: 'C1' })).toEqual([{ claimId: 'C1-2', cents: 300 }]);
  });

  it('refuses more than is owed, naming the amount, and claims owing nothing, naming why', () => {
    expect(refusal(() => applyPatientPayment(shares, { patient: 'P1', cents: 2201 }))).toEqual({
      message: 'A payment of $22.01 is more than patient P1 owes: $22.00', fields: { cents: 'more than the $22.00 the patient owes' },
    });
    expect(refusal(() => applyPatientPayment(shares, { patient: 'P1', cents: 701, claim: 'C3' }))).toEqual({
      message: 'A payment of $7.01 is more than patient P1 owes on claim C3: $7.00', fields: { cents: 'more than the $7.00 owed on claim C3' },
    });
    expect(refusal(() => applyPatientPayment(shares, { patient: 'P1', cents: 100, claim: 'C4' }))).toEqual({
      message: 'Patient P1 owes nothing on claim C4: waiting for allways to answer claim X-2', fields: { claim: 'nothing is owed on it: waiting for allways to answer claim X-2' },
    });
    expect(refusal(() => applyPatientPayment(shares, { patient: 'P1', cents: 100, claim: 'C5' })).fields).toEqual({ claim: 'nothing is owed on it: it is paid' });
    expect(refusal(() => applyPatientPayment(shares, { patient: 'P1', cents: 100, claim: 'Z9' })).fields).toEqual({ claim: 'is not a claim of patient P1' });
    expect(refusal(() => applyPatientPayment([], { patient: 'P1', cents: 100 })).message).toBe('Patient P1 owes nothing after their payers: there is nothing to pay');
  });
});
