// `perdiem followups`: the follow-up list of the Received files screen ("Waiting for an answer",
// remit.followUps) on the command line — the table, the JSON of docs/cli.md and its usage errors.
// The example office's two October claims go out on 2026-11-05 in one file per payer; the test
// payer's 999 comes for the bcbstx file only (2026-11-06), its 277CA on 2026-11-13.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { respond } from '../support/testPayer.ts';
import { runOn } from '../export837/cliStore.ts';

const BCBS = 'PDMG2TY2V6MDT1';
const ALLWAYS = 'PDT8SEDGXZGVKZ';
const SENT = '2026-11-05T09:00:00';
const ENV = { PERDIEM_PLAIN: '1' };
const LIMITS = 'limits: a 999/TA1 within 2 days of sending, a 277CA within 7, an 835 within 30 of acceptance';
const STEP_999 = 'No 999 from the clearinghouse: check that the file was uploaded and ask the clearinghouse whether it arrived.';
const STEP_277 = 'No acknowledgment from the payer: ask the clearinghouse or the payer whether the claim was received.';
const STEP_835 = 'Accepted but not paid: check the claim status with the payer (portal or 276/277) and ask when it will be adjudicated.';

let dir = '';
let db = '';
/** the CLI on the office at `now` */
const at = (now: string, ...argv: string[]) => runOn(db, now, argv, ENV);
const ok = async (now: string, ...argv: string[]) => {
  const r = await at(now, ...argv);
  expect([r.code, r.err], argv.join(' ')).toEqual([0, '']);
  return r.out;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-followups-'));
  db = path.join(dir, 'perdiem.sqlite');
  await ok(SENT, 'import', EXAMPLE_IMPORT);
  // before anything is sent there is nothing to wait for
  await ok(SENT, 'build', '--from', '2026-10-01', '--to', '2026-10-31');
  expect(await ok(SENT, 'followups', '--as-of', '2027-06-30')).toBe(`waiting for an answer as of 2027-06-30\n${LIMITS}\nno claim waits past its limit\n`);
  expect(await ok(SENT, 'export', '837', '--out', path.join(dir, 'bcbs.x12'), '--payer', 'bcbstx', '--accept-warnings')).toMatch(/^batch B000001: 1 claim/);
  expect(await ok(SENT, 'export', '837', '--out', path.join(dir, 'allways.x12'), '--payer', 'allways', '--accept-warnings')).toMatch(/^batch B000002: 1 claim/);
  const r = respond(fs.readFileSync(path.join(dir, 'bcbs.x12'), 'latin1'), { payerId: '84980', default: { kind: 'pay' } });
  fs.writeFileSync(path.join(dir, 'ack.999'), r.ack999);
  fs.writeFileSync(path.join(dir, 'ack.277'), r.ack277!);
  await ok('2026-11-06T09:00:00', 'receive', path.join(dir, 'ack.999'));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('perdiem followups', () => {
  it('within the limits (day 2 after sending): nothing is listed, as a table and as JSON', async () => {
    expect(await ok(SENT, 'followups', '--as-of', '2026-11-07')).toBe(`waiting for an answer as of 2026-11-07\n${LIMITS}\nno claim waits past its limit\n`);
    expect(JSON.parse(await ok(SENT, 'followups', '--as-of', '2026-11-07', '--json'))).toEqual({
      asOf: '2026-11-07', limits: { syntaxDays: 2, acceptanceDays: 7, remittanceDays: 30 }, items: [],
    });
  });

  it('no 277CA after 7 days and no 999 after 2: both claims, longest first, with the batch and the next step', async () => {
    expect(await ok(SENT, 'followups', '--as-of', '2026-11-13')).toBe([
      'waiting for an answer as of 2026-11-13',
      LIMITS,
      'claim           batch    payer    awaiting  since       days',
      `${BCBS}  B000001  bcbstx   277CA     2026-11-05     8`,
      `${ALLWAYS}  B000002  allways  999       2026-11-05     8`,
      '2 claims waiting',
      `277CA: ${STEP_277}`,
      `999: ${STEP_999}`,
      '',
    ].join('\n'));
    // without --as-of the day is --now's: the same list
    expect(await ok('2026-11-13T18:00:00', 'followups')).toBe(await ok(SENT, 'followups', '--as-of', '2026-11-13'));
  });

  it('--json after the 277CA: an accepted claim waits for its 835 from its acceptance (31 days > 30)', async () => {
    await ok('2026-11-13T10:00:00', 'receive', path.join(dir, 'ack.277'));
    const json = await ok('2026-12-14T08:00:00', 'followups', '--json');
    expect(JSON.parse(json)).toEqual({
      asOf: '2026-12-14',
      limits: { syntaxDays: 2, acceptanceDays: 7, remittanceDays: 30 },
      items: [
        { claim: ALLWAYS, batch: 'B000002', patient: 'P1002', payer: 'allways', payerName: 'AllWays Health Partners', status: 'exported', waitingFor: '999', since: '2026-11-05', days: 39, limitDays: 2, nextStep: STEP_999 },
        { claim: BCBS, batch: 'B000001', patient: 'P1001', payer: 'bcbstx', payerName: 'Blue Cross and Blue Shield of Texas', status: 'accepted', waitingFor: '835', since: '2026-11-13', days: 31, limitDays: 30, nextStep: STEP_835 },
      ],
    });
    // the keys in the documented order (docs/cli.md)
    expect(Object.keys(JSON.parse(json).items[0])).toEqual(['claim', 'batch', 'patient', 'payer', 'payerName', 'status', 'waitingFor', 'since', 'days', 'limitDays', 'nextStep']);
    expect(await ok(SENT, 'followups', '--as-of', '2026-12-13')).toBe([
      'waiting for an answer as of 2026-12-13',
      LIMITS,
      'claim           batch    payer    awaiting  since       days',
      `${ALLWAYS}  B000002  allways  999       2026-11-05    38`,
      '1 claim waiting',
      `999: ${STEP_999}`,
      '',
    ].join('\n'));
  });

  it('a bad --as-of, an unknown option or a stray argument is a usage error (exit 2) naming it; nothing is read', async () => {
    for (const bad of ['2026-02-30', '12/14/2026', 'today']) {
      const r = await at(SENT, 'followups', '--as-of', bad);
      expect([r.code, r.out], bad).toEqual([2, '']);
      expect(r.err.split('\n')[0]).toBe(`perdiem: followups: --as-of '${bad}' is not a date (YYYY-MM-DD)`);
    }
    const missing = await at(SENT, 'followups', '--as-of');
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([2, 'perdiem: followups: --as-of needs a value']);
    const unknown = await at(SENT, 'followups', '--basis', 'sent');
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([2, 'perdiem: followups: unknown argument --basis']);
    const stray = await at(SENT, 'followups', 'B000001');
    expect([stray.code, stray.err.split('\n')[0]]).toEqual([2, 'perdiem: followups: unknown argument B000001']);
  });

  it('--help prints the usage', async () => {
    expect(await ok(SENT, 'followups', '--help')).toBe(
      'usage: perdiem followups [--as-of DATE] [--json] [--db PATH] [--now DATETIME]\nSent claims still waiting for an answer past the office limits: no 999/TA1, no 277CA, or no 835 after acceptance.\n',
    );
  });
});
