// The store and services of issue 12 on the example office's own 837P: the test payer answers
// the October export and `remit.receive` applies its 999, 277CA and 835s (docs/remittances.md).
import { afterEach, describe, expect, it } from 'vitest';
import { exampleAfterExport, upload, type RemitOffice } from '../support/remitOffice.ts';
import { respond, type PayerPlan } from '../support/testPayer.ts';

const BCBS = 'PDMG2TY2V6MDT1'; // P1001 at bcbstx, 28 lines, 1,602.00
const ALLWAYS = 'PDT8SEDGXZGVKZ'; // P1002 at allways, 8 lines, 7,020.00
const AS_BCBS = { payerId: '84980', payerName: 'BLUE CROSS BLUE SHIELD OF TEXAS' } as const;

/** line 1 allowed 90.00 with 10.00 coinsurance, line 2 denied CO-16 (M119), the rest paid in full */
const PLAN: PayerPlan = {
  ...AS_BCBS,
  default: { kind: 'pay' },
  claims: { [BCBS]: { lines: { 1: { kind: 'pay', allowedCents: 9000, coinsuranceCents: 1000 }, 2: { kind: 'deny', group: 'CO', reason: '16', remarks: ['M119'] } } } },
};

let office: RemitOffice | undefined;
afterEach(() => office?.close());

async function answered(plan: PayerPlan = PLAN) {
  office = await exampleAfterExport();
  return { o: office, r: respond(office.sent.bcbstx!, plan) };
}

async function receiveAll(o: RemitOffice, files: readonly string[]) {
  const out = [];
  for (const [i, f] of files.entries()) out.push(await o.call('remit.receive', upload(`in-${i + 1}.x12`, f)));
  return out;
}

async function claim(o: RemitOffice, id: string) {
  return (await o.call('claims.list', {})).find((c) => c.id === id)!;
}

