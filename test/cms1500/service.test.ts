import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { UserError } from '../../electron/cli/errors.ts';
import { exportPdf } from '../../electron/services/exportPdf.ts';
import { NOW } from './fixture.ts';
import { boxes, readGlyphs } from './readback.ts';
import { NO_COVERAGE, PRINTABLE, WITH_ERROR, WITH_WARNING, exportBatch, fillStore } from './store.ts';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
  fillStore(store);
});
afterEach(() => store.close());

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
