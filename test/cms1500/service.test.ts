import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { queryAudit } from '../../db/repos/audit.ts';
import { batchClaimIds, getBatchFile, insertBatch, lastNumber, listBatches } from '../../db/repos/batches.ts';
import { getClaim, insertFinding } from '../../db/repos/claims.ts';
import { UserError } from '../../electron/domain/errors.ts';
import { LAYOUT } from '../../electron/export/cms1500/index.ts';
import { export837 } from '../../electron/services/export837.ts';
import { exportPdf } from '../../electron/services/exportPdf.ts';
import { NOW } from './fixture.ts';
import { markBands, markText } from './mark.ts';
import { boxes, readGlyphs, stray } from './readback.ts';
import { NO_COVERAGE, PRINTABLE, WITH_ERROR, WITH_WARNING, exportBatch, fillStore } from './store.ts';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
  fillStore(store);
});
afterEach(() => store.close());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const statuses = (ids: string[]) => ids.map((id) => [getClaim(store.db, id)!.status, getClaim(store.db, id)!.batchId]);
/** batches, links and both counters: what a print that records nothing must leave alone */
const recorded = () => ({
  batches: listBatches(store.db).map((b) => b.id),
  batch: lastNumber(store.db, 'batch'),
  interchange: lastNumber(store.db, 'interchange'),
  claims: statuses([...PRINTABLE, WITH_ERROR, NO_COVERAGE, WITH_WARNING]),
});

const accounts = async (bytes: Uint8Array) => (await readGlyphs(bytes)).map((g) => boxes(g, ['26'])['26']);

