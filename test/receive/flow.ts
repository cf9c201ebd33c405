// A round trip for the receive tests: our 837P (the project's writer, golden inputs) → the test
// payer's answers → read → posted in order, each remittance seeing the postings before it.
import type { X12BatchInput } from '../../electron/export/x12/input.ts';
import { write837 } from '../../electron/export/x12/write837.ts';
import type { ClaimPosting, PostingResult, StoredClaim } from '../../electron/domain/postings.ts';
import { postRemittance } from '../../electron/receive/postRemittance.ts';
import { readReceived } from '../../electron/receive/readReceived.ts';
import type { Remittance } from '../../electron/domain/remittance.ts';
import { toStoredClaim, type ExpectedPayment } from '../../electron/receive/storedClaim.ts';
import { goldenInput } from '../export837/golden.ts';
import { SAMPLE_PLANS } from '../support/samplePlans.ts';
import { respond, type PayerPlan, type PayerResponse } from '../support/testPayer.ts';

/** Every stored claim is sent to the test payer under this id. */
export const PAYER = 'testpayer';
export const NOW = '2026-11-21T10:00:00';

export interface Flow {
  stored: StoredClaim[];
  response: PayerResponse;
  remittances: Remittance[];
}

export function remittanceOf(text: string): Remittance {
  const doc = readReceived(text).documents[0]!;
  if (doc.kind !== '835') throw new Error(`expected an 835, read a ${doc.kind}`);
  return doc.remittance;
}

export function flow(golden: string, plan: PayerPlan, expected?: ExpectedPayment, change: (input: X12BatchInput) => X12BatchInput = (i) => i): Flow {
  const input = change(goldenInput(golden));
  const response = respond(write837(input).text, plan);
  const stored = input.claims.map((c) => ({ ...toStoredClaim({ ...c, payer: PAYER }, { status: 'exported', ...(expected ? { expected } : {}) }) }));
  return { stored, response, remittances: response.remits.map(remittanceOf) };
}

export function sampleFlow(name: keyof typeof SAMPLE_PLANS, expected?: ExpectedPayment): Flow {
  const s = SAMPLE_PLANS[name];
  return flow(s.golden, s.plan as PayerPlan, expected);
}

/** Ids P1, P2 … in the order postings are made. */
export function counter(prefix = 'P'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** Posts the remittances in order; returns each result and every claim posting made. */
export function postAll(stored: readonly StoredClaim[], remittances: readonly Remittance[], previous: readonly ClaimPosting[] = [], newId = counter()): { results: PostingResult[]; postings: ClaimPosting[] } {
  const postings = [...previous];
  const results = remittances.map((remittance) => {
    const r = postRemittance({ remittance, payer: PAYER, claims: stored, previous: postings, now: NOW, newId });
    postings.push(...r.claims);
    return r;
  });
  return { results, postings };
}
