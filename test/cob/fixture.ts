// A patient with three coverages (BCBS TX primary, AllWays secondary, State Medicaid tertiary),
// one claim through the whole chain with the test payer answering each 837P we write:
// primary 835 (partial payment: deductible, coinsurance, one denied line) → secondary drafted
// (R-CO-1) → its 835 → tertiary drafted. Every amount comes from the real writer, payer, reader
// and posting, so the tests assert what the product would do.
import type { Claim } from '../../electron/domain/claims.ts';
import type { Patient, Payer } from '../../electron/domain/types.ts';
import { draftSecondary, type DraftSecondaryResult } from '../../electron/cob/draftSecondary.ts';
import type { X12BatchInput, X12Records } from '../../electron/export/x12/input.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import type { ClaimPosting } from '../../electron/domain/postings.ts';
import { postRemittance } from '../../electron/receive/postRemittance.ts';
import type { Remittance } from '../../electron/domain/remittance.ts';
import { toStoredClaim } from '../../electron/receive/storedClaim.ts';
import { goldenInput } from '../export837/golden.ts';
import { remittanceOf } from '../receive/flow.ts';
import { respond, type PayerPlan } from '../support/testPayer.ts';

export const NOW = '2026-11-21T10:00:00';

const base = goldenInput('subscriber-is-patient');
const settings = base.records.payers[0]!.settings;

export const STATE_MEDICAID: Payer = {
  id: 'statemcd', name: 'State Medicaid', payerId: '77001', filingIndicator: 'MC',
  address: { line1: 'PO Box 1000', city: 'Austin', state: 'TX', zip: '787110000' }, settings: { ...settings, codeSet: 'commercial' }, fees: {},
};

const helen = base.records.patients.find((p) => p.id === 'P1001')!;
export const PATIENT: Patient = {
  ...helen,
  coverages: [
    { payer: 'bcbstx', priority: 1, memberId: 'XOB123456789', groupNumber: 'G100', relationship: 'self' },
    { payer: 'allways', priority: 2, memberId: 'AW900100', groupNumber: 'AWG7', relationship: 'self' },
    { payer: 'statemcd', priority: 3, memberId: 'MCD55512345', relationship: 'self', from: '2026-01-01', to: '2026-12-31' },
  ],
};

export const RECORDS: X12Records = {
  ...base.records,
  payers: [...base.records.payers, STATE_MEDICAID],
  patients: [PATIENT, ...base.records.patients.filter((p) => p.id !== 'P1001')],
};

const original = base.claims.find((c) => c.id === 'C2610P1001A')!;
/** S9500 110.00, J0696 25.50, J0696-JW 8.50, 99601 180.00 on 2026-10-01: 324.00. */
export const PRIMARY: Claim = { ...original, lines: original.lines.slice(0, 4), totalCents: 32400, status: 'exported' };

/** Deductible 50.00 and coinsurance on the per diem, coinsurance on the drug and the visit, the waste line denied (CO-96). */
export const PRIMARY_PLAN: PayerPlan = {
  default: { kind: 'pay' },
  payerName: 'BLUE CROSS AND BLUE SHIELD OF TEXAS', payerId: '84980', now: '2026-11-10T08:00:00', control: 10,
  claims: {
    C2610P1001A: {
      lines: {
        1: { kind: 'pay', allowedCents: 9000, deductibleCents: 5000, coinsuranceCents: 800 },
        2: { kind: 'pay', allowedCents: 2000, coinsuranceCents: 400 },
        3: { kind: 'deny', group: 'CO', reason: '96', remarks: ['N425'] },
        4: { kind: 'pay', allowedCents: 15000, coinsuranceCents: 3000 },
      },
    },
  },
};

/** The secondary pays part of what the primary left; the waste line is denied again, the visit leaves a copay. */
export const SECONDARY_PLAN: PayerPlan = {
  default: { kind: 'pay' },
  payerName: 'ALLWAYS HEALTH PARTNERS', payerId: '04293', now: '2026-11-18T08:00:00', control: 20,
  claims: {
    'C2610P1001A-2': {
      lines: {
        1: { kind: 'pay', allowedCents: 5800, coinsuranceCents: 1160 },
        2: { kind: 'pay', allowedCents: 400 },
        3: { kind: 'deny', group: 'CO', reason: '96' },
        4: { kind: 'pay', allowedCents: 3000, copayCents: 500 },
      },
    },
  },
};

export function batch(claims: Claim[], interchange: number, now = NOW): X12BatchInput {
  return { claims, records: RECORDS, control: { interchange, group: interchange, transaction: 1, reference: `PD${interchange}` }, now };
}

export interface Step {
  claim: Claim;
  remittance: Remittance;
  postings: ClaimPosting[];
}

let ids = 0;
/** Sends `claim` to the test payer, reads its 835 and posts it against the claim. */
export function adjudicate(claim: Claim, plan: PayerPlan, interchange: number): Step {
  const response = respond(write837(batch([claim], interchange)).text, plan);
  const remittance = remittanceOf(response.remits[0]!);
  const stored = toStoredClaim(claim, { status: 'exported' });
  const posted = postRemittance({ remittance, payer: claim.payer, claims: [stored], previous: [], now: NOW, newId: () => `POST${++ids}` });
  return { claim, remittance, postings: posted.claims };
}

export function draftAfter(step: Step, patient: Patient = PATIENT, payers: readonly Payer[] = RECORDS.payers): DraftSecondaryResult {
  return draftSecondary({ claim: step.claim, postings: step.postings, remitClaim: step.remittance.claims[0] ?? null, patient, payers });
}

export function drafted(r: DraftSecondaryResult): Claim {
  if (r.kind !== 'draft') throw new Error(`expected a draft, got ${r.kind}: ${'reason' in r ? r.reason : ''}`);
  return r.claim;
}

/** The whole chain, computed once per test file. */
export function chain(): { primary: Step; secondary: Step; tertiary: Claim } {
  const primary = adjudicate(PRIMARY, PRIMARY_PLAN, 301);
  const secondaryClaim = { ...drafted(draftAfter(primary)), status: 'exported' as const };
  const secondary = adjudicate(secondaryClaim, SECONDARY_PLAN, 302);
  const tertiary = drafted(draftAfter(secondary));
  return { primary, secondary, tertiary };
}

/**
 * For print positions only: a secondary's four lines twice (eight lines, two CMS-1500 pages) with
 * the primary's adjudication as drafted; `perPage` sets AllWays' page totals (CMS-1500 item 28).
 */
export function twoPageSecondary(secondary: Claim, totals: 'continued' | 'perPage' = 'continued'): { claim: Claim; records: X12Records } {
  const claim = { ...secondary, lines: [...secondary.lines, ...secondary.lines], totalCents: 2 * secondary.totalCents };
  const payers = RECORDS.payers.map((p) => (p.id === secondary.payer ? { ...p, settings: { ...p.settings, pdfPageTotals: totals } } : p));
  return { claim, records: { ...RECORDS, payers } };
}