describe('exportPdf', () => {
  it('prints the drafts that pass the export gate in file order and says why the others are left out', async () => {
    const r = await exportPdf(store.db, { form: 'data' }, { now: NOW });
    expect(r.claims).toEqual(PRINTABLE);
    expect(r.pages).toBe(3);
    expect(await accounts(r.bytes)).toEqual(['C2026100001', 'C2026100002', 'C2026100002']);
    expect(r.leftOut).toEqual([
      { claim: WITH_WARNING, reason: 'R-CL-11 1 unacknowledged warning: visit V9 is not signed (acknowledge the warnings or use --accept-warnings)' },
      { claim: WITH_ERROR, reason: 'R-CL-11 1 error: no price for S9500' },
      { claim: NO_COVERAGE, reason: 'patient P1001 has no coverage with payer ocr' },
    ]);
  });

  it('prints claims with unacknowledged warnings when asked to accept them', async () => {
    const r = await exportPdf(store.db, { form: 'data', payer: 'mcr', acceptWarnings: true }, { now: NOW });
    expect(r.claims).toEqual([WITH_WARNING]);
    expect(r.leftOut.map((l) => l.claim)).toEqual([WITH_ERROR]);
  });

  it('keeps to the claims whose dates of service overlap the range', async () => {
    const r = await exportPdf(store.db, { form: 'data', from: '2026-10-05', to: '2026-10-31', acceptWarnings: true }, { now: NOW });
    expect(r.claims).toEqual([PRINTABLE[1]]);
    expect(r.leftOut).toEqual([]);
  });

  it('refuses a selection with nothing printable, listing each claim and reason', async () => {
    const error = await exportPdf(store.db, { form: 'full', payer: 'mcr' }, { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('no printable claim in that selection');
    expect((error as UserError).details).toEqual([
      `${WITH_WARNING}: R-CL-11 1 unacknowledged warning: visit V9 is not signed (acknowledge the warnings or use --accept-warnings)`,
      `${WITH_ERROR}: R-CL-11 1 error: no price for S9500`,
    ]);
  });

  it('reprints an exported batch in its file order, and its claims are no longer drafts to print', async () => {
    const batch = exportBatch(store);
    const r = await exportPdf(store.db, { form: 'full', batch }, { now: NOW });
    expect(r.batch).toBeNull();
    expect(r.claims).toEqual([PRINTABLE[1], PRINTABLE[0]]);
    expect(await accounts(r.bytes)).toEqual(['C2026100002', 'C2026100002', 'C2026100001']);
    await expect(exportPdf(store.db, { form: 'data', payer: 'acme' }, { now: NOW })).rejects.toThrow('no claim to print in that selection');
  });

  it('names a batch that does not exist', async () => {
    await expect(exportPdf(store.db, { form: 'data', batch: 'B999999' }, { now: NOW })).rejects.toThrow('there is no batch B999999');
  });

  it('moves the data by the printer offset it is given', async () => {
    const r = await exportPdf(store.db, { form: 'data', claimIds: [PRINTABLE[0]!], offset: { x: 2, y: -1 } }, { now: NOW });
    const [page] = await readGlyphs(r.bytes);
    const first = page!.filter((g) => g.baseline === 99 - 1).sort((a, b) => a.x - b.x)[0];
    expect(first).toMatchObject({ ch: '1', x: 21.6 + 2 });
  });
});

describe('a print of a selection is a submission', () => {
  it('records a pdf batch with the exact bytes and their SHA-256, links the claims in print order and locks them', async () => {
    const before = lastNumber(store.db, 'interchange');
    const r = await exportPdf(store.db, { form: 'data' }, { now: NOW });
    expect(r.batch).toEqual({ id: 'B000001', fileName: 'B000001-CMS1500-data.pdf', sha256: sha(r.bytes) });
    const [b] = listBatches(store.db);
    expect(b).toMatchObject({ id: 'B000001', kind: 'pdf', createdAt: NOW, claimCount: 2, size: r.bytes.length, interchangeControl: null });
    const f = getBatchFile(store.db, 'B000001')!;
    expect(Buffer.compare(f.bytes, Buffer.from(r.bytes))).toBe(0);
    expect(f.sha256).toBe(sha(f.bytes));
    expect(batchClaimIds(store.db, 'B000001')).toEqual(PRINTABLE);
    expect(statuses(PRINTABLE)).toEqual([['exported', 'B000001'], ['exported', 'B000001']]);
    expect(getClaim(store.db, PRINTABLE[0]!)!.exportedAt).toBe(NOW);
    // the claims left out stay drafts; no interchange control number is used
    expect(statuses([WITH_WARNING, WITH_ERROR, NO_COVERAGE])).toEqual([['draft', null], ['draft', null], ['draft', null]]);
    expect(lastNumber(store.db, 'interchange')).toBe(before);
    expect(queryAudit(store.db, { action: 'export.pdf' }).map((e) => [e.entity, e.entityId])).toEqual([['batches', 'B000001']]);
  });

  it('does not let a printed claim be printed again or go out in an 837P', async () => {
    await exportPdf(store.db, { form: 'full', payer: 'acme' }, { now: NOW });
    await expect(exportPdf(store.db, { form: 'full', payer: 'acme' }, { now: NOW })).rejects.toThrow('no claim to print in that selection');
    const again = await exportPdf(store.db, { form: 'full', claimIds: PRINTABLE }, { now: NOW }).catch((e: unknown) => e);
    expect((again as UserError).details).toEqual([`${PRINTABLE[0]}: exported in batch B000001, not a draft`, `${PRINTABLE[1]}: exported in batch B000001, not a draft`]);
    let refused: unknown;
    try {
      export837(store.db, { claimIds: PRINTABLE }, { now: NOW });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).details).toEqual([`${PRINTABLE[0]}: exported in batch B000001, not a draft`, `${PRINTABLE[1]}: exported in batch B000001, not a draft`]);
    expect(listBatches(store.db).map((b) => b.id)).toEqual(['B000001']);
  });

  it('does not print a claim that went out in an 837P as a new batch', async () => {
    exportBatch(store);
    const before = recorded();
    const e = await exportPdf(store.db, { form: 'data', claimIds: PRINTABLE }, { now: NOW }).catch((x: unknown) => x);
    expect((e as UserError).message).toBe('no printable claim in that selection');
    expect((e as UserError).details).toEqual([`${PRINTABLE[0]}: exported in batch B000001, not a draft`, `${PRINTABLE[1]}: exported in batch B000001, not a draft`]);
    expect(recorded()).toEqual(before);
  });

  it('has the database refuse a second submission of an original, whatever the kind of batch', async () => {
    await exportPdf(store.db, { form: 'data', payer: 'acme' }, { now: NOW });
    const second = (kind: '837' | 'pdf', n: number) =>
      store.db.transaction(() =>
        insertBatch(store.db, {
          id: `B00009${n}`, kind, createdAt: NOW, fileName: 'x', bytes: Buffer.from('x'),
          claims: [{ id: PRINTABLE[0]!, frequency: '1' }],
          ...(kind === '837' ? { interchangeControl: 90 + n, groupControl: 90 + n, transactionControl: '0001' } : {}),
        }),
      )();
    expect(() => second('837', 1)).toThrow(/UNIQUE/);
    expect(() => second('pdf', 2)).toThrow(/UNIQUE/);
  });

  it('records nothing and leaves no number used when the file cannot be delivered', async () => {
    const before = recorded();
    await expect(
      exportPdf(store.db, { form: 'data' }, { now: NOW, deliver: () => { throw new UserError('cannot write out.pdf: disk full'); } }),
    ).rejects.toThrow('disk full');
    expect(recorded()).toEqual(before);
  });

  it('draws again, and records only what it drew, when a claim changes while it is being drawn', async () => {
    const printing = exportPdf(store.db, { form: 'data' }, { now: NOW });
    // the claims were chosen and the drawing started; an error now blocks the first claim
    insertFinding(store.db, { severity: 'error', rule: 'R-CL-6', message: 'no price for S9501', claim: PRINTABLE[0]! }, null);
    const r = await printing;
    expect(r.claims).toEqual([PRINTABLE[1]]);
    expect(await accounts(r.bytes)).toEqual(['C2026100002', 'C2026100002']);
    expect(await accounts(new Uint8Array(getBatchFile(store.db, r.batch!.id)!.bytes))).toEqual(['C2026100002', 'C2026100002']);
    expect(statuses(PRINTABLE)).toEqual([['draft', null], ['exported', 'B000001']]);
  });
});

describe('reprints and previews record nothing', () => {
  it('reprints a printed batch as a copy dated as the batch: the same bytes, nothing recorded, the print audited', async () => {
    const printed = await exportPdf(store.db, { form: 'full', payer: 'acme' }, { now: NOW });
    const before = recorded();
    const r = await exportPdf(store.db, { form: 'full', batch: printed.batch!.id }, { now: '2026-12-01T10:00:00' });
    expect(r.batch).toBeNull();
    expect(Buffer.compare(Buffer.from(r.bytes), Buffer.from(printed.bytes))).toBe(0);
    expect(recorded()).toEqual(before);
    const audit = queryAudit(store.db, { action: 'export.pdf', order: 'asc' });
    expect(audit.map((e) => [e.entity, e.entityId])).toEqual([['batches', 'B000001'], ['batches', 'B000001']]);
    expect(audit[1]!.after).toEqual({ print: 'reprint', form: 'full', claims: PRINTABLE, pages: 3 });
  });

  it('refuses to preview a batch (a reprint records nothing already)', async () => {
    const batch = exportBatch(store);
    await expect(exportPdf(store.db, { form: 'data', batch, preview: true }, { now: NOW })).rejects.toThrow('a batch is reprinted, not previewed');
  });

  it('previews the drafts a print would take, with the mark above the form on every page, and records nothing', async () => {
    const before = recorded();
    const preview = await exportPdf(store.db, { form: 'full', preview: true }, { now: NOW });
    expect(preview.batch).toBeNull();
    expect(recorded()).toEqual(before);
    expect(queryAudit(store.db, { action: 'export.pdf' }).map((e) => (e.after as { print: string }).print)).toEqual(['preview']);

    const pages = await readGlyphs(preview.bytes);
    expect(pages).toHaveLength(3);
    const allFields = Object.keys(LAYOUT.fields);
    for (const page of pages) {
      // the only text outside the boxes is the mark, three times across the top
      expect(markText(stray(page, allFields))).toEqual(['PREVIEW - NOT A CLAIM', 'PREVIEW - NOT A CLAIM', 'PREVIEW - NOT A CLAIM']);
    }
    const bands = await markBands(preview.bytes);
    expect(bands).toHaveLength(3);
    for (const band of bands) {
      expect(band.y0).toBeGreaterThanOrEqual(LAYOUT.fields.carrier_page!.rect.y1);
      expect(band.y1).toBeLessThanOrEqual(792 - 12);
      for (const f of Object.values(LAYOUT.fields)) expect(band.y0 >= f.rect.y1 || band.y1 <= f.rect.y0).toBe(true);
    }

    // the boxes read exactly as on the claims the print records
    const printed = await exportPdf(store.db, { form: 'full' }, { now: NOW });
    const real = await readGlyphs(printed.bytes);
    expect(pages.map((p) => boxes(p, allFields))).toEqual(real.map((p) => boxes(p, allFields)));
    expect(real.map((p) => stray(p, allFields))).toEqual([[], [], []]);
    expect(await markBands(printed.bytes)).toEqual([]);
  });
});