describe('remit.receive on the example office (R-AK-1, R-RA-1..5, R-AR-1)', () => {
  it('R-AK-1 R-RA-2: the 999 keeps the claim exported, the 277CA accepts it with REF*1K, the 835 pays it: every cent', async () => {
    const { o, r } = await answered();
    const [a999, a277, a835] = await receiveAll(o, [r.ack999, r.ack277!, r.remits[0]!]);
    expect(a999).toMatchObject({ kind: '999', status: 'applied', claims: [{ id: BCBS, status: 'exported' }] });
    expect(a277).toMatchObject({ kind: '277CA', status: 'applied', claims: [{ id: BCBS, status: 'accepted' }] });
    expect(a835).toMatchObject({ kind: '835', status: 'applied', claims: [{ id: BCBS, status: 'paid' }], unmatched: [] });
    const c = await claim(o, BCBS);
    expect(c).toMatchObject({
      status: 'paid', payerClaimNumber: r.payerClaimNumbers[BCBS], chargeCents: 160200, paidCents: 154650,
      patientResponsibilityCents: 1000, adjustmentCents: 4550, balanceCents: 0, writtenOffCents: 0,
    });
    expect(c.lines[0]).toMatchObject({ line: 1, chargeCents: 11000, paidCents: 8000 });
    expect(c.lines[0]!.adjustments.map((a) => [a.group, a.reason, a.cents])).toEqual([['CO', '45', 2000], ['PR', '2', 1000]]);
    expect(c.lines[1]).toMatchObject({ line: 2, code: 'J0696', chargeCents: 2550, paidCents: 0, remarks: ['M119'] });
    expect(c.lines[1]!.adjustments.map((a) => [a.group, a.reason, a.cents])).toEqual([['CO', '16', 2550]]);
    for (const l of c.lines.slice(2)) expect(l.paidCents).toBe(l.chargeCents);
    // the other payer's claim is untouched and still open for its whole charge
    expect(await claim(o, ALLWAYS)).toMatchObject({ status: 'exported', paidCents: 0, balanceCents: 702000 });
    expect((await o.call('remit.files', undefined)).map((f) => [f.fileName, f.status, f.kinds])).toEqual([
      ['in-3.x12', 'applied', ['835']], ['in-2.x12', 'applied', ['277CA']], ['in-1.x12', 'applied', ['999']],
    ]);
  });

  it('R-RA-4: the same file twice is a duplicate and changes nothing; the download gives the bytes back', async () => {
    const { o, r } = await answered();
    await receiveAll(o, [r.ack277!, r.remits[0]!]);
    const before = await o.call('claims.list', {});
    const again = await o.call('remit.receive', upload('again.x12', r.remits[0]!));
    expect(again).toMatchObject({ kind: '835', status: 'duplicate', claims: [] });
    expect(again.message).toMatch(/received before/);
    expect(await o.call('claims.list', {})).toEqual(before);
    // re-enveloped by a clearinghouse (other ISA13): the remittance is still the same
    const reenveloped = r.remits[0]!.replace(/\*00000000(\d)\*0\*T\*/, '*000000777*0*T*').replace(/IEA\*1\*00000000\d/, 'IEA*1*000000777');
    expect(reenveloped).not.toBe(r.remits[0]);
    expect(await o.call('remit.receive', upload('other-envelope.x12', reenveloped))).toMatchObject({ status: 'duplicate' });
    expect(await o.call('claims.list', {})).toEqual(before);
    const files = await o.call('remit.files', undefined);
    const download = await o.call('remit.download', { id: files.find((f) => f.fileName === 'in-2.x12')!.id });
    expect(Buffer.from(download.base64, 'base64').toString('latin1')).toBe(r.remits[0]);
  });

  it('R-RA-3: an 835 that does not balance is refused whole with the segment, position and figures', async () => {
    const { o, r } = await answered();
    await receiveAll(o, [r.ack277!]);
    const bad = r.remits[0]!.replace(/CLP\*PDMG2TY2V6MDT1\*1\*1602\*1546\.5/, 'CLP*PDMG2TY2V6MDT1*1*1602*1548.5');
    expect(bad).not.toBe(r.remits[0]);
    const out = await o.call('remit.receive', upload('bad.x12', bad));
    expect(out.status).toBe('refused');
    expect(out.segment?.id).toBe('CLP');
    expect(out.message).toMatch(/^the remittance does not balance \(R-RA-3\): CLP at segment \d+ \(claim PDMG2TY2V6MDT1\): charge 1,602.00 − paid 1,548.50 = 53.50 but adjustments total 55.50/);
    expect(await claim(o, BCBS)).toMatchObject({ status: 'accepted', paidCents: 0, balanceCents: 160200 });
    expect((await o.call('remit.files', undefined))[0]).toMatchObject({ fileName: 'bad.x12', status: 'refused' });
    // the good file still applies afterwards
    expect((await o.call('remit.receive', upload('good.x12', r.remits[0]!))).status).toBe('applied');
  });

  it('a file that is not X12 is refused naming the segment', async () => {
    office = await exampleAfterExport();
    const out = await office.call('remit.receive', upload('note.txt', 'hello'));
    expect(out).toMatchObject({ status: 'refused', kind: null });
    expect(out.message).toMatch(/segment 1/);
  });

  it('R-RA-4: a reversal restores the open balance and the claim reads reversed', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { reverseOnly: true } } });
    await receiveAll(o, [r.ack277!, r.remits[0]!]);
    expect(await claim(o, BCBS)).toMatchObject({ status: 'paid', paidCents: 160200, balanceCents: 0 });
    const [second] = await receiveAll(o, [r.remits[1]!]);
    expect(second).toMatchObject({ status: 'applied', claims: [{ id: BCBS, status: 'reversed' }] });
    expect(await claim(o, BCBS)).toMatchObject({ status: 'reversed', paidCents: 0, adjustmentCents: 0, patientResponsibilityCents: 0, balanceCents: 160200 });
    const ar = await o.call('ar.report', { asOf: '2026-11-30' });
    expect(ar.rows.find((x) => x.payer === 'bcbstx')).toMatchObject({ cents: [160200, 0, 0, 0, 0], totalCents: 160200 });
  });

  it('R-RA-4: every view reads a reversed claim as reversed: claims.list, the workbench, its detail and the chart', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { reverseOnly: true } } });
    await receiveAll(o, [r.ack277!, r.remits[0]!, r.remits[1]!]);
    const october = await o.call('billing.listClaims', { from: '2026-10-01', to: '2026-10-31' });
    const row = october.claims.find((c) => c.id === BCBS)!;
    const detail = await o.call('billing.getClaim', { id: BCBS });
    const chart = await o.call('patients.chart', { id: row.patient });
    expect([(await claim(o, BCBS)).status, row.status, detail.row.status, chart.claims.find((c) => c.id === BCBS)!.status]).toEqual(['reversed', 'reversed', 'reversed', 'reversed']);
    // the other claims read as their column says
    expect(october.claims.find((c) => c.id === ALLWAYS)!.status).toBe('exported');
  });

  it('R-RA-1: an 835 from a payer we do not know lands whole in unmatched, its money in suspense', async () => {
    const { o, r } = await answered({ default: { kind: 'pay' }, payerId: 'ZZ999', payerName: 'SOMEONE ELSE' });
    const out = await o.call('remit.receive', upload('theirs.x12', r.remits[0]!));
    expect(out.status).toBe('applied');
    expect(out.claims).toEqual([]);
    expect(out.unmatched.map((u) => [u.kind, u.cents])).toEqual([['claim', 160200]]);
    expect(await claim(o, BCBS)).toMatchObject({ status: 'exported', paidCents: 0, balanceCents: 160200 });
    const open = await o.call('remit.unmatched', {});
    expect(open).toHaveLength(1);
    const done = await o.call('remit.resolveUnmatched', { id: open[0]!.id, resolution: 'returned to the payer' });
    expect(done).toMatchObject({ resolution: 'returned to the payer', resolvedBy: 'system' });
    expect(await o.call('remit.unmatched', {})).toEqual([]);
  });

  it('R-AK-1: a 277CA rejection puts the claim in the denial queue; resubmitting rebuilds it as a new original', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { reject: { category: 'A7', status: '33', entity: 'IL' } } } });
    await receiveAll(o, [r.ack277!]);
    const groups = await o.call('denials.list', {});
    expect(groups.map((g) => [g.key, g.cents, g.items.map((i) => [i.claimId, i.status, i.resubmitAs])])).toEqual([['REJECTED', 160200, [[BCBS, 'rejected', 'original']]]]);
    const out = await o.call('denials.resubmit', { claim: BCBS });
    expect(out.frequency).toBe('1');
    expect(out.newClaims).toHaveLength(1);
    expect(out.newClaims[0]).not.toBe(BCBS);
    const fresh = await claim(o, out.newClaims[0]!);
    expect(fresh).toMatchObject({ status: 'draft', frequency: '1', payer: 'bcbstx', chargeCents: 160200 });
    expect(await o.call('denials.list', {})).toEqual([]);
  });

  it('R-AK-1 R-CL-8: a rejected original closes no dates: a build of its dates makes a new original (frequency 1, no REF*F8) that exports', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { reject: { category: 'A7', status: '33', entity: 'IL' } } } });
    await receiveAll(o, [r.ack277!]);
    const built = await o.call('billing.build', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx' });
    const fresh = built.claims.filter((c) => c.status === 'draft');
    expect(fresh.map((c) => [c.frequency, c.totalCents, c.lineCount, c.errors])).toEqual([['1', 160200, 28, 0]]);
    expect(fresh[0]!.id).not.toBe(BCBS);
    expect(built.claims.find((c) => c.id === BCBS)).toMatchObject({ status: 'rejected', frequency: '1' });
    expect(built.unattached.filter((f) => f.rule === 'R-CL-8')).toEqual([]);
    const out = await o.call('billing.export837', { payer: 'bcbstx', acceptWarnings: true });
    expect(out.claims).toEqual([fresh[0]!.id]);
    const text = Buffer.from(out.file!.base64, 'base64').toString('latin1');
    expect(text).toContain(`CLM*${fresh[0]!.id}*1602*`);
    expect(text).toMatch(new RegExp(`CLM\\*${fresh[0]!.id}\\*1602\\*\\*\\*12:B:1\\*`));
    expect(text).not.toContain('REF*F8');
    // the rejected claim stays rejected; its dates went out again, so it leaves the denial queue
    expect((await claim(o, BCBS)).status).toBe('rejected');
    expect(await o.call('denials.list', {})).toEqual([]);
    const closed = await o.call('denials.list', { includeClosed: true });
    expect(closed.flatMap((g) => g.items.map((i) => [i.claimId, i.resubmittedAs, i.resubmitAs]))).toEqual([[BCBS, fresh[0]!.id, null]]);
  });

  it('R-AK-1 R-CL-8: the payer pays a rejected original whose dates were billed again: the payment posts and a person is asked to settle the double', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { reject: { category: 'A7', status: '33', entity: 'IL' } } } });
    await receiveAll(o, [r.ack277!]);
    const built = await o.call('billing.build', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx' });
    const fresh = built.claims.find((c) => c.status === 'draft')!.id;
    // the same payer pays the claim it had rejected (a payer error or a late reversal of its rejection)
    const paid = respond(o.sent.bcbstx!, { ...AS_BCBS, default: { kind: 'pay' } });
    const [out] = await receiveAll(o, [paid.remits[0]!]);
    expect(out).toMatchObject({ kind: '835', status: 'applied', claims: [{ id: BCBS, status: 'paid' }] });
    expect(out!.unmatched.map((u) => [u.kind, u.claimId, u.cents, u.reason])).toEqual([[
      'claim', BCBS, 0,
      expect.stringMatching(new RegExp(`^claim ${BCBS} \\(CLP at segment \\d+\\) was rejected, but the payer paid it; its services were billed again on claim ${fresh}: void that claim if it is not paid yet, or ask the payer to take one payment back`)),
    ]]);
    expect(await claim(o, BCBS)).toMatchObject({ status: 'paid', paidCents: 160200, balanceCents: 0 });
    o.close();
    // a paid claim whose dates were never billed again asks nothing
    const other = await answered();
    const [plain] = await receiveAll(other.o, [other.r.ack277!, other.r.remits[0]!]).then((x) => x.slice(1));
    expect(plain!.unmatched).toEqual([]);
  });

  it('R-AK-1: a 999 that rejects the set frees every claim in it; a build makes them new originals', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, syntaxErrorIn: BCBS });
    await receiveAll(o, [r.ack999]);
    const built = await o.call('billing.build', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx' });
    expect(built.claims.filter((c) => c.status === 'draft').map((c) => [c.frequency, c.totalCents])).toEqual([['1', 160200]]);
  });

  it('a denial is worked: assignee, notes and follow-up; a write-off closes it and its reversal reopens it', async () => {
    const { o, r } = await answered();
    await receiveAll(o, [r.ack277!, r.remits[0]!]);
    const [group] = await o.call('denials.list', {});
    expect(group).toMatchObject({ key: 'CO-16', cents: 2550, nextStep: 'Read the remark codes (RARC), fix the claim and send it again.' });
    expect(group!.items[0]).toMatchObject({ claimId: BCBS, deniedCents: 2550, remarks: [{ code: 'M119' }], resubmitAs: 'replacement' });
    const updated = await o.call('denials.update', { claim: BCBS, assignee: 'bea', notes: 'NDC expired?', followUp: '2026-12-01' });
    expect(updated).toMatchObject({ assignee: 'bea', notes: 'NDC expired?', followUp: '2026-12-01', state: 'open' });
    const off = await o.call('denials.writeOff', { claim: BCBS, reason: 'below the cost of an appeal' });
    expect(off).toMatchObject({ claim: BCBS, openCents: 0, deniedCents: 2550 });
    expect(await o.call('denials.list', {})).toEqual([]);
    expect(await claim(o, BCBS)).toMatchObject({ writtenOffCents: 2550, balanceCents: 0 });
    const audit = o.store.db.prepare(`SELECT action, entity FROM audit_log WHERE entity = 'write_offs' OR action = 'claims.writeOff'`).all();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'create', entity: 'write_offs' }]));
    await o.call('denials.reverseWriteOff', { id: off.writeOffId });
    expect((await o.call('denials.list', {}))[0]!.items[0]).toMatchObject({ state: 'open' });
    expect(await claim(o, BCBS)).toMatchObject({ writtenOffCents: 0 });
  });

  it('R-CL-9: a denied claim resubmits as a replacement carrying the stored payer claim number', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'deny', group: 'CO', reason: '197' } });
    await receiveAll(o, [r.ack277!, r.remits[0]!]);
    expect(await claim(o, BCBS)).toMatchObject({ status: 'denied', paidCents: 0, adjustmentCents: 160200, balanceCents: 0 });
    const out = await o.call('denials.resubmit', { claim: BCBS });
    expect(out.frequency).toBe('7');
    const detail = await o.call('billing.getClaim', { id: out.newClaims[0]! });
    expect(detail.claim).toMatchObject({ frequency: '7', originalClaimNumber: r.payerClaimNumbers[BCBS] });
  });

  it('R-AK-1 R-CL-8: a rejected replacement keeps its dates (the payer still holds the original it corrects); only a rejected original gives them up', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'deny', group: 'CO', reason: '197' } });
    await receiveAll(o, [r.ack277!, r.remits[0]!]);
    const replacement = (await o.call('denials.resubmit', { claim: BCBS })).newClaims[0]!;
    const out = await o.call('billing.export837', { payer: 'bcbstx', acceptWarnings: true });
    expect(out.claims).toEqual([replacement]);
    const answer = respond(Buffer.from(out.file!.base64, 'base64').toString('latin1'), {
      ...AS_BCBS, control: 60, default: { kind: 'pay' }, claims: { [replacement]: { reject: { category: 'A7', status: '33', entity: 'IL' } } },
    });
    await receiveAll(o, [answer.ack277!]);
    expect((await claim(o, replacement)).status).toBe('rejected');
    const live = (id: string) => o.store.db.prepare('SELECT count(*) FROM claim_keys WHERE claim_id = ? AND live = 1').pluck().get(id);
    expect(live(replacement)).toBeGreaterThan(0);
    // a build of its dates makes no new original beside the replacement the payer rejected
    const built = await o.call('billing.build', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx' });
    expect(built.claims.filter((c) => c.status === 'draft')).toEqual([]);
  });

  it('R-AR-1: aging by payer from the send date or the date of service, patients, cash per week, denial rate', async () => {
    const { o, r } = await answered();
    await receiveAll(o, [r.ack277!, r.remits[0]!]);
    const sent = await o.call('ar.report', { asOf: '2026-12-20' });
    expect(sent).toMatchObject({ asOf: '2026-12-20', basis: 'sent', buckets: ['0-30', '31-60', '61-90', '91-120', '120+'], totalCents: 702000 });
    expect(sent.rows).toEqual([{ payer: 'allways', payerName: 'AllWays Health Partners', cents: [0, 702000, 0, 0, 0], totalCents: 702000 }]);
    const service = await o.call('ar.report', { asOf: '2026-12-20', basis: 'service' });
    expect(service.rows[0]!.cents).toEqual([0, 0, 702000, 0, 0]);
    expect(sent.patients).toEqual([
      { patient: 'P1001', name: 'Garza, Helen', totalCents: 0, patientResponsibilityCents: 1000, patientPaidCents: 0 },
      { patient: 'P1002', name: 'Silva, Mateo', totalCents: 702000, patientResponsibilityCents: 0, patientPaidCents: 0 },
    ]);
    expect(sent.cashByWeek.find((w) => w.week === '2026-11-16')).toEqual({ week: '2026-11-16', cents: 154650 });
    expect(sent.denialRates).toEqual([expect.objectContaining({ key: 'CO-16', claims: 1, adjudicated: 1, rate: 1, cents: 2550 })]);
  });

  it('R-AK-1: a 999 that rejects the transaction set rejects every claim sent in it (by GS06 and ST02)', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, syntaxErrorIn: BCBS });
    const [out] = await receiveAll(o, [r.ack999]);
    expect(out).toMatchObject({ kind: '999', status: 'applied', claims: [{ id: BCBS, status: 'rejected' }] });
    const c = await claim(o, BCBS);
    expect(c.statusReason).toMatch(/^the transaction set 0001 was rejected \(999 R\): CLM07 in CLM at segment 19 of the transaction set \(claim PDMG2TY2V6MDT1\)/);
    expect(await claim(o, ALLWAYS)).toMatchObject({ status: 'exported' });
  });

  it('R-RA-1: provider-level adjustments go to the provider ledger, never onto a claim', async () => {
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { splitAfterLine: 20 } }, providerAdjustments: [{ reason: 'WO', reference: BCBS, cents: 5000 }, { reason: 'L6', cents: -125 }] });
    await receiveAll(o, [r.ack277!, ...r.remits]);
    const c = await claim(o, BCBS);
    expect(c).toMatchObject({ status: 'paid', paidCents: 160200, balanceCents: 0 });
    const ledger = o.store.db.prepare('SELECT reason, reference, cents, related_claim_id AS related FROM provider_adjustments ORDER BY rowid').all();
    expect(ledger).toEqual([{ reason: 'WO', reference: BCBS, cents: 5000, related: BCBS }, { reason: 'L6', reference: null, cents: -125, related: null }]);
    // and a person reads the ledger, each reason in words with what its sign means
    expect((await o.call('remit.providerLedger', undefined)).map((x) => [x.payer, x.reason, x.reference, x.cents, x.relatedClaimId, x.words])).toEqual([
      ['bcbstx', 'WO', BCBS, 5000, BCBS, "WO overpayment recovery: positive is money taken back now, negative a reversed claim's money not yet taken back"],
      ['bcbstx', 'L6', null, -125, null, expect.stringMatching(/^L6 interest/)],
    ]);
  });

  it('R-AK-1: a 277CA about a claim we never sent is kept for a person', async () => {
    const { o, r } = await answered();
    const theirs = r.ack277!.replace(`TRN*2*${BCBS}~`, 'TRN*2*NOTOURS1~');
    expect(theirs).not.toBe(r.ack277);
    const out = await o.call('remit.receive', upload('other.277', theirs));
    expect(out.claims).toEqual([]);
    expect(out.unmatched.map((u) => [u.kind, u.claimId, u.cents])).toEqual([['claim', 'NOTOURS1', 0]]);
    expect(out.unmatched[0]!.reason).toMatch(/reports on claim NOTOURS1 \(2200D at segment \d+\), which is not a claim we sent$/);
    expect(await claim(o, BCBS)).toMatchObject({ status: 'exported' });
  });

  it('R-AK-1: a TA1 that rejects our interchange (by ISA13) rejects every claim in it', async () => {
    const { o, r } = await answered();
    const isa = r.ack999.slice(0, r.ack999.indexOf('~') + 1).replace(/\*\d{9}\*0\*T\*/, '*000000077*0*T*');
    const ta1 = `${isa}\nTA1*000000001*261105*0900*R*022~\nIEA*0*000000077~\n`;
    const out = await o.call('remit.receive', upload('envelope.ta1', ta1));
    expect(out).toMatchObject({ kind: 'TA1', status: 'applied', claims: [{ id: BCBS, status: 'rejected' }] });
    expect((await claim(o, BCBS)).statusReason).toMatch(/^the clearinghouse could not read the file \(TA1 note 022/);
    expect(await claim(o, ALLWAYS)).toMatchObject({ status: 'exported' });
  });

  it('R-AK-1: a 277CA that rejects lines (2220D, REF*FJ = our REF*6R) puts the reason on those lines, in claims.list and the denial queue', async () => {
    const lines = { 2: { category: 'A7', status: '453', entity: '' }, 5: { category: 'A6', status: '212', entity: '' } };
    const { o, r } = await answered({ ...AS_BCBS, default: { kind: 'pay' }, claims: { [BCBS]: { reject: { category: 'A7', status: '21', entity: '', lines } } } });
    const [ack] = await receiveAll(o, [r.ack277!]);
    expect(ack).toMatchObject({ status: 'applied', claims: [{ id: BCBS, status: 'rejected' }] });
    const c = await claim(o, BCBS);
    expect(c.status).toBe('rejected');
    expect(c.lines.filter((l) => l.rejection !== null).map((l) => [l.line, l.code])).toEqual([[2, 'J0696'], [5, c.lines[4]!.code]]);
    expect(c.lines[1]!.rejection).toMatch(/^line 2 \(J0696\) rejected: A7 /);
    expect(c.lines[1]!.rejection).toContain('453');
    expect(c.lines[4]!.rejection).toMatch(/^line 5 \(.+\) rejected: A6 /);
    const [group] = await o.call('denials.list', {});
    expect(group!.items[0]!.lineRejections.map((x) => [x.line, x.reason])).toEqual([[2, c.lines[1]!.rejection], [5, c.lines[4]!.rejection]]);
    // the workbench's claim view shows the same words on the same lines
    const detail = await o.call('billing.getClaim', { id: BCBS });
    expect(detail.lines.map((l) => l.rejection)).toEqual(c.lines.map((l) => l.rejection));
    // the other claim of the file has no line rejections
    expect((await claim(o, ALLWAYS)).lines.every((l) => l.rejection === null)).toBe(true);
  });
});

