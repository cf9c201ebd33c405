// The state of the received-files, denials and AR screens against the real handler table with the
// example office: October built and exported, the test payer answering the 837P.
import { describe, expect, it } from 'vitest';
import { eachTestExampleOffice } from '../../../test/support/rendererOffice.ts';
import { respond } from '../../../test/support/testPayer.ts';
import { base64Of, ReceivedFilesState } from './received.svelte.ts';
import { DenialsState } from './denials.svelte.ts';
import { ArState } from './ar.svelte.ts';

const office = eachTestExampleOffice();
const BCBS = 'PDMG2TY2V6MDT1';
const upload = (fileName: string, text: string) => ({ fileName, base64: base64Of(new TextEncoder().encode(text)) });

async function answered() {
  await office.api.get('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  const out = await office.api.get('billing.export837', { payer: 'bcbstx', acceptWarnings: true });
  const text = new TextDecoder().decode(Uint8Array.from(atob(out.file!.base64), (c) => c.charCodeAt(0)));
  return respond(text, { payerId: '84980', default: { kind: 'pay' }, claims: { [BCBS]: { lines: { 2: { kind: 'deny', group: 'CO', reason: '16', remarks: ['M119'] } } } } });
}

describe('received files, denials and AR state', () => {
  it('receives files, lists them with their status, refuses a damaged one and gives the bytes back', async () => {
    const r = await answered();
    const s = new ReceivedFilesState(office.api);
    await s.refresh();
    expect(s.files).toEqual([]);
    const results = await s.receive([upload('ack.277', r.ack277!), upload('era.835', r.remits[0]!), upload('broken.835', r.remits[0]!.slice(0, 200))]);
    expect(results.map((x) => [x.file, x.kind, x.status])).toEqual([['ack.277', '277CA', 'applied'], ['era.835', '835', 'applied'], ['broken.835', null, 'refused']]);
    expect(s.refused[0]!.message).toMatch(/at segment \d+/);
    expect(s.files.map((f) => [f.fileName, f.status])).toEqual([['broken.835', 'refused'], ['era.835', 'applied'], ['ack.277', 'applied']]);
    const back = await s.download(s.files[1]!.id);
    expect(back?.base64).toBe(upload('x', r.remits[0]!).base64);
    expect(s.unmatched).toEqual([]);
  });

  it('R-RA-1: lists the provider ledger (PLB) with each reason in words, after the files that carried it', async () => {
    await office.api.get('billing.build', { from: '2026-10-01', to: '2026-10-31' });
    const out = await office.api.get('billing.export837', { payer: 'bcbstx', acceptWarnings: true });
    const text = new TextDecoder().decode(Uint8Array.from(atob(out.file!.base64), (c) => c.charCodeAt(0)));
    const r = respond(text, { payerId: '84980', default: { kind: 'pay' }, providerAdjustments: [{ reason: 'L6', cents: -125 }] });
    const s = new ReceivedFilesState(office.api);
    await s.refresh();
    expect(s.ledger).toEqual([]);
    await s.receive([upload('ack.277', r.ack277!), ...r.remits.map((x, i) => upload(`era-${i + 1}.835`, x))]);
    expect(s.ledger.map((x) => [x.reason, x.cents, x.reference, x.words.startsWith('L6 ')])).toEqual([['L6', -125, null, true]]);
  });

  it('works a denial: grouped by reason with words and next step, saved work, write-off', async () => {
    const r = await answered();
    await new ReceivedFilesState(office.api).receive([upload('a', r.ack277!), upload('b', r.remits[0]!)]);
    const d = new DenialsState(office.api);
    await d.load();
    expect(d.groups.map((g) => [g.key, g.cents, g.items.length])).toEqual([['CO-16', 2550, 1]]);
    expect(d.totalCents).toBe(2550);
    d.select(BCBS);
    expect(d.current?.remarks.map((x) => x.code)).toEqual(['M119']);
    d.draft = { assignee: 'bea', notes: 'call the payer', followUp: '2026-12-01' };
    expect(await d.save()).toBe(true);
    expect(d.current).toMatchObject({ assignee: 'bea', notes: 'call the payer', followUp: '2026-12-01' });
    // R-CO-1: P1001 has no coverage after BCBS TX in the example office
    expect(await d.sendToNextPayer()).toBe(false);
    expect(d.error?.message).toMatch(new RegExp(`^No claim to the next payer for claim ${BCBS}: `));
    d.writeOffReason = '';
    expect(await d.writeOff()).toBe(false);
    expect(d.error?.fields?.reason).toBeDefined();
    d.writeOffReason = 'small balance';
    expect(await d.writeOff()).toBe(true);
    expect(d.message).toBe(`Wrote off claim ${BCBS}: $25.50.`);
    expect(d.groups).toEqual([]);
  });

  it('gives the aging chart its stacked series and the numbers under it', async () => {
    const r = await answered();
    await new ReceivedFilesState(office.api).receive([upload('a', r.ack277!)]);
    const a = new ArState(office.api, '2026-12-20');
    await a.load();
    expect(a.report?.totalCents).toBe(160200);
    expect(a.aging.labels).toEqual(['Blue Cross and Blue Shield of Texas']);
    expect(a.aging.series.map((s) => [s.label, s.values])).toEqual([['0-30 days', [0]], ['31-60 days', [160200]], ['61-90 days', [0]], ['91-120 days', [0]], ['120+ days', [0]]]);
    a.basis = 'service';
    await a.load();
    expect(a.aging.series[2]!.values).toEqual([160200]);
    expect(a.cash.series[0]!.values.every((v) => v === 0)).toBe(true);
  });

  it('shows a 277CA line rejection on the denial and the follow-up limits, which the office can change', async () => {
    await office.api.get('billing.build', { from: '2026-10-01', to: '2026-10-31' });
    const out = await office.api.get('billing.export837', { payer: 'bcbstx', acceptWarnings: true });
    const text = new TextDecoder().decode(Uint8Array.from(atob(out.file!.base64), (c) => c.charCodeAt(0)));
    const r = respond(text, { payerId: '84980', default: { kind: 'pay' }, claims: { [BCBS]: { reject: { category: 'A7', status: '21', lines: { 2: { category: 'A7', status: '453' } } } } } });
    const s = new ReceivedFilesState(office.api);
    await s.receive([upload('a', r.ack277!)]);
    // exported today: nothing is overdue yet
    expect(s.waiting).toEqual([]);
    expect(s.days).toEqual({ syntaxDays: 2, acceptanceDays: 7, remittanceDays: 30 });
    expect(await s.saveDays({ syntaxDays: 1, acceptanceDays: 5, remittanceDays: 45 })).toBe(true);
    expect(s.days).toEqual({ syntaxDays: 1, acceptanceDays: 5, remittanceDays: 45 });
    expect(await s.saveDays({ syntaxDays: -1, acceptanceDays: 5, remittanceDays: 45 })).toBe(false);
    expect(s.error?.message).toBeTruthy();
    // a good save after a refused one clears the refusal
    expect(await s.saveDays({ syntaxDays: 2, acceptanceDays: 5, remittanceDays: 45 })).toBe(true);
    expect([s.error, s.days]).toEqual([null, { syntaxDays: 2, acceptanceDays: 5, remittanceDays: 45 }]);
    const d = new DenialsState(office.api);
    await d.load();
    d.select(BCBS);
    expect(d.current!.lineRejections).toEqual([{ line: 2, reason: 'line 2 (J0696) rejected: A7 rejected for invalid information: status 453' }]);
  });
});
