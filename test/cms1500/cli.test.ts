// `perdiem export pdf`: the file, the summary line, the claims left out; usage and user errors.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openStore } from '../../db/open.ts';
import { getBatchFile, lastNumber, listBatches } from '../../db/repos/batches.ts';
import { getClaim } from '../../db/repos/claims.ts';
import { LAYOUT } from '../../electron/export/cms1500/index.ts';
import { cliOn, tempStore } from '../export837/cliStore.ts';
import { parsePdfArgs } from '../../electron/cli/commands/export-pdf.ts';
import { NOW } from './fixture.ts';
import { markText } from './mark.ts';
import { boxes, readGlyphs, stray } from './readback.ts';
import { NO_COVERAGE, PRINTABLE, WITH_ERROR, WITH_WARNING, exportBatch, fillStore } from './store.ts';

let dir: string;
let db: string;

beforeEach(() => {
  ({ dir, db } = tempStore('perdiem-cms1500-', fillStore));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(() => db, NOW);

describe('perdiem export pdf', () => {
  it('records the print as a batch, writes the pages, says how many, and lists the claims left out with the reason', async () => {
    const file = path.join(dir, 'claims.pdf');
    const r = await cli('export', 'pdf', '--out', file, '--form', 'data');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(r.out.split('\n')).toEqual([
      `batch B000001: 3 pages (2 claims, data form) written to ${file}`,
      `  ${bytes.length} bytes, sha256 ${sha}; the claims are locked as sent`,
      'left out 3 claims:',
      `  ${WITH_WARNING}: R-CL-11 1 unacknowledged warning: visit V9 is not signed (acknowledge the warnings or use --accept-warnings)`,
      `  ${WITH_ERROR}: R-CL-11 1 error: no price for S9500`,
      `  ${NO_COVERAGE}: patient P1001 has no coverage with payer ocr`,
      '',
    ]);
    const pages = await readGlyphs(new Uint8Array(fs.readFileSync(file)));
    expect(pages.map((g) => boxes(g, ['26', '28', '31_date']))).toEqual([
      { '26': 'C2026100001', '28': '441 25', '31_date': '11 03 26' },
      { '26': 'C2026100002', '28': 'CONTINUED', '31_date': '11 03 26' },
      { '26': 'C2026100002', '28': '880 00', '31_date': '11 03 26' },
    ]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    const store = openStore(db);
    try {
      expect(getBatchFile(store.db, 'B000001')!.bytes.equals(bytes)).toBe(true);
      expect(PRINTABLE.map((id) => getClaim(store.db, id)!.status)).toEqual(['exported', 'exported']);
      expect(lastNumber(store.db, 'interchange')).toBe(0);
    } finally {
      store.close();
    }
  });

  it('does not print or export the printed claims again', async () => {
    expect((await cli('export', 'pdf', '--out', path.join(dir, 'a.pdf'), '--payer', 'acme')).code).toBe(0);
    const twice = await cli('export', 'pdf', '--out', path.join(dir, 'b.pdf'), '--payer', 'acme');
    expect([twice.code, twice.err.split('\n')[0]]).toEqual([1, 'perdiem: no claim to print in that selection']);
    const x12 = path.join(dir, 'c.x12');
    const sent = await cli('export', '837', '--out', x12, '--payer', 'acme');
    expect([sent.code, sent.err.split('\n')[0]]).toEqual([1, 'perdiem: no claim to export in that selection']);
    expect(fs.existsSync(path.join(dir, 'b.pdf')) || fs.existsSync(x12)).toBe(false);
  });

  it('prints a preview with --preview: the mark on every page, nothing recorded, the claims still drafts', async () => {
    const file = path.join(dir, 'preview.pdf');
    const r = await cli('export', 'pdf', '--out', file, '--preview', '--payer', 'acme');
    expect(r.out).toBe(`PREVIEW (not a claim; nothing recorded): 3 pages (2 claims, full form) written to ${file}\n`);
    const pages = await readGlyphs(new Uint8Array(fs.readFileSync(file)));
    const mark = ['PREVIEW - NOT A CLAIM', 'PREVIEW - NOT A CLAIM', 'PREVIEW - NOT A CLAIM'];
    expect(pages.map((p) => markText(stray(p, Object.keys(LAYOUT.fields))))).toEqual([mark, mark, mark]);
    const store = openStore(db);
    try {
      expect(listBatches(store.db)).toEqual([]);
      expect(PRINTABLE.map((id) => getClaim(store.db, id)!.status)).toEqual(['draft', 'draft']);
    } finally {
      store.close();
    }
  });

  it('shifts the data by --offset-x and --offset-y (negative values included)', async () => {
    const file = path.join(dir, 'shifted.pdf');
    const r = await cli('export', 'pdf', '--out', file, '--form', 'data', '--payer', 'acme', '--offset-x', '-3', '--offset-y=1.5');
    expect(r.code).toBe(0);
    const [page] = await readGlyphs(new Uint8Array(fs.readFileSync(file)));
    const account = page!.filter((g) => g.baseline === 99 + 1.5).sort((a, b) => a.x - b.x);
    expect(account.map((g) => g.ch).join('')).toMatch(/^123456789X/);
    expect(account[0]!.x).toBeCloseTo(21.6 - 3, 6);
  });

  it('reprints a batch with the full red form', async () => {
    const store = openStore(db);
    const batch = exportBatch(store);
    store.close();
    const file = path.join(dir, 'batch.pdf');
    const r = await cli('export', 'pdf', '--out', file, '--batch', batch);
    expect(r.out).toBe(`reprint of batch ${batch} (nothing recorded): 3 pages (2 claims, full form) written to ${file}\n`);
    const after = openStore(db);
    try {
      expect(listBatches(after.db).map((b) => b.id)).toEqual([batch]);
    } finally {
      after.close();
    }
  });

  it('writes nothing and exits 1 when no claim of the selection can be printed', async () => {
    const file = path.join(dir, 'none.pdf');
    const r = await cli('export', 'pdf', '--out', file, '--payer', 'mcr');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe('perdiem: no printable claim in that selection');
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    [['--form', 'red'], "export pdf: --form 'red' is not full or data"],
    [['--from', '2026-02-30'], "export pdf: --from '2026-02-30' is not a date (YYYY-MM-DD)"],
    [['--batch', 'B000001', '--payer', 'acme'], 'export pdf: --batch prints a whole batch; leave out --from, --to and --payer'],
    [['--batch', 'B000001', '--preview'], 'export pdf: --batch reprints a batch and records nothing already; leave out --preview'],
    [['--offset-x', 'left'], "export pdf: --offset-x 'left' is not a number of points between -72 and 72"],
    [['--copies', '2'], 'export pdf: unknown argument --copies'],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    const r = await cli('export', 'pdf', '--out', path.join(dir, 'x.pdf'), ...args);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`perdiem: ${message}`);
  });

  it('prints the calibration page with --test-page, moved by the offset', async () => {
    const file = path.join(dir, 'calibrate.pdf');
    const r = await cli('export', 'pdf', '--out', file, '--test-page', '--offset-x', '1.5');
    expect(r.out).toBe(`calibration page (offset x 1.5 pt, y 0 pt) written to ${file}\n`);
    const [page] = await readGlyphs(new Uint8Array(fs.readFileSync(file)));
    expect(page!.find((g) => g.baseline === 675 && g.ch === 'C')?.x).toBeCloseTo(374.4 + 1.5, 6);
  });

  it('needs --out', async () => {
    const r = await cli('export', 'pdf', '--form', 'data');
    expect(r.code).toBe(2);
    expect(r.err).toContain('export pdf needs --out FILE');
  });
});

describe('perdiem export pdf --no-remittance-pages', () => {
  it('asks the handler to leave out the earlier payers\' remittance pages; without it they stay on', () => {
    expect(parsePdfArgs(['--out', 'f.pdf', '--payer', 'allways', '--no-remittance-pages'])).toMatchObject({ out: 'f.pdf', payer: 'allways', remittancePages: false });
    expect(parsePdfArgs(['--out', 'f.pdf'])).not.toHaveProperty('remittancePages');
  });
});