describe('follow-up of answers that do not come (acks.md §2)', () => {
  it('R-AK-1: no 999 after 2 days, no 277CA after 7, no 835 30 days after acceptance: listed with fixed dates; the limits are office settings', async () => {
    const { o, r } = await answered();
    // exported 2026-11-05: on day 2 nothing is late, on day 3 both claims wait for their 999
    o.setNow('2026-11-07T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items).toEqual([]);
    o.setNow('2026-11-08T09:00:00');
    const late999 = await o.call('remit.followUps', undefined);
    expect(late999.days).toEqual({ syntaxDays: 2, acceptanceDays: 7, remittanceDays: 30 });
    expect(late999.items.map((i) => [i.claimId, i.waitingFor, i.since, i.days, i.limitDays])).toEqual([[BCBS, '999', '2026-11-05', 3, 2], [ALLWAYS, '999', '2026-11-05', 3, 2]]);
    // the 999 answers for the bcbstx file only: that claim now waits for its 277CA (late after 7 days)
    await receiveAll(o, [r.ack999]);
    o.setNow('2026-11-13T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items.map((i) => [i.claimId, i.waitingFor, i.days])).toEqual([[BCBS, '277CA', 8], [ALLWAYS, '999', 8]]);
    // accepted on 2026-11-13: no 835 is late on 2026-12-13, late on 2026-12-14
    await receiveAll(o, [r.ack277!]);
    o.setNow('2026-12-13T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items.filter((i) => i.claimId === BCBS)).toEqual([]);
    o.setNow('2026-12-14T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items.find((i) => i.claimId === BCBS)).toMatchObject({ waitingFor: '835', since: '2026-11-13', days: 31, limitDays: 30, status: 'accepted' });
    // paid: nothing left to follow up for it; and the office's own limits change the list
    await receiveAll(o, [r.remits[0]!]);
    expect((await o.call('remit.followUps', undefined)).items.map((i) => i.claimId)).toEqual([ALLWAYS]);
    expect(await o.call('remit.saveFollowUpDays', { syntaxDays: 60, acceptanceDays: 60, remittanceDays: 60 })).toEqual({ syntaxDays: 60, acceptanceDays: 60, remittanceDays: 60 });
    expect((await o.call('remit.followUps', undefined)).items).toEqual([]);
  });
  it('R-AK-1: a claim mailed on a printed CMS-1500 never gets a 999 or 277CA: it waits for its 835 only, 30 days from printing', async () => {
    const o = (office = await exampleAfterExport({ payers: ['bcbstx'] }));
    const printed = await o.call('billing.exportPdf', { payer: 'allways', form: 'data', acceptWarnings: true });
    expect(printed.claims).toEqual([ALLWAYS]);
    // day 3 and day 8 after sending: the 837P claim waits for its 999, the printed one for nothing
    o.setNow('2026-11-08T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items.map((i) => [i.claimId, i.waitingFor])).toEqual([[BCBS, '999']]);
    o.setNow('2026-12-05T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items.map((i) => i.claimId)).toEqual([BCBS]);
    // printed 2026-11-05: its 835 is late on 2026-12-06 (31 days), with the paper claim's next step
    o.setNow('2026-12-06T09:00:00');
    expect((await o.call('remit.followUps', undefined)).items.find((i) => i.claimId === ALLWAYS)).toEqual({
      claimId: ALLWAYS, batch: 'B000002', patient: 'P1002', patientName: expect.any(String), payer: 'allways', payerName: expect.any(String),
      status: 'exported', waitingFor: '835', since: '2026-11-05', days: 31, limitDays: 30,
      nextStep: 'Mailed on paper and not paid: check the claim status with the payer (portal or phone) and ask whether the form was received.',
    });
  });
});
