// Issue 13 from the command line: `perdiem receive` posts the primary's 835 and the secondary is
// drafted; `perdiem export 837 --payer` sends it (and later the tertiary); `perdiem claims --json`
// shows `primaryClaim`; `perdiem statements` prints what the patient owes after the last payer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read837 } from '../../electron/export/x12/read837.ts';
import { respond, type PayerPlan } from '../support/testPayer.ts';
import { cobImport, P1002_PLAN, PRIMARY, PRIMARY_PLAN, SECONDARY, SECONDARY_PLAN, TERTIARY, TERTIARY_PLAN } from '../support/cobOffice.ts';
import { cliOn } from '../export837/cliStore.ts';
import { openStore } from '../../db/open.ts';
import { recordPatientPayment } from '../../electron/services/patientPayments.ts';

let dir = '';
let db = '';

const cli = cliOn(() => db, '2026-11-26T10:00:00', { PERDIEM_PLAIN: '1' });

/** `export 837 --payer`, the test payer's answer written to files, then `receive` of its 277CA and 835. */
async function sendAndReceive(payer: string, plan: PayerPlan): Promise<string> {
  const sent = path.join(dir, `${payer}-${Date.now()}.x12`);
  const e = await cli('export', '837', '--out', sent, '--payer', payer, '--accept-warnings');
  expect(e.code, e.err).toBe(0);
  const text = fs.readFileSync(sent, 'latin1');
  const r = respond(text, plan);
  fs.writeFileSync(path.join(dir, `${payer}.277`), r.ack277!);
  fs.writeFileSync(path.join(dir, `${payer}.835`), r.remits[0]!);
  const got = await cli('receive', path.join(dir, `${payer}.277`), path.join(dir, `${payer}.835`));
  expect(got.code, got.err).toBe(0);
  return text;
}

const claimsJson = async () => JSON.parse((await cli('claims', '--json')).out).claims as { id: string; payer: string; status: string; primaryClaim?: string; paidCents: number }[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-cob-cli-'));
  db = path.join(dir, 'perdiem.sqlite');
  fs.writeFileSync(path.join(dir, 'office.json'), cobImport());
  expect((await cli('import', path.join(dir, 'office.json'))).code).toBe(0);
  expect((await cli('build', '--from', '2026-10-01', '--to', '2026-10-31')).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('perdiem receive / export 837 / claims / statements with secondary claims', () => {
  it('R-CO-1..4: the 835s draft the secondary and the tertiary, each exported with the earlier payers; the statement says what the patient owes', async () => {
    await sendAndReceive('allways', P1002_PLAN);
    await sendAndReceive('bcbstx', PRIMARY_PLAN);
    expect((await claimsJson()).find((c) => c.id === SECONDARY)).toMatchObject({ payer: 'allways', status: 'draft', primaryClaim: PRIMARY });
    expect((await claimsJson()).find((c) => c.id === PRIMARY)).not.toHaveProperty('primaryClaim');

    const secondary = await sendAndReceive('allways', SECONDARY_PLAN);
    expect(read837(secondary).claims.map((c) => [c.id, c.otherPayers.map((p) => p.payerId)])).toEqual([[SECONDARY, ['84980']]]);
    expect(read837(secondary).errors).toEqual([]);
    expect((await claimsJson()).find((c) => c.id === TERTIARY)).toMatchObject({ payer: 'statemcd', status: 'draft', primaryClaim: SECONDARY });

    const tertiary = await sendAndReceive('statemcd', TERTIARY_PLAN);
    expect(read837(tertiary).claims.map((c) => [c.id, c.otherPayers.map((p) => [p.responsibility, p.payerId, p.paidCents])])).toEqual([
      [TERTIARY, [['P', '84980', 149850], ['S', '04293', 6690]]],
    ]);
    expect((await claimsJson()).filter((c) => c.primaryClaim).map((c) => [c.id, c.status, c.paidCents])).toEqual([[SECONDARY, 'paid', 6690], [TERTIARY, 'paid', 1360]]);

    const ar = JSON.parse((await cli('ar', '--json')).out);
    expect(ar.patients.find((p: { patient: string }) => p.patient === 'P1001')).toMatchObject({ patientResponsibilityCents: 300 });

    const pdf = path.join(dir, 'statements.pdf');
    const s = await cli('statements', '--month', '2026-10', '--out', pdf);
    expect(s.code, s.err).toBe(0);
    expect(s.out).toBe(`2 statements for services in 2026-10 written to ${pdf}\n  P1001  Garza, Helen  owes $3.00\n  P1002  ${/P1002 {2}(.+?) {2}owes/.exec(s.out)![1]}  owes $20.00\n`);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.statSync(pdf).mode & 0o777).toBe(0o600);
    const one = await cli('statements', '--patient', 'P1001', '--month', '2026-10', '--out', path.join(dir, 'helen.pdf'));
    expect(one.out).toBe(`1 statement for services in 2026-10 written to ${path.join(dir, 'helen.pdf')}\n  P1001  Garza, Helen  owes $3.00\n`);

    // P1002 pays 15.00 of their 20.00 (recorded on the Receivables screen; here through the service on the same file)
    const store = openStore(db);
    try {
      recordPatientPayment(store.db, { patient: 'P1002', cents: 1500, receivedOn: '2026-11-26', method: 'cash' }, { now: '2026-11-26T10:00:00', today: '2026-11-26', by: 'test' });
    } finally {
      store.close();
    }
    const after = JSON.parse((await cli('ar', '--json')).out);
    expect(after.patients.find((p: { patient: string }) => p.patient === 'P1002')).toMatchObject({ patientResponsibilityCents: 500, patientPaidCents: 1500 });
    expect((await cli('claims', '--json', '--patient', 'P1002')).out).toContain('"patientPaidCents": 1500');
    const owed = await cli('statements', '--patient', 'P1002', '--month', '2026-10', '--out', path.join(dir, 'mateo.pdf'));
    expect(owed.out).toMatch(/ {2}owes \$5\.00\n$/);
  });

  it('statements: a month with nothing owed writes no file (exit 1); a bad month is a usage error (exit 2)', async () => {
    const none = path.join(dir, 'none.pdf');
    expect(await cli('statements', '--month', '2026-09', '--out', none)).toEqual({ code: 1, out: '', err: 'perdiem: No patient owes anything for services in 2026-09: there is no statement to print\n' });
    expect(fs.existsSync(none)).toBe(false);
    expect((await cli('statements', '--month', '2026-13', '--out', none)).code).toBe(2);
    expect((await cli('statements', '--out', none)).code).toBe(2);
  });
});
