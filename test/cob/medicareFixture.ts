// R-CO-3 fixture: a Medicare patient with a retiree supplement that bills its own codes; the
// Medicare claim is built by the engine, answered by the test payer (every line denied PR-204)
// and posted, so the own-code secondary is drafted from real postings.
import { buildClaims } from '../../electron/claims/buildClaims.ts';
import type { Claim } from '../../electron/domain/claims.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import type { X12BatchInput } from '../../electron/export/x12/input.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import { postRemittance } from '../../electron/receive/postRemittance.ts';
import { toStoredClaim } from '../../electron/receive/storedClaim.ts';
import { dispense, NDC, office, payer, therapy } from '../claims/fixture.ts';
import { goldenInput } from '../export837/golden.ts';
import { remittanceOf } from '../receive/flow.ts';
import { respond } from '../support/testPayer.ts';

const golden = goldenInput('subscriber-is-patient').records;
const medicare = { ...payer('medicare', { codeSet: 'medicare-hit' }), name: 'Medicare DME MAC', payerId: '17003', filingIndicator: 'MB' };
const supplement = { ...payer('supp', { codeSet: 'commercial', billSecondaryWithOwnCodes: true }), name: 'Retiree Supplement Plan', payerId: '55123', filingIndicator: 'CI' };

export const DATASET: Dataset = office({
  organization: golden.organization,
  clearinghouse: golden.clearinghouse,
  payers: [medicare, supplement],
  patients: [{
    id: 'P1', firstName: 'Richard', lastName: 'Roe', dob: '1948-02-11', sex: 'M', address: { line1: '12 Elm St', city: 'Austin', state: 'TX', zip: '78701' },
    coverages: [
      { payer: 'medicare', priority: 1, memberId: '1EG4TE5MK73', relationship: 'self' },
      { payer: 'supp', priority: 2, memberId: 'RS4400', groupNumber: 'RET9', relationship: 'self' },
    ],
  }],
  therapies: [therapy({ id: 'T1', payer: 'medicare', start: '2026-10-01', stop: '2026-10-03', drugs: [{ ndc: NDC.ceftriaxone2g, dose: { amount: 2, unit: 'g' } }] })],
  dispenses: [dispense('D1', 'T1', '2026-10-01', NDC.ceftriaxone2g, 3, 3)],
});

export const TODAY = '2026-11-05';
export const medicareClaim: Claim = { ...buildClaims(DATASET, { from: '2026-10-01', to: '2026-10-31', payer: 'medicare' }, { today: TODAY }).claims[0]!, status: 'exported' };
export const batch = (claims: Claim[], n: number): X12BatchInput => ({ claims, records: DATASET, control: { interchange: n, group: n, transaction: 1 }, now: '2026-11-21T10:00:00' });

// Medicare denies every line it received as not a benefit (PR-204: the patient or the next payer)
const response = respond(write837(batch([medicareClaim], 501)).text, { default: { kind: 'deny', group: 'PR', reason: '204' }, payerName: 'MEDICARE DME MAC', payerId: '17003', now: '2026-11-12T08:00:00', control: 50 });
export const remittance = remittanceOf(response.remits[0]!);
export const postings = postRemittance({ remittance, payer: 'medicare', claims: [toStoredClaim(medicareClaim)], previous: [], now: '2026-11-21T10:00:00', newId: () => 'MCR1' }).claims;

