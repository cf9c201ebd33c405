import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../db/open.ts';
import { loadDataset } from '../../db/repos/dataset.ts';
import { capture, EXAMPLE_PATH, tempDir } from './helpers.ts';
import { expectOnlyRefusedRequest, officeState } from '../support/officeState.ts';

const COUNTS = `organization  1
clearinghouse 1
chargeMaster  13
payers        2
prescribers   2
nurses        2
products      6
patients      2
therapies     3
dispenses     3
visits        3
`;

describe('perdiem import and perdiem demo', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('imports the example and prints the counts per kind', async () => {
    const db = path.join(tmp.dir, 'import.sqlite');
    const c = capture();
    expect(await runCli(['import', EXAMPLE_PATH, '--db', db], c.io)).toBe(0);
    expect(c.out).toBe(`imported ${EXAMPLE_PATH}\n${COUNTS}`);
    expect(c.err).toBe('');
    const again = capture();
    expect(await runCli(['import', EXAMPLE_PATH, '--db', db], again.io)).toBe(0);
    const store = openStore(db);
    expect(loadDataset(store.db).patients).toHaveLength(2);
    store.close();
  });

  it('reads a file saved with a byte order mark', async () => {
    const file = path.join(tmp.dir, 'bom.json');
    writeFileSync(file, `\uFEFF${readFileSync(EXAMPLE_PATH, 'utf8')}`);
    const c = capture();
    expect(await runCli(['import', file, '--db', path.join(tmp.dir, 'bom.sqlite')], c.io)).toBe(0);
    expect(c.out).toBe(`imported ${file}\n${COUNTS}`);
  });

  it('needs exactly one file, and says so with exit 2', async () => {
    const c = capture();
    expect(await runCli(['import', '--db', path.join(tmp.dir, 'x.sqlite')], c.io)).toBe(2);
    expect(c.err).toMatch(/^perdiem: import needs exactly one FILE\.json/);
    const missing = capture();
    expect(await runCli(['import', path.join(tmp.dir, 'none.json'), '--db', path.join(tmp.dir, 'x.sqlite')], missing.io)).toBe(1);
    expect(missing.err).toBe(`perdiem: cannot read ${path.join(tmp.dir, 'none.json')}: no such file\n`);
  });

  it('fills a new database with the demo office, the same for the same --now, and refuses a second time', async () => {
    const a = path.join(tmp.dir, 'demo-a.sqlite');
    const b = path.join(tmp.dir, 'demo-b.sqlite');
    const c = capture();
    expect(await runCli(['demo', '--db', a, '--now', '2026-11-15T09:00:00'], c.io)).toBe(0);
    expect(c.out).toContain('patients      300\n');
    expect(await runCli(['demo', '--scale', '300', '--db', b, '--now', '2026-11-15'], capture().io)).toBe(0);
    const sa = openStore(a);
    const sb = openStore(b);
    expect(loadDataset(sa.db)).toEqual(loadDataset(sb.db));
    sa.close();
    sb.close();

    const before = officeState(a);
    const again = capture();
    expect(await runCli(['demo', '--db', a, '--now', '2026-11-15'], again.io)).toBe(1);
    expect(again.err).toBe('perdiem: the database is not empty: the demo office only goes into a new database (use another --db)\n');
    expectOnlyRefusedRequest(a, before, 'app.loadDemo', 'data.import', { patients: 300 });
  });

  it('takes --scale as the number of patients', async () => {
    const db = path.join(tmp.dir, 'demo-small.sqlite');
    const c = capture();
    expect(await runCli(['demo', '--scale=25', '--db', db, '--now', '2026-11-15'], c.io)).toBe(0);
    expect(c.out).toContain('patients      25\n');
    expect(await runCli(['demo', '--scale', 'many', '--db', path.join(tmp.dir, 'demo-bad.sqlite')], capture().io)).toBe(2);
  });

  it('runs through the real perdiem bin', () => {
    const db = path.join(tmp.dir, 'bin.sqlite');
    const out = execFileSync(process.execPath, ['bin/perdiem.mjs', 'import', EXAMPLE_PATH, '--db', db], { encoding: 'utf8' });
    expect(out).toBe(`imported ${EXAMPLE_PATH}\n${COUNTS}`);
    const bad = spawnSync(process.execPath, ['bin/perdiem.mjs', 'import', 'package.json', '--db', db], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('name: unknown section');
  });
});
