import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { insertBatch } from '../../db/repos/batches.ts';
import { liveKeys } from '../../db/repos/claimKeys.ts';
import { getClaim, insertClaim, listClaims, loadClaimsForExport, markExported } from '../../db/repos/claims.ts';
import { buildPeriod } from '../../electron/services/buildService.ts';
import { acknowledgeWarnings, createCorrection, setClaimStatus } from '../../electron/services/claimsLifecycle.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleRaw } from './helpers.ts';

const OCT = { from: '2026-10-01', to: '2026-10-31' };
const TODAY = { today: '2026-11-05' };

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
  importDataset(store.db, exampleRaw());
});
afterEach(() => store.close());

const claimFor = (patient: string, status = 'draft') => listClaims(store.db, { patient, status: status as 'draft' }).map((c) => c.id);
const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

/** Re-imports the example with one therapy changed. */
function change(edit: (raw: Record<string, unknown>) => void): void {
  const raw = exampleRaw();
  edit(raw);
  importDataset(store.db, raw);
}

function therapyOf(raw: Record<string, unknown>, id: string): Record<string, unknown> {
  return (raw.therapies as Array<Record<string, unknown>>).find((t) => t.id === id)!;
}

describe('building into the store (R-CL-8)', () => {
  it('stores the built claims with their lines, billed keys and findings', () => {
    const r = buildPeriod(store.db, OCT, TODAY);
    const stored = getClaim(store.db, r.claims[1]!.id)!;
    expect(stored.lines).toEqual(r.claims[1]!.lines.map((l) => ({ ...l, visit: l.visit ?? null, renderingNpi: l.renderingNpi ?? null })));
    expect(stored.findings.map((f) => f.rule)).toEqual(['R-NV-7']);
    expect(stored.status).toBe('draft');
    expect(count('SELECT count(*) AS n FROM claim_keys WHERE live = 1')).toBe(36);
  });

  it('replaces the drafts of the period on a rebuild, keeping ids of unchanged claims', () => {
    const first = buildPeriod(store.db, OCT, TODAY).claims.map((c) => c.id);
    change((raw) => {
      (raw.visits as Array<{ id: string; signed: boolean }>).find((v) => v.id === 'V1')!.signed = false; // 99601 + 99602 go away
    });
    const second = buildPeriod(store.db, OCT, TODAY);
    expect(count('SELECT count(*) AS n FROM claims')).toBe(2);
    expect(second.claims.map((c) => c.id)).toEqual(first);
    expect(getClaim(store.db, first[0]!)!.lines.map((l) => l.code)).not.toContain('99601');
    expect(count('SELECT count(*) AS n FROM claim_findings')).toBe(3);
    expect(getClaim(store.db, first[0]!)!.findings.map((f) => [f.rule, f.visit])).toEqual([['R-NV-7', 'V1']]);
  });

  it('rebuilds a whole draft when asked for part of its dates, so nothing is lost', () => {
    buildPeriod(store.db, OCT, TODAY);
    buildPeriod(store.db, { from: '2026-10-05', to: '2026-10-06' }, TODAY);
    expect(listClaims(store.db).map((c) => [c.patient, c.lines])).toEqual([['P1001', 28], ['P1002', 8]]);
  });

  it('rebuilds only the payer asked for', () => {
    buildPeriod(store.db, OCT, TODAY);
    const before = getClaim(store.db, claimFor('P1002')[0]!)!.createdAt;
    buildPeriod(store.db, { ...OCT, payer: 'bcbstx' }, { today: '2026-11-06', now: '2026-11-06T10:00:00' });
    expect(getClaim(store.db, claimFor('P1002')[0]!)!.createdAt).toBe(before);
    expect(getClaim(store.db, claimFor('P1001')[0]!)!.createdAt).toBe('2026-11-06T10:00:00');
  });

  it('never bills again a source key on an exported claim, and reports facts changed after export', () => {
    buildPeriod(store.db, OCT, TODAY);
    const [exported] = claimFor('P1001');
    markExported(store.db, [exported!], 'B1', '2026-11-05T12:00:00');
    change((raw) => {
      const t1 = therapyOf(raw, 'T1');
      t1.stop = '2026-10-12';
      (t1.drugs as Array<{ dose: { amount: number } }>)[0]!.dose.amount = 2; // 2 g: the drug lines change, no waste
      (raw.dispenses as Array<{ id: string; quantity: number; daysSupply: number }>)[0]!.daysSupply = 12;
    });
    const r = buildPeriod(store.db, OCT, TODAY);
    const draft = r.claims.find((c) => c.patient === 'P1001')!;
    expect(draft.lines.map((l) => `${l.from} ${l.code}`)).toEqual(['2026-10-11 S9500', '2026-10-11 J0696', '2026-10-12 S9500', '2026-10-12 J0696']);
    const changed = r.findings.filter((f) => f.rule === 'R-CL-8' && f.severity === 'warning');
    expect(changed.length).toBe(16); // 8 drug lines changed, 8 JW lines gone
    expect(new Set(changed.map((f) => f.claim))).toEqual(new Set([exported]));
    // the new draft of the patient waits for the replacement
    expect(r.findings.filter((f) => f.rule === 'R-CL-8' && f.severity === 'error')).toMatchObject([{ claim: draft.id, line: 1 }]);
    expect(getClaim(store.db, exported!)!.findings.filter((f) => f.rule === 'R-CL-8')).toHaveLength(16);
    expect(getClaim(store.db, exported!)!.status).toBe('exported');
  });

  it('counts units on exported claims toward the authorization of new drafts', () => {
    buildPeriod(store.db, OCT, TODAY);
    markExported(store.db, claimFor('P1002'), 'B1', '2026-11-05T12:00:00'); // S9338 × 3 of 3 authorized
    change((raw) => {
      therapyOf(raw, 'T3').doses = [{ date: '2026-10-05', given: true }];
      (raw.dispenses as Array<{ id: string; quantity: number }>).find((d) => d.id === 'D2')!.quantity = 800;
    });
    const r = buildPeriod(store.db, OCT, TODAY);
    const draft = r.claims.find((c) => c.patient === 'P1002')!;
    expect(draft.lines.map((l) => `${l.from} ${l.code}`)).toEqual(['2026-10-05 S9338', '2026-10-05 J1569']);
    expect(r.findings.filter((f) => f.rule === 'R-CL-5')).toMatchObject([{ severity: 'error', claim: draft.id, line: 1, code: 'S9338' }]);
  });

  it('counts NDC quantities on exported claims toward their dispense in a later build', () => {
    buildPeriod(store.db, { from: '2026-10-01', to: '2026-10-04' }, TODAY);
    markExported(store.db, claimFor('P1001'), 'B1', '2026-11-05T12:00:00'); // 4 UN of D1 billed
    change((raw) => {
      (raw.dispenses as Array<{ id: string; quantity: number }>).find((d) => d.id === 'D1')!.quantity = 5;
    });
    const r = buildPeriod(store.db, { from: '2026-10-05', to: '2026-10-10', payer: 'bcbstx' }, TODAY);
    // 10-05 and 10-06 are holds: 10-07 bills 0.75 + 0.25 = 5 UN in all, 10-08 passes it
    expect(r.findings.filter((f) => f.rule === 'R-DR-10')).toMatchObject([{ severity: 'warning', date: '2026-10-08', dispense: 'D1' }]);
  });

  it('counts each day of an exported line spanning days once, with its unit (R-DR-10 over liveKeys)', () => {
    const weekly = (raw: Record<string, unknown>) => {
      const bcbstx = (raw.payers as Array<{ id: string; settings: Record<string, unknown> }>).find((p) => p.id === 'bcbstx')!;
      bcbstx.settings = { ...bcbstx.settings, lineSpan: 'week' };
    };
    change(weekly);
    buildPeriod(store.db, { from: '2026-10-01', to: '2026-10-04' }, TODAY);
    markExported(store.db, claimFor('P1001'), 'B1', '2026-11-05T12:00:00');
    const drugKeys = [...liveKeys(store.db).entries()].filter(([k]) => k.startsWith('drug:') || k.startsWith('waste:'));
    // one line per code for the four days: each day's key holds a quarter of its NDC quantity
    expect(drugKeys.map(([k, f]) => `${k.split(':')[0]} ${f.date} ${f.ndcUnit} ${f.ndcQty}`).sort()).toEqual([
      'drug 2026-10-01 ML 200', // a one-day line
      'drug 2026-10-01 UN 0.75', 'drug 2026-10-02 UN 0.75', 'drug 2026-10-03 UN 0.75', 'drug 2026-10-04 UN 0.75',
      'waste 2026-10-01 UN 0.25', 'waste 2026-10-02 UN 0.25', 'waste 2026-10-03 UN 0.25', 'waste 2026-10-04 UN 0.25',
    ]);
    change((raw) => {
      weekly(raw);
      (raw.dispenses as Array<{ id: string; quantity: number }>).find((d) => d.id === 'D1')!.quantity = 5;
    });
    const r = buildPeriod(store.db, { from: '2026-10-05', to: '2026-10-10', payer: 'bcbstx' }, TODAY);
    expect(r.findings.filter((f) => f.rule === 'R-DR-10')).toMatchObject([{ severity: 'warning', date: '2026-10-08', dispense: 'D1' }]);
  });

  it('puts an S9810 of a date whose per diem was exported on that claim\'s replacement, and finds R-MX-6 once it is voided', () => {
    buildPeriod(store.db, { from: '2026-10-01', to: '2026-10-04' }, TODAY);
    const [exported] = claimFor('P1001');
    markExported(store.db, [exported!], 'B1', '2026-11-05T12:00:00');
    change((raw) => {
      (raw.products as unknown[]).push({ ndc: '12345-0005-05', name: 'Pharmacy services', kind: 'supply', hcpcs: 'S9810' });
      (raw.dispenses as unknown[]).push({ id: 'D9', therapy: 'T1', date: '2026-10-02', ndc: '12345-0005-05', quantity: 1, daysSupply: 1 });
    });
    const r = buildPeriod(store.db, { from: '2026-10-01', to: '2026-10-10', payer: 'bcbstx' }, TODAY);
    const draft = r.claims.find((c) => c.patient === 'P1001')!;
    // 2026-10-02 is closed by the exported claim: the S9810 is not drafted, it is reported there
    expect(draft.lines.some((l) => l.code === 'S9810')).toBe(false);
    expect(r.findings.filter((f) => f.rule === 'R-CL-8' && f.severity === 'warning')).toMatchObject([{ claim: exported, date: '2026-10-02', code: 'S9810' }]);
    // voided, the per diem is no longer on an exported claim: it is billed again, and the two meet in this build
    createCorrection(store.db, exported!, '8', 'PCN-1', '2026-11-10');
    expect(buildPeriod(store.db, { from: '2026-10-01', to: '2026-10-10' }, TODAY).findings.filter((f) => f.rule === 'R-MX-6')).toMatchObject([
      { date: '2026-10-02', code: 'S9500', message: 'S9810 and S9500 may not be billed for the same patient on 2026-10-02' },
    ]);
  });

  it('lets the database refuse a second live claim for a source key', () => {
    const r = buildPeriod(store.db, OCT, TODAY);
    const copy = { ...r.claims[0]!, id: 'DUPLICATE' };
    expect(() => insertClaim(store.db, copy, '2026-11-05')).toThrow(/UNIQUE/);
  });

  it('writes nothing when a build fails', () => {
    buildPeriod(store.db, OCT, TODAY);
    expect(() => buildPeriod(store.db, { ...OCT, payer: 'nobody' }, TODAY)).toThrow(/no payer/);
    expect(listClaims(store.db)).toHaveLength(2);
  });
});

