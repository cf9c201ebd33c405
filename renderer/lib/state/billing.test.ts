import { describe, expect, it } from 'vitest';
import { BillingState } from './billing.svelte.ts';
import { eachTestExampleOffice } from '../../../test/support/rendererOffice.ts';

const office = eachTestExampleOffice();

describe('the billing workbench state', () => {
  it('starts on the month before today', () => {
    const b = new BillingState(office.api, '2026-11-05');
    expect([b.from, b.to, b.month]).toEqual(['2026-10-01', '2026-10-31', '2026-10']);
    b.setMonth('2026-02');
    expect([b.from, b.to]).toEqual(['2026-02-01', '2026-02-28']);
  });

  it('builds, holds back claims with unacknowledged warnings, and exports after acknowledging them', async () => {
    const b = new BillingState(office.api, '2026-11-05');
    await b.init();
    expect(b.claims).toEqual([]);
    await b.build();
    expect(b.claims).toHaveLength(2);
    expect(b.message).toMatch(/^Built 2 claims: 0 errors, \d+ warnings?\.$/);
    const warned = b.needsAck.map((c) => c.id);
    expect(warned.length).toBeGreaterThan(0);
    expect(b.ready.map((c) => c.id)).not.toContain(warned[0]);

    await b.acknowledgeAll();
    expect(b.needsAck).toEqual([]);
    expect(b.ready).toHaveLength(2);

    b.choice = { x12: true, pdf: true, form: 'full', acceptWarnings: false, remittancePages: true };
    const result = await b.exportBatch();
    expect(result?.files.map((f) => f.label)).toEqual(['837P file', 'CMS-1500 PDF (full form)']);
    expect(result?.files[0]?.batch?.claimCount).toBe(2);
    expect(b.exportSteps.every((s) => s.done)).toBe(true);
    expect(b.batches).toHaveLength(1);
    expect(b.claims.every((c) => c.status === 'exported')).toBe(true);
    expect((await b.download(b.batches[0]!.id))?.base64).toBe(result?.files[0]?.file.base64);
  });

  it('previews the CMS-1500 forms without recording, then prints them as a pdf batch that locks the claims', async () => {
    const b = new BillingState(office.api, '2026-11-05');
    await b.init();
    await b.build();
    await b.acknowledgeAll();
    b.choice = { x12: false, pdf: true, form: 'data', acceptWarnings: false, remittancePages: true };
    const preview = await b.preview();
    expect(preview?.preview).toBe(true);
    expect(preview?.files.map((f) => [f.label, f.batch])).toEqual([['CMS-1500 preview (data only), not a claim', null]]);
    expect(b.batches).toEqual([]);
    expect(b.claims.every((c) => c.status === 'draft')).toBe(true);

    const printed = await b.exportBatch();
    expect(printed?.files[0]?.batch).toMatchObject({ kind: 'pdf', claimCount: 2 });
    expect(b.batches.map((x) => x.kind)).toEqual(['pdf']);
    expect(b.claims.every((c) => c.status === 'exported')).toBe(true);
    expect((await b.download(b.batches[0]!.id))?.base64).toBe(printed?.files[0]?.file.base64);
    // a reprint of the printed batch records nothing
    expect((await b.reprint(b.batches[0]!.id, 'full'))?.fileName).toBe(`${b.batches[0]!.id}-CMS1500-full.pdf`);
    expect(await office.api.get('billing.batches')).toHaveLength(1);
  });

  it('opens a claim with the sources of its lines', async () => {
    const b = new BillingState(office.api, '2026-11-05');
    await b.build();
    await b.openClaim(b.claims[0]!.id);
    expect(b.open?.lines.length).toBe(b.claims[0]!.lineCount);
    expect(b.open?.lines.every((l) => l.sources.length > 0)).toBe(true);
    b.closeClaim();
    expect(b.open).toBeNull();
  });

  it('puts the reason beside the field when the period is backwards', async () => {
    const b = new BillingState(office.api, '2026-11-05');
    b.from = '2026-10-31';
    b.to = '2026-10-01';
    await b.build();
    expect(b.error?.fields).toEqual({ to: 'ends before the period starts' });
    expect(b.built).toBe(false);
  });

  it('refuses to export when neither file is chosen', async () => {
    const b = new BillingState(office.api, '2026-11-05');
    b.choice = { x12: false, pdf: false, form: 'full', acceptWarnings: false, remittancePages: true };
    expect(await b.exportBatch()).toBeNull();
    expect(b.error?.message).toBe('Choose 837P, PDF or both to export');
  });
});

describe('the claim list views', () => {
  it('shows the claims that need attention, the ready ones and the exported ones', async () => {
    const b = new BillingState(office.api, '2026-11-05');
    await b.build();
    const warned = b.needsAck.map((c) => c.id).sort();
    b.view = 'attention';
    expect(b.visible.map((c) => c.id).sort()).toEqual(warned);
    b.view = 'ready';
    expect(b.visible.every((c) => c.exportable)).toBe(true);
    expect(b.visible.length + warned.length).toBe(b.claims.length);
    b.view = 'sent';
    expect(b.visible).toEqual([]);
    b.view = 'all';
    expect(b.visible).toHaveLength(b.claims.length);
  });
});
