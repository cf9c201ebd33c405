// `perdiem receive`, `perdiem claims`, `perdiem ar`: thin callers of the handlers, with the JSON
// shapes of interfaces.md ("Added in the second wave") and its exit codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { respond } from '../support/testPayer.ts';
import { cliOn } from '../export837/cliStore.ts';

const BCBS = 'PDMG2TY2V6MDT1';
let dir = '';
let db = '';

const cli = cliOn(() => db, '2026-11-21T10:00:00', { PERDIEM_PLAIN: '1' });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-receive-'));
  db = path.join(dir, 'perdiem.sqlite');
  expect((await cli('import', EXAMPLE_IMPORT)).code).toBe(0);
  expect((await cli('build', '--from', '2026-10-01', '--to', '2026-10-31')).code).toBe(0);
  const sent = path.join(dir, 'bcbs.x12');
  expect((await cli('export', '837', '--out', sent, '--payer', 'bcbstx', '--accept-warnings')).code).toBe(0);
  const r = respond(fs.readFileSync(sent, 'latin1'), {
    payerId: '84980', default: { kind: 'pay' }, claims: { [BCBS]: { lines: { 2: { kind: 'deny', group: 'CO', reason: '16', remarks: ['M119'] } } } },
  });
  fs.writeFileSync(path.join(dir, 'ack.999'), r.ack999);
  fs.writeFileSync(path.join(dir, 'ack.277'), r.ack277!);
  fs.writeFileSync(path.join(dir, 'era.835'), r.remits[0]!);
  fs.writeFileSync(path.join(dir, 'bad.835'), r.remits[0]!.replace(/BPR\*I\*(\d+)/, (_m, d: string) => `BPR*I*${Number(d) + 1}`));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('perdiem receive / claims / ar', () => {
  it('receive --json: files with kind and status, the claims moved, unmatched; a refused file exits 1', async () => {
    const bad = await cli('receive', path.join(dir, 'bad.835'), '--json');
    expect(bad.code).toBe(1);
    const refused = JSON.parse(bad.out);
    expect(refused.files).toEqual([{ file: path.join(dir, 'bad.835'), kind: '835', status: 'refused', message: expect.stringMatching(/^the remittance does not balance \(R-RA-3\): BPR at segment \d+/), segment: { id: 'BPR', position: expect.any(Number) } }]);
    const ok = await cli('receive', path.join(dir, 'ack.999'), path.join(dir, 'ack.277'), path.join(dir, 'era.835'), '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      files: [
        { file: path.join(dir, 'ack.999'), kind: '999', status: 'applied' },
        { file: path.join(dir, 'ack.277'), kind: '277CA', status: 'applied' },
        { file: path.join(dir, 'era.835'), kind: '835', status: 'applied' },
      ],
      claims: [{ id: BCBS, status: 'paid' }],
      unmatched: [],
    });
    const again = await cli('receive', path.join(dir, 'era.835'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/era\.835: 835 duplicate: this file was received before/);
  });

  it('claims --json: every claim with status and money; --status filters', async () => {
    const { code, out } = await cli('claims', '--json', '--payer', 'bcbstx');
    expect(code).toBe(0);
    const [c] = JSON.parse(out).claims;
    expect(c).toMatchObject({ id: BCBS, patient: 'P1001', payer: 'bcbstx', frequency: '1', status: 'paid', chargeCents: 160200, paidCents: 157650, patientResponsibilityCents: 0, balanceCents: 0 });
    expect(c.lines[1]).toMatchObject({ line: 2, code: 'J0696', from: '2026-10-01', to: '2026-10-01', units: 6, chargeCents: 2550, paidCents: 0, remarks: ['M119'], adjustments: [{ group: 'CO', reason: '16', cents: 2550 }] });
    const drafts = JSON.parse((await cli('claims', '--json', '--status', 'draft')).out).claims;
    expect(drafts.map((d: { payer: string }) => d.payer)).toEqual(['allways']);
    expect((await cli('claims', '--status', 'nope')).code).toBe(2);
    expect((await cli('claims')).out).toMatch(/^claim\s+patient\s+payer/);
  });

  it('ar --json: buckets by payer, patients and the total', async () => {
    const { code, out } = await cli('ar', '--json', '--as-of', '2026-12-31');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ asOf: '2026-12-31', basis: 'sent', buckets: ['0-30', '31-60', '61-90', '91-120', '120+'], rows: [], totalCents: 0 });
    expect(r.patients).toEqual([]);
    expect((await cli('ar', '--basis', 'posted')).code).toBe(2);
    expect((await cli('ar', '--as-of', '2026-12-31')).out).toMatch(/^accounts receivable as of 2026-12-31/);
  });
});