describe('claim lifecycle and corrections (R-CL-9, R-CL-11)', () => {
  it('moves draft → exported → accepted → paid and refuses other moves', () => {
    buildPeriod(store.db, OCT, TODAY);
    const [id] = claimFor('P1001');
    expect(() => setClaimStatus(store.db, id!, 'accepted', { at: '2026-11-06' })).toThrow(/draft; it cannot become accepted/);
    markExported(store.db, [id!], 'B1', '2026-11-05T12:00:00');
    expect(() => markExported(store.db, [id!], 'B2')).toThrow(/not a draft/);
    setClaimStatus(store.db, id!, 'accepted', { at: '2026-11-07', payerClaimNumber: 'PCN-1' });
    setClaimStatus(store.db, id!, 'paid', { at: '2026-11-20' });
    expect(getClaim(store.db, id!)).toMatchObject({ status: 'paid', batchId: 'B1', payerClaimNumber: 'PCN-1', exportedAt: '2026-11-05T12:00:00' });
  });

  it('reopens a rejected claim as a draft and rebuilds it under a new id, since the old one was sent', () => {
    buildPeriod(store.db, OCT, TODAY);
    const [id] = claimFor('P1001');
    insertBatch(store.db, { id: 'B000001', kind: '837', createdAt: '2026-11-05T12:00:00', fileName: 'oct.x12', bytes: new Uint8Array([1]), claims: [{ id: id!, frequency: '1' }], interchangeControl: 1, groupControl: 1, transactionControl: '0001' });
    markExported(store.db, [id!], 'B000001', '2026-11-05T12:00:00');
    setClaimStatus(store.db, id!, 'rejected', { at: '2026-11-06' });
    setClaimStatus(store.db, id!, 'draft', { at: '2026-11-07' });
    const r = buildPeriod(store.db, OCT, TODAY);
    const again = r.claims.find((c) => c.patient === 'P1001')!;
    expect(again.lines).toHaveLength(28);
    expect(again.id).not.toBe(id);
    expect(again.id).toMatch(/^PD[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(getClaim(store.db, id!)).toBeNull();
  });

  it('makes a replacement (7) with today facts and the payer claim number of the original', () => {
    buildPeriod(store.db, OCT, TODAY);
    const [id] = claimFor('P1001');
    markExported(store.db, [id!], 'B1', '2026-11-05T12:00:00');
    expect(() => createCorrection(store.db, id!, '7', ' ', '2026-11-10')).toThrow(/claim control number/);
    change((raw) => {
      (therapyOf(raw, 'T1').drugs as Array<{ dose: { amount: number } }>)[0]!.dose.amount = 2;
    });
    const repl = createCorrection(store.db, id!, '7', 'PCN-778', '2026-11-10');
    expect(repl).toMatchObject({ frequency: '7', originalClaimNumber: 'PCN-778', originalClaimId: id, status: 'draft' });
    expect(repl.id).toBe(`${id!.slice(0, 12)}R1`);
    expect(repl.lines.filter((l) => l.code === 'J0696').map((l) => `${l.units} ${l.modifiers.join('')}`)).toEqual(Array(8).fill('8 '));
    expect(getClaim(store.db, id!)!.supersededBy).toBe(repl.id);
    // the replacement now holds the keys: a rebuild neither bills them nor reports them
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(r.claims.map((c) => c.patient)).toEqual(['P1002']);
    expect(r.findings.filter((f) => f.rule === 'R-CL-8')).toEqual([]);
    expect(() => createCorrection(store.db, id!, '8', 'PCN-778', '2026-11-10')).toThrow(/already superseded/);
  });

  it('makes a void (8) that repeats the original and frees its keys to be billed again', () => {
    buildPeriod(store.db, OCT, TODAY);
    const [id] = claimFor('P1001');
    markExported(store.db, [id!], 'B1', '2026-11-05T12:00:00');
    const original = getClaim(store.db, id!)!;
    const voided = createCorrection(store.db, id!, '8', 'PCN-9', '2026-11-10');
    expect(voided).toMatchObject({ frequency: '8', originalClaimNumber: 'PCN-9', totalCents: original.totalCents });
    expect(voided.lines.map((l) => l.sourceKey)).toEqual(original.lines.map((l) => l.sourceKey));
    const r = buildPeriod(store.db, OCT, TODAY);
    expect(r.claims.filter((c) => c.patient === 'P1001').flatMap((c) => c.lines)).toHaveLength(28);
  });

  it('only corrects claims that were sent', () => {
    buildPeriod(store.db, OCT, TODAY);
    expect(() => createCorrection(store.db, claimFor('P1001')[0]!, '7', 'PCN', '2026-11-10')).toThrow(/only a claim sent/);
  });

  it('holds an acknowledgement of warnings while they stay the same', () => {
    buildPeriod(store.db, OCT, TODAY);
    const [id] = claimFor('P1002');
    expect(getClaim(store.db, id!)!.warningsAcknowledged).toBe(false);
    acknowledgeWarnings(store.db, id!, '2026-11-05T13:00:00');
    expect(getClaim(store.db, id!)!.warningsAcknowledged).toBe(true);
    buildPeriod(store.db, OCT, TODAY);
    expect(listClaims(store.db, { patient: 'P1002' })[0]!.warningsAcknowledged).toBe(true);
    change((raw) => {
      (raw.visits as Array<{ id: string; date: string }>).find((v) => v.id === 'V3')!.date = '2026-10-20';
    });
    buildPeriod(store.db, OCT, TODAY);
    expect(getClaim(store.db, id!)!.warningsAcknowledged).toBe(false);
  });

  it('gives the exporters the drafts of a selection with their findings', () => {
    buildPeriod(store.db, OCT, TODAY);
    const all = loadClaimsForExport(store.db, { from: '2026-10-01', to: '2026-10-31' });
    expect(all.map((c) => [c.patient, c.findings.length, c.warningsAcknowledged])).toEqual([['P1001', 0, true], ['P1002', 1, false]]);
    markExported(store.db, [all[0]!.id], 'B7', '2026-11-05T12:00:00');
    expect(loadClaimsForExport(store.db, OCT).map((c) => c.patient)).toEqual(['P1002']);
    expect(loadClaimsForExport(store.db, { batch: 'B7' }).map((c) => c.patient)).toEqual(['P1001']);
    expect(loadClaimsForExport(store.db, { ids: [all[0]!.id] })[0]!.lines).toHaveLength(28);
    expect(loadClaimsForExport(store.db, { payer: 'bcbstx' })).toEqual([]);
  });
});
