// Issue 13 on the demo office: Medicare patients with a BCBS TX supplement. Medicare denies its
// October claims (PR-204) → each supplement's secondary is drafted when the 835 posts, exported as
// an 837P with Medicare in 2320/2430, paid; the patients without a second coverage get the reason.
// With `billSecondaryWithOwnCodes` on BCBS TX (R-CO-3) the secondary is built with its own codes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Payer } from '../../electron/domain/types.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { export837, openHandlerOffice, type CobOffice } from '../support/cobOffice.ts';
import { upload } from '../support/remitOffice.ts';
import { respond } from '../support/testPayer.ts';

let office: CobOffice | undefined;
afterEach(() => office?.store.close());

async function demoAfterMedicare(ownCodes: boolean) {
  const o = openHandlerOffice('2026-11-05T09:00:00');
  office = o;
  await o.call('app.loadDemo', { patients: 80 });
  const payers = await o.call('settings.listPayers', undefined);
  if (ownCodes) {
    const bcbs = payers.find((p) => p.id === 'bcbstx')!;
    await o.call('settings.savePayer', { ...bcbs, settings: { ...bcbs.settings, billSecondaryWithOwnCodes: true } } as Payer & { version?: number });
  }
  await o.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  const sent = await export837(o, 'medicare');
  const medicare = payers.find((p) => p.id === 'medicare')!;
  const r = respond(sent.text, { payerId: medicare.payerId!, payerName: 'MEDICARE', default: { kind: 'deny', group: 'PR', reason: '204' } });
  o.setNow('2026-11-20T09:00:00');
  await o.call('remit.receive', upload('medicare-277.x12', r.ack277!));
  await o.call('remit.receive', upload('medicare-835.x12', r.remits[0]!));
  const claims = await o.call('claims.list', {});
  const patients = await Promise.all([...new Set(claims.filter((c) => sent.claims.includes(c.id)).map((c) => c.patient))].map(async (id) => (await o.call('patients.chart', { id })).patient));
  const supplemented = new Set(patients.filter((p) => p.coverages.some((c) => c.priority === 2 && c.payer === 'bcbstx')).map((p) => p.id));
  const medicareClaims = claims.filter((c) => sent.claims.includes(c.id));
  return { o, claims, medicareClaims, supplemented };
}

describe('issue 13 on the demo office: Medicare, then the BCBS TX supplement', () => {
  it('R-CO-1: each supplemented patient gets a secondary drafted on posting, exported with Medicare in 2320/2430 and paid', async () => {
    const { o, claims, medicareClaims, supplemented } = await demoAfterMedicare(false);
    expect(supplemented.size).toBeGreaterThan(0);
    const secondaries = claims.filter((c) => c.primaryClaim);
    const followed = medicareClaims.filter((c) => supplemented.has(c.patient));
    expect(secondaries.map((c) => c.primaryClaim).sort()).toEqual(followed.map((c) => c.id).sort());
    for (const s of secondaries) {
      const primary = medicareClaims.find((c) => c.id === s.primaryClaim)!;
      expect(s).toMatchObject({ payer: 'bcbstx', status: 'draft', patient: primary.patient, chargeCents: primary.chargeCents });
      expect(s.lines.map((l) => l.code)).toEqual(primary.lines.map((l) => l.code));
    }
    // the others have no second coverage: posting passes them over; asked by hand, they say why
    const single = medicareClaims.filter((x) => !supplemented.has(x.patient));
    expect(single.length).toBeGreaterThan(0);
    for (const c of single) expect((await o.call('claims.chain', { claim: c.id })).followups).toEqual([]);
    expect(await o.fail('claims.sendToNextPayer', { claim: single[0]!.id })).toBe(`No claim to the next payer for claim ${single[0]!.id}: patient ${single[0]!.patient} has no coverage after priority 1`);
    const toBcbs = await export837(o, 'bcbstx');
    expect(toBcbs.claims.filter((id) => secondaries.some((s) => s.id === id)).sort()).toEqual(secondaries.map((s) => s.id).sort());
    const read = read837(toBcbs.text);
    expect(read.errors).toEqual([]);
    for (const s of secondaries) {
      const c = read.claims.find((x) => x.id === s.id)!;
      expect(c.otherPayers.map((p) => [p.responsibility, p.filingIndicator, p.paidCents])).toEqual([['P', 'MB', 0]]);
      expect(c.lines.every((l) => l.adjudications.length === 1 && l.adjudications[0]!.paidCents === 0)).toBe(true);
    }
    // BCBS TX pays them in full: nothing is left for the patients
    const r = respond(toBcbs.text, { payerId: '84980', control: 30, default: { kind: 'pay' } });
    await o.call('remit.receive', upload('bcbs-277.x12', r.ack277!));
    await o.call('remit.receive', upload('bcbs-835.x12', r.remits[0]!));
    const after = await o.call('claims.list', {});
    for (const s of secondaries) expect(after.find((c) => c.id === s.id)).toMatchObject({ status: 'paid', paidCents: s.chargeCents, balanceCents: 0 });
  });

  it('R-CO-3: with billSecondaryWithOwnCodes the supplement is billed with its own codes, the engine findings kept', async () => {
    const { o, claims, medicareClaims, supplemented } = await demoAfterMedicare(true);
    const secondaries = claims.filter((c) => c.primaryClaim);
    expect(secondaries.map((c) => c.primaryClaim).sort()).toEqual(medicareClaims.filter((c) => supplemented.has(c.patient)).map((c) => c.id).sort());
    expect(secondaries.length).toBeGreaterThan(0);
    for (const s of secondaries) {
      const chain = await o.call('claims.chain', { claim: s.primaryClaim! });
      expect(chain.followups.map((f) => f.message)).toEqual([`secondary claim ${s.id} drafted to Blue Cross and Blue Shield of Texas (priority 2) with its own codes (R-CO-3)`]);
      // the per diem is an S-code the supplement pays and Medicare never saw
      expect(s.lines[0]!.code).toMatch(/^S9\d{3}$/);
    }
    // the engine's findings for the supplement (its prior authorization rule, R-CL-5) keep them from export, named
    const out = await o.call('billing.export837', { payer: 'bcbstx', acceptWarnings: true });
    for (const s of secondaries) {
      expect(out.claims).not.toContain(s.id);
      expect(out.leftOut.find((l) => l.claim === s.id)?.reason).toMatch(/no prior authorization, which Blue Cross and Blue Shield of Texas requires for S9\d{3}/);
    }
  });
});
