// Issue 13 done-when, through the handler table on a stored office: the primary's 835 posts →
// the secondary is drafted in the same transaction (R-CO-1) → exported as an 837P with SBR*S and
// 2320/2330/2430 that balance (R-CO-2) → the test payer answers → the tertiary → its 835 → the
// patient's share (R-CO-4) in `ar.report` and a statement PDF. Reversals hold or void the followers.
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { read837 } from '../../electron/export/x12/read837.ts';
import { upload } from '../support/remitOffice.ts';
import { respond } from '../support/testPayer.ts';
import {
  answer, export837, openCobOffice, type CobOffice, P1002_CLAIM, P1002_PLAN, PRIMARY, PRIMARY_PLAN, PRIMARY_REVERSED, SECONDARY, SECONDARY_PLAN, TERTIARY, TERTIARY_PLAN,
} from '../support/cobOffice.ts';

let office: CobOffice | undefined;
afterEach(() => office?.store.close());

async function openOffice(): Promise<CobOffice> {
  office = await openCobOffice();
  return office;
}

const claimOf = async (o: CobOffice, id: string) => (await o.call('claims.list', {})).find((c) => c.id === id);
const segs = (text: string, id: string) => text.split('~\n').filter((s) => s.startsWith(`${id}*`));

async function pdfText(base64: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    pages.push(c.items.map((x) => ('str' in x ? x.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

describe('issue 13 on a stored office: primary → secondary → tertiary → the patient', () => {
  it('R-CO-1..4: each 835 drafts the next payer, the 837Ps carry and balance the earlier payers, the patient owes the last PR', async () => {
    const o = await openOffice();
    // P1002 (AllWays, then a BCBS TX coverage that ended before October): no secondary, and the reason
    await answer(o, 'allways', P1002_PLAN);
    const p1002 = await o.call('claims.chain', { claim: P1002_CLAIM });
    expect(p1002.followers).toEqual([]);
    expect(p1002.followups.map((f) => [f.kind, f.message])).toEqual([
      ['none', expect.stringMatching(/^the coverage with bcbstx \(priority 2, open…2026-09-30\) is not active on the dates of line\(s\) 1, 2/)],
    ]);

    // the primary's 835: paid 1,498.50, PR 58.00 and a denied line (25.50) → the secondary drafted in the same transaction
    const primary = await answer(o, 'bcbstx', PRIMARY_PLAN);
    expect(primary.posted.claims).toEqual([{ id: PRIMARY, status: 'paid' }]);
    expect(await claimOf(o, PRIMARY)).toMatchObject({ status: 'paid', chargeCents: 160200, paidCents: 149850, patientResponsibilityCents: 5800 });
    const secondary = await claimOf(o, SECONDARY);
    expect(secondary).toMatchObject({ id: SECONDARY, patient: 'P1001', payer: 'allways', frequency: '1', status: 'draft', primaryClaim: PRIMARY, chargeCents: 160200 });
    expect(secondary!.lines).toHaveLength(28);
    const chain = await o.call('claims.chain', { claim: PRIMARY });
    expect(chain.primary).toBeNull();
    expect(chain.followers).toEqual([{ id: SECONDARY, payer: 'allways', payerName: 'AllWays Health Partners', priority: 2, status: 'draft', totalCents: 160200 }]);
    expect(chain.followups.map((f) => [f.kind, f.followerId, f.message])).toEqual([
      ['drafted', SECONDARY, `secondary claim ${SECONDARY} drafted to AllWays Health Partners (priority 2)`],
    ]);
    expect((await o.call('claims.chain', { claim: SECONDARY })).primary).toEqual({ id: PRIMARY, payer: 'bcbstx', payerName: 'Blue Cross and Blue Shield of Texas', priority: 1, status: 'paid', totalCents: 160200 });
    // a rebuild of October keeps the drafted secondary (it is not the build's)
    await o.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
    expect((await claimOf(o, SECONDARY))?.status).toBe('draft');
    // while the primary's PR went on to AllWays, it is not the patient's
    expect((await o.call('ar.report', { asOf: '2026-11-26' })).patients.find((p) => p.patient === 'P1001')).toBeUndefined();

    // the secondary as an 837P: SBR*S, the primary in 2320/2330A/2330B, one 2430 per line; it balances (R-CO-2)
    const toAllways = await answer(o, 'allways', SECONDARY_PLAN);
    expect(toAllways.sent.claims).toEqual([SECONDARY]);
    const file = toAllways.sent.text;
    const read = read837(file);
    expect(read.errors).toEqual([]);
    expect(segs(file, 'SBR')).toEqual(['SBR*S*18*AWG7******CI', 'SBR*P*18*G100******BL']);
    expect(segs(file, 'AMT').filter((a) => a.startsWith('AMT*D'))).toEqual(['AMT*D*1498.5']);
    expect(segs(file, 'AMT').slice(1, 3)).toEqual(['AMT*EAF*58', 'AMT*EAF*0']);
    expect(segs(file, 'CLM')[0]).toMatch(/^CLM\*PDMG2TY2V6MD-2\*1602\*/);
    expect(segs(file, 'NM1').filter((s) => /^NM1\*(IL|PR)\*/.test(s))).toEqual([
      'NM1*IL*1*GARZA*HELEN****MI*AW900100', 'NM1*PR*2*ALLWAYS HEALTH PARTNERS*****PI*04293',
      'NM1*IL*1*GARZA*HELEN****MI*XOB123456789', 'NM1*PR*2*BLUE CROSS AND BLUE SHIELD OF TEXAS*****PI*84980',
    ]);
    expect(segs(file, 'REF').filter((s) => s.startsWith('REF*F8'))).toEqual([`REF*F8*${primary.r.payerClaimNumbers[PRIMARY]}`]);
    const svd = segs(file, 'SVD');
    expect(svd).toHaveLength(28);
    expect(svd.slice(0, 2)).toEqual(['SVD*84980*32*HC:S9500**1', 'SVD*84980*0*HC:J0696**6']);
    expect(read.claims[0]!.otherPayers.map((p) => [p.responsibility, p.payerId, p.paidCents])).toEqual([['P', '84980', 149850]]);
    expect(segs(file, 'CAS').slice(0, 3)).toEqual(['CAS*CO*45*20', 'CAS*PR*1*50**2*8', 'CAS*CO*96*25.5']);
    expect(segs(file, 'DTP').filter((s) => s.startsWith('DTP*573'))).toHaveLength(29);
    // the primary 835's MOA remarks, stored with its posting and copied into the drafted secondary, go in 2320 after OI
    expect(file).toContain('AMT*D*1498.5~\nOI***Y*P**Y~\nMOA***N130*N381~\nNM1*IL*1*GARZA*HELEN****MI*XOB123456789~');
    expect(read.claims[0]!.otherPayers.map((p) => p.remarks)).toEqual([['N130', 'N381']]);

    // AllWays paid 66.90 and left 16.60 → the tertiary to State Medicaid carries both earlier payers
    expect(toAllways.posted.claims).toEqual([{ id: SECONDARY, status: 'paid' }]);
    expect(await claimOf(o, SECONDARY)).toMatchObject({ paidCents: 6690, patientResponsibilityCents: 1660 });
    expect(await claimOf(o, TERTIARY)).toMatchObject({ payer: 'statemcd', status: 'draft', primaryClaim: SECONDARY });
    expect((await o.call('claims.chain', { claim: PRIMARY })).followers.map((f) => [f.id, f.priority])).toEqual([[SECONDARY, 2], [TERTIARY, 3]]);
    const toMedicaid = await answer(o, 'statemcd', TERTIARY_PLAN);
    const third = toMedicaid.sent.text;
    expect(read837(third).errors).toEqual([]);
    expect(segs(third, 'SBR')).toEqual(['SBR*T*18*******MC', 'SBR*P*18*G100******BL', 'SBR*S*18*AWG7******CI']);
    expect(segs(third, 'AMT').filter((a) => a.startsWith('AMT*D'))).toEqual(['AMT*D*1498.5', 'AMT*D*66.9']);
    expect(segs(third, 'SVD')).toHaveLength(56);
    // BCBS TX sent remark codes, AllWays none: one MOA, in the first 2320 only
    expect(segs(third, 'MOA')).toEqual(['MOA***N130*N381']);
    expect(third).toContain('AMT*D*66.9~\nOI***Y*P**Y~\nNM1*IL*1*GARZA*HELEN****MI*AW900100~');

    // State Medicaid paid 13.60 and left 3.00: no coverage is left, so the 3.00 is the patient's (R-CO-4)
    expect(await claimOf(o, TERTIARY)).toMatchObject({ status: 'paid', paidCents: 1360, patientResponsibilityCents: 300 });
    // no coverage after the tertiary: posting passes it over quietly; asked by hand, it says why
    expect((await o.call('claims.chain', { claim: TERTIARY })).followups.map((f) => [f.claimId, f.kind, f.followerId])).toEqual([[SECONDARY, 'drafted', TERTIARY]]);
    expect(await o.fail('claims.sendToNextPayer', { claim: TERTIARY })).toBe(`No claim to the next payer for claim ${TERTIARY}: patient P1001 has no coverage after priority 3`);
    const ar = await o.call('ar.report', { asOf: '2026-11-26' });
    expect(ar.patients.find((p) => p.patient === 'P1001')).toMatchObject({ patientResponsibilityCents: 300 });
    expect(ar.patients.find((p) => p.patient === 'P1002')).toMatchObject({ patientResponsibilityCents: 2000 });

    // the month's statements: P1001 owes 3.00, P1002 20.00 (the AllWays coinsurance); one patient alone on request
    const all = await o.call('statements.print', { month: '2026-10' });
    expect(all.statements).toEqual([
      { patient: 'P1001', name: 'Garza, Helen', owedCents: 300 },
      { patient: 'P1002', name: expect.any(String), owedCents: 2000 },
    ]);
    expect(all.file.fileName).toBe('statements-2026-10.pdf');
    const pages = await pdfText(all.file.base64);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.startsWith('PATIENT STATEMENT GARZA, HELEN 2026-10')).toBe(true);
    for (const figure of [
      '2026-10-01..2026-10-31 PDMG2TY2V6MDT1 1,602.00', 'paid by Blue Cross and Blue Shield of Texas on 2026-11-10 1,498.50',
      'paid by AllWays Health Partners on 2026-11-18 66.90', 'paid by State Medicaid on 2026-11-25 13.60', 'adjustments 20.00you owe 3.00',
      'AMOUNT DUE 3.00', 'Aging: current 3.00 31-60 days 0.00',
    ]) expect(pages[0]).toContain(figure);
    expect(pages[1]).toContain('AMOUNT DUE 20.00');
    const one = await o.call('statements.print', { month: '2026-10', patient: 'P1001' });
    expect(one.statements.map((s) => s.patient)).toEqual(['P1001']);
    expect(await o.fail('statements.print', { month: '2026-09' })).toBe('No patient owes anything for services in 2026-09: there is no statement to print');

    // the patient pays the 3.00 naming the primary claim: it goes to the tertiary, whose PR it was
    const paid = await o.call('patientPayments.record', { patient: 'P1001', cents: 300, receivedOn: '2026-11-26', method: 'check', reference: '311', claim: PRIMARY });
    expect([paid.payment.applications, paid.owedCents]).toEqual([[{ claimId: TERTIARY, cents: 300 }], 0]);
    expect(await claimOf(o, TERTIARY)).toMatchObject({ patientResponsibilityCents: 300, patientPaidCents: 300, patientBalanceCents: 0 });
    expect(await claimOf(o, SECONDARY)).toMatchObject({ patientResponsibilityCents: 1660, patientPaidCents: 0, patientBalanceCents: 1660 });
    expect((await o.call('ar.report', { asOf: '2026-11-26' })).patients.find((p) => p.patient === 'P1001')).toMatchObject({ patientResponsibilityCents: 0, patientPaidCents: 300 });
    expect((await o.call('statements.print', { month: '2026-10' })).statements.map((s) => s.patient)).toEqual(['P1002']);
  });

  it('CMS-1500: a stored secondary prints with the primary\'s remittance page after its form', async () => {
    const o = await openOffice();
    await answer(o, 'bcbstx', PRIMARY_PLAN);
    const out = await o.call('billing.exportPdf', { payer: 'allways', form: 'full', preview: true, acceptWarnings: true });
    expect(out.claims).toEqual([SECONDARY, P1002_CLAIM]);
    const pages = await pdfText(out.file!.base64);
    // 28 lines: five form pages, then BCBS TX's remittance for the claim; P1002's form (two pages) has none
    const remit = pages.findIndex((t) => t.startsWith(`Remittance for claim ${SECONDARY}: primary payer's adjudication`));
    expect(remit).toBe(5);
    expect(pages).toHaveLength(8);
    expect(out.pages).toBe(7); // the forms' pages
    expect(pages[remit]).toContain('1,498.50');
    expect(pages.filter((t) => t.startsWith('Remittance for claim'))).toHaveLength(1);
  });

  it('CMS-1500: the remittance pages can be left out (remittancePages: false): the forms alone', async () => {
    const o = await openOffice();
    await answer(o, 'bcbstx', PRIMARY_PLAN);
    const out = await o.call('billing.exportPdf', { payer: 'allways', form: 'full', preview: true, acceptWarnings: true, remittancePages: false });
    expect(out.claims).toEqual([SECONDARY, P1002_CLAIM]);
    const pages = await pdfText(out.file!.base64);
    expect([pages.length, out.pages]).toEqual([7, 7]);
    expect(pages.filter((t) => t.startsWith('Remittance for claim'))).toEqual([]);
  });

  it('R-AR-1 / R-CO-4: a coverage made active after the primary paid: its PR waits for that payer in ar.report as in the statements', async () => {
    const o = await openOffice();
    const chart = await o.call('patients.chart', { id: 'P1001' });
    const allways = chart.patient.coverages.find((c) => c.priority === 2)!;
    const moved = await o.call('patients.saveCoverage', { patient: 'P1001', index: 1, coverage: { ...allways, from: '2026-11-01' }, version: chart.version });
    expect(moved.coverages[1]!.from).toBe('2026-11-01');
    await answer(o, 'bcbstx', PRIMARY_PLAN);
    expect(await claimOf(o, SECONDARY)).toBeUndefined();
    // no payer is left for October: the 58.00 is the patient's, in both places
    const owes = async () => [
      (await o.call('ar.report', { asOf: '2026-11-26' })).patients.find((p) => p.patient === 'P1001')?.patientResponsibilityCents ?? 0,
      (await o.call('statements.print', { month: '2026-10', patient: 'P1001' }).then((r) => r.statements.map((x) => x.owedCents), () => [] as number[])),
    ];
    expect(await owes()).toEqual([5800, [5800]]);
    // the office learns the AllWays coverage covered October after all: bill it first, the patient owes nothing yet
    const again = await o.call('patients.chart', { id: 'P1001' });
    await o.call('patients.saveCoverage', { patient: 'P1001', index: 1, coverage: { ...allways, from: undefined }, version: again.version });
    expect(await owes()).toEqual([0, []]);
  });

  it('R-CO-1: a coverage saved from the chart keeps its dates; a coverage that starts after October gets no secondary', async () => {
    const o = await openOffice();
    const chart = await o.call('patients.chart', { id: 'P1001' });
    const allways = chart.patient.coverages.find((c) => c.priority === 2)!;
    const saved = await o.call('patients.saveCoverage', { patient: 'P1001', index: 1, coverage: { ...allways, from: '2026-11-01' }, version: chart.version });
    expect(saved.coverages.map((c) => [c.priority, c.from ?? null, c.to ?? null])).toEqual([[1, null, null], [2, '2026-11-01', null], [3, '2026-01-01', '2026-12-31']]);
    await answer(o, 'bcbstx', PRIMARY_PLAN);
    expect((await o.call('claims.chain', { claim: PRIMARY })).followups.map((f) => f.message)).toEqual([
      expect.stringMatching(/^the coverage with allways \(priority 2, 2026-11-01…open\) is not active on the dates of line\(s\) 1, 2, 3/),
    ]);
    expect(await claimOf(o, SECONDARY)).toBeUndefined();
  });

  it('R-CO-2: an export of a stored secondary that no longer balances is blocked, naming the claim and line', async () => {
    const o = await openOffice();
    await answer(o, 'bcbstx', PRIMARY_PLAN);
    // someone changed the stored adjudication (paid 32.00 → 30.00 on line 1): the export refuses it
    o.store.db.prepare(`UPDATE claims SET prior_payers = replace(prior_payers, '"paidCents":3200', '"paidCents":3000') WHERE id = ?`).run(SECONDARY);
    const out = await o.call('billing.export837', { payer: 'allways', acceptWarnings: true });
    expect(out.claims).toEqual([P1002_CLAIM]);
    expect(out.leftOut).toEqual([{ claim: SECONDARY, reason: expect.stringContaining('claim PDMG2TY2V6MD-2, bcbstx (priority 1), line 1 (S9500): charge 110.00 ≠ paid 30.00 + adjustments 78.00 = 108.00') }]);
    expect((await claimOf(o, SECONDARY))?.status).toBe('draft');
  });
});

describe('issue 13 item 6: the primary reversed its payment', () => {
  it('a draft secondary is held with an error, so it cannot be exported', async () => {
    const o = await openOffice();
    const { r } = await answer(o, 'bcbstx', PRIMARY_REVERSED);
    await o.call('remit.receive', upload('reversal.x12', r.remits[1]!));
    const chain = await o.call('claims.chain', { claim: PRIMARY });
    expect(chain.followups.map((f) => [f.kind, f.followerId])).toEqual([['drafted', SECONDARY], ['hold', SECONDARY]]);
    expect(chain.followups[1]!.message).toMatch(/^held: bcbstx reversed its payment on claim PDMG2TY2V6MDT1 \(remittance \S+, 2026-11-10\); its adjudication no longer stands$/);
    const out = await o.call('billing.export837', { payer: 'allways', acceptWarnings: true });
    expect(out.claims).toEqual([P1002_CLAIM]);
    expect(out.leftOut).toEqual([{ claim: SECONDARY, reason: expect.stringContaining('1 error: held: bcbstx reversed its payment on claim PDMG2TY2V6MDT1') }]);
  });

  it('after the secondary was sent: its void (frequency 8, REF*F8 = AllWays claim number) is drafted and says why', async () => {
    const o = await openOffice();
    const primary = await answer(o, 'bcbstx', PRIMARY_REVERSED);
    // the secondary goes out and AllWays accepts it (277CA REF*1K); its 835 has not come yet
    const sent = await export837(o, 'allways');
    expect(sent.claims).toEqual([SECONDARY, P1002_CLAIM]);
    const allways = respond(sent.text, SECONDARY_PLAN);
    await o.call('remit.receive', upload('allways-277.x12', allways.ack277!));
    expect((await claimOf(o, SECONDARY))?.status).toBe('accepted');
    // then BCBS TX takes its payment back
    await o.call('remit.receive', upload('reversal.x12', primary.r.remits[1]!));
    const chain = await o.call('claims.chain', { claim: PRIMARY });
    const voidId = 'PDMG2TY2V6MDV1';
    expect(chain.followups.map((f) => [f.kind, f.followerId])).toEqual([['drafted', SECONDARY], ['void', SECONDARY]]);
    expect(chain.followups[1]!.message).toMatch(new RegExp(`^void: bcbstx reversed its payment on claim ${PRIMARY} .*: void claim ${voidId} drafted$`));
    expect(await claimOf(o, voidId)).toMatchObject({ frequency: '8', status: 'draft', payer: 'allways', replaces: SECONDARY, payerClaimNumber: null });
    const voidFile = await export837(o, 'allways');
    expect(voidFile.claims).toEqual([voidId]);
    expect(read837(voidFile.text).errors).toEqual([]);
    expect(segs(voidFile.text, 'CLM')[0]).toMatch(/^CLM\*PDMG2TY2V6MDV1\*1602\*\*\*12:B:8\*/);
    expect(segs(voidFile.text, 'REF').filter((s) => s.startsWith('REF*F8'))).toContain(`REF*F8*${allways.payerClaimNumbers[SECONDARY]}`);
    // the patient owes nothing yet: BCBS TX has to pay again first
    const ar = await o.call('ar.report', { asOf: '2026-11-26' });
    expect(ar.patients.find((p) => p.patient === 'P1001')?.patientResponsibilityCents ?? 0).toBe(0);
  });

  it('"send to next payer" by hand drafts the secondary again once the held one is gone, or says why not', async () => {
    const o = await openOffice();
    await answer(o, 'bcbstx', PRIMARY_PLAN);
    expect(await o.fail('claims.sendToNextPayer', { claim: P1002_CLAIM })).toMatch(/^No claim to the next payer for claim PDT8SEDGXZGVKZ: claim PDT8SEDGXZGVKZ has no standing payment/);
    // the draft is replaced (never sent), under the same id
    expect(await o.call('claims.sendToNextPayer', { claim: PRIMARY })).toEqual({ claimId: PRIMARY, kind: 'drafted', followerId: SECONDARY, message: `secondary claim ${SECONDARY} drafted to AllWays Health Partners (priority 2)` });
    expect((await o.call('claims.list', {})).filter((c) => c.primaryClaim === PRIMARY).map((c) => c.id)).toEqual([SECONDARY]);
  });
});
