// `perdiem export 837`: the file, the batch line, the claims left out; usage and user errors.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.ts';
import { getBatchFile, listBatches } from '../../db/repos/batches.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { cliOn, tempStore } from './cliStore.ts';
import { fillStore, goldenClaims } from './store.ts';

let dir: string;
let db: string;

beforeEach(() => {
  ({ dir, db } = tempStore('perdiem-export837-', (store) =>
    fillStore(store, goldenClaims('two-payers'), [
      { severity: 'warning', rule: 'R-NV-7', message: 'unsigned visit V9 on 2026-10-01', claim: 'C2610P1002A' },
    ]),
  ));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(() => db, '2026-11-02T10:00:00');

describe('perdiem export 837', () => {
  it('writes the batch file, prints the batch id and the claims left out with the reason', async () => {
    const file = path.join(dir, 'out.x12');
    const r = await cli('export', '837', '--out', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(file);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`batch B000001: 2 claims written to ${file}`);
    expect(lines[1]).toMatch(new RegExp(`^  interchange 000000001, ${bytes.length} bytes, sha256 [0-9a-f]{64}$`));
    expect(lines.slice(2, 4)).toEqual([
      'left out 1 claim:',
      '  C2610P1002A: R-CL-11 1 unacknowledged warning: unsigned visit V9 on 2026-10-01 (acknowledge the warnings or use --accept-warnings)',
    ]);
    expect(read837(bytes.toString('latin1')).claims.map((c) => c.id)).toEqual(['C2610P1001S', 'C2610P1001A']);
    const store = openStore(db);
    try {
      expect(Buffer.compare(getBatchFile(store.db, 'B000001')!.bytes, bytes)).toBe(0);
    } finally {
      store.close();
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('takes --payer and --accept-warnings', async () => {
    const file = path.join(dir, 'allways.x12');
    const r = await cli('export', '837', '--out', file, '--payer', 'allways', '--accept-warnings');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`batch B000001: 2 claims written to ${file}`);
    expect(r.out).not.toContain('left out');
  });

  it('refuses to overwrite a file and records nothing', async () => {
    const file = path.join(dir, 'exists.x12');
    fs.writeFileSync(file, 'keep');
    const r = await cli('export', '837', '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
    const store = openStore(db);
    try {
      expect(listBatches(store.db)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('fails with exit 1 and the reasons when no claim can go out', async () => {
    await cli('export', '837', '--out', path.join(dir, 'a.x12'), '--accept-warnings');
    const r = await cli('export', '837', '--out', path.join(dir, 'b.x12'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('perdiem: no claim to export in that selection\n');
    expect(fs.existsSync(path.join(dir, 'b.x12'))).toBe(false);
  });

  it('is a usage error (exit 2) without --out, with a bad date or an unknown kind', async () => {
    expect((await cli('export', '837')).code).toBe(2);
    expect((await cli('export', '837', '--out', 'x.x12', '--from', '2026-02-30')).err).toContain("--from '2026-02-30' is not a date");
    expect((await cli('export', 'edi', '--out', 'x')).code).toBe(2);
  });
});

describe('perdiem export pdf', () => {
  it('is handed to the CMS-1500 exporter', async () => {
    const r = await cli('export', 'pdf', '--form', 'sideways', '--out', path.join(dir, 'x.pdf'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('export pdf');
  });
});
