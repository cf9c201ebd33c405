import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import type { HandlerContext } from '../../electron/app/context.ts';
import { appRegistry, inProcess } from '../../electron/app/registry.ts';
import { trustedSession } from '../../electron/security/sessions.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

const example = readFileSync(EXAMPLE_IMPORT, 'utf8');
const october = { from: '2026-10-01', to: '2026-10-31' };

let store: Store;
let api: ReturnType<typeof inProcess>;

beforeEach(() => {
  store = openMemoryStore();
  const ctx: HandlerContext = { db: store.db, session: trustedSession(store.db), via: 'test', now: () => '2026-11-05T09:00:00', today: () => '2026-11-05' };
  api = inProcess(appRegistry(), ctx);
});
afterEach(() => store.close());

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('first run', () => {
  it('reports an empty office, then the imported one', async () => {
    expect((await value(api.call('app.state'))).empty).toBe(true);
    const r = await value(api.call('app.importFile', { fileName: 'import-example.json', text: example }));
    expect(r.imported.patients).toBe(2);
    expect(r.state.empty).toBe(false);
    expect(r.state.counts.patients).toBe(2);
    expect(r.state.today).toBe('2026-11-05');
  });

  it('refuses a file that is not JSON, naming it', async () => {
    const r = await api.call('app.importFile', { fileName: 'office.json', text: '{ not json' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^office\.json is not valid JSON: /);
  });

  it('lists every problem of a bad import and writes nothing', async () => {
    const bad = JSON.parse(example);
    bad.prescribers[0].npi = '123';
    const r = await api.call('app.importFile', { fileName: 'bad.json', text: JSON.stringify(bad) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toContain("prescribers[0].npi: '123' is not an NPI (10 digits)");
    expect((await value(api.call('app.state'))).empty).toBe(true);
  });
});

describe('the billing workbench handlers', () => {
  beforeEach(async () => {
    await value(api.call('app.importFile', { fileName: 'x.json', text: example }));
  });

  it('builds October into claims with their findings inline', async () => {
    const built = await value(api.call('billing.build', october));
    expect(built.claims.map((c) => [c.patient, c.payer, c.totalCents, c.lineCount]).sort()).toEqual([
      ['P1001', 'bcbstx', 160200, 28],
      ['P1002', 'allways', 702000, 8],
    ]);
    const warned = built.claims.filter((c) => c.warnings > 0);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((c) => !c.exportable && !c.acknowledged)).toBe(true);
    expect(built.totals.totalCents).toBe(862200);
    expect((await value(api.call('billing.listClaims', october))).claims.map((c) => c.id)).toEqual(built.claims.map((c) => c.id));
  });

  it('shows where each line of a claim came from', async () => {
    const built = await value(api.call('billing.build', october));
    const claim = built.claims.find((c) => c.patient === 'P1001')!;
    const detail = await value(api.call('billing.getClaim', { id: claim.id }));
    expect(detail.lines).toHaveLength(28);
    expect(detail.lines.every((l) => l.sources.length > 0 && l.sources.every((s) => s.kind !== 'other'))).toBe(true);
    const kinds = new Set(detail.lines.flatMap((l) => l.sources.map((s) => s.kind)));
    expect(kinds.has('therapy')).toBe(true);
  });

  it('exports only after warnings are acknowledged, in an 837P the reader accepts', async () => {
    const built = await value(api.call('billing.build', october));
    const first = await api.call('billing.export837', october);
    const warned = built.claims.filter((c) => c.warnings > 0);
    if (first.ok) expect(first.value.leftOut.map((l) => l.claim).sort()).toEqual(warned.map((c) => c.id).sort());
    for (const c of warned) expect((await value(api.call('billing.acknowledge', { claim: c.id }))).exportable).toBe(true);
    const again = await value(api.call('billing.export837', october));
    expect(again.leftOut).toEqual([]);
    const text = Buffer.from(again.file!.base64, 'base64').toString('latin1');
    const read = read837(text);
    expect(read.errors).toEqual([]);
    expect(read.claims.map((c) => c.id).sort()).toEqual(warned.map((c) => c.id).sort());
    const batches = await value(api.call('billing.batches'));
    expect(batches[0]!.id).toBe(again.batch!.id);
    const download = await value(api.call('billing.downloadBatch', { id: again.batch!.id }));
    expect(download.base64).toBe(again.file!.base64);
    expect(download.fileName).toBe(again.file!.fileName);
  });

  it('says why a period cannot be built', async () => {
    const r = await api.call('billing.build', { from: '2026-10-31', to: '2026-10-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields).toEqual({ to: 'ends before the period starts' });
    const d = await api.call('billing.build', { from: '2026-02-30', to: '2026-03-01' });
    if (!d.ok) expect(d.error.fields).toEqual({ from: 'is not a real date (YYYY-MM-DD)' });
    expect(d.ok).toBe(false);
  });
});

describe('the settings handlers', () => {
  beforeEach(async () => {
    await value(api.call('app.importFile', { fileName: 'x.json', text: example }));
  });

  it('saves the organization and names the field that is wrong', async () => {
    const settings = await value(api.call('settings.get'));
    const org = settings.organization!;
    const bad = await api.call('settings.saveOrganization', { ...org, npi: '1234567890' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields).toEqual({ npi: "'1234567890' fails the NPI check digit" });
    // what the 837P needs is checked here, not weeks later at export
    const fiveDigits = await api.call('settings.saveOrganization', { ...org, address: { ...org.address!, zip: '78704' } });
    expect(fiveDigits.ok).toBe(false);
    if (!fiveDigits.ok) expect(fiveDigits.error.fields).toEqual({ 'address.zip': "'78704' has 5 digits; the 837P billing provider needs all 9 (ZIP+4)" });
    const saved = await value(api.call('settings.saveOrganization', { ...org, name: 'Renamed Infusion' }));
    expect(saved.name).toBe('Renamed Infusion');
    expect((await value(api.call('app.state'))).organization).toBe('Renamed Infusion');
  });

  it('replaces the charge master from dollars and keeps micro-dollars', async () => {
    const prices = await value(api.call('settings.saveChargeMaster', { prices: { S9500: 125.5, '99601': 180 } }));
    expect(prices).toEqual({ S9500: 125_500_000, '99601': 180_000_000 });
  });

  it('saves a payer with its rule settings and fees', async () => {
    const [payer] = await value(api.call('settings.listPayers'));
    const fees = Object.fromEntries(Object.entries(payer!.fees).map(([k, v]) => [k, v / 1e6]));
    const saved = await value(
      api.call('settings.savePayer', { ...payer!, fees: { ...fees, S9500: 99.99 }, settings: { ...payer!.settings, lineSpan: 'week' } }),
    );
    expect(saved.settings.lineSpan).toBe('week');
    expect(saved.fees.S9500).toBe(99_990_000);
  });

  it('saves a nurse as the import normalized her, and names a product by its NDC when a field is wrong', async () => {
    const nurse = await value(api.call('settings.saveNurse', { id: 'rn-young', firstName: 'Zed', lastName: 'Young', credential: 'RN' }));
    expect(nurse).toMatchObject({ id: 'rn-young', firstName: 'Zed', lastName: 'Young', credential: 'RN' });
    expect((await value(api.call('settings.listNurses'))).map((n) => n.id)).toContain('rn-young');
    const bad = await api.call('settings.saveProduct', { ndc: '0409-7332-01', name: 'Ceftriaxone', kind: 'drug' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^Product 0409-7332-01 was not saved: \d+ fields? needs? correcting$/);
  });

  it('keeps the printer offset and draws a test page', async () => {
    expect((await value(api.call('settings.get'))).printerOffset).toEqual({ x: 0, y: 0 });
    expect(await value(api.call('settings.savePrinterOffset', { x: 3, y: -2 }))).toEqual({ x: 3, y: -2 });
    expect((await value(api.call('settings.get'))).printerOffset).toEqual({ x: 3, y: -2 });
    const far = await api.call('settings.savePrinterOffset', { x: 100, y: 0 });
    expect(far.ok).toBe(false);
    if (!far.ok) expect(Object.keys(far.error.fields ?? {})).toEqual(['x']);
    const page = await value(api.call('settings.testPage', { x: 3, y: -2 }));
    expect(Buffer.from(page.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the CMS-1500 export handler', () => {
  beforeEach(async () => {
    await value(api.call('app.importFile', { fileName: 'x.json', text: example }));
  });

  it('records a print of the period as a pdf batch; a preview and a reprint record nothing', async () => {
    const built = await value(api.call('billing.build', october));
    const refused = await api.call('billing.exportPdf', { ...october, form: 'full', preview: true });
    const warned = built.claims.filter((c) => c.warnings > 0);
    if (refused.ok) expect(refused.value.leftOut.map((l) => l.claim).sort()).toEqual(warned.map((c) => c.id).sort());
    const preview = await value(api.call('billing.exportPdf', { ...october, form: 'data', acceptWarnings: true, preview: true }));
    expect(preview.batch).toBeNull();
    expect(preview.file!.fileName).toBe('PREVIEW-CMS1500-2026-10-01-to-2026-10-31-data.pdf');
    expect(await value(api.call('billing.batches'))).toEqual([]);

    const pdf = await value(api.call('billing.exportPdf', { ...october, form: 'data', acceptWarnings: true }));
    expect(pdf.leftOut).toEqual([]);
    expect(pdf.batch).toMatchObject({ id: 'B000001', kind: 'pdf', claimCount: built.claims.length });
    expect(pdf.file!.fileName).toBe('B000001-CMS1500-data.pdf');
    expect(Buffer.from(pdf.file!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await value(api.call('billing.downloadBatch', { id: 'B000001' }))).base64).toBe(pdf.file!.base64);
    // the printed claims are locked: they do not go out again in an 837P
    const x12 = await api.call('billing.export837', { ...october, acceptWarnings: true });
    expect(x12.ok ? x12.value : x12.error.message).toBe('no claim to export in that selection');

    const reprint = await value(api.call('billing.exportPdf', { ...october, form: 'full', batch: 'B000001' }));
    expect(reprint.file!.fileName).toBe('B000001-CMS1500-full.pdf');
    expect(reprint.batch).toBeNull();
    expect((await value(api.call('billing.batches'))).map((b) => [b.id, b.kind])).toEqual([['B000001', 'pdf']]);
    const printed = queryAudit(store.db, { action: 'export.pdf', order: 'asc' });
    // each print request is audited by the table too, after the service's own row
    const request = ['request', 'billing.exportPdf', null];
    expect(printed.map((e) => [e.entity, e.entityId, (e.after as { print?: string } | null)?.print ?? null])).toEqual([
      ...(refused.ok ? [['claims', null, 'preview']] : []),
      request,
      ['claims', null, 'preview'],
      request,
      ['batches', 'B000001', null],
      request,
      ['batches', 'B000001', 'reprint'],
      request,
    ]);
  });
});
