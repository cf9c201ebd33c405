// The example office with coordination of benefits (issue 13): P1001 has three coverages (BCBS TX,
// AllWays, State Medicaid from 2026-01-01), P1002 AllWays and a BCBS TX coverage that ended
// 2026-09-30. The test payer's plans for each payer of P1001's October claim: the primary leaves a
// deductible, coinsurance and a denied line, the secondary a copay, the tertiary a little for the patient.
import { readFileSync } from 'node:fs';
import { openHandlerOffice, type CobOffice } from './handlerOffice.ts';
import { respond, type PayerPlan } from './testPayer.ts';
import { EXAMPLE_IMPORT } from './paths.ts';
import { upload } from './remitOffice.ts';

export { openHandlerOffice, type CobOffice };

/** P1001 at bcbstx: 28 lines, 1,602.00; its secondary and tertiary ids (R-CL-7: 12 characters and -priority). */
export const PRIMARY = 'PDMG2TY2V6MDT1';
export const SECONDARY = 'PDMG2TY2V6MD-2';
export const TERTIARY = 'PDMG2TY2V6MD-3';
/** P1002 at allways: 8 lines, 7,020.00 */
export const P1002_CLAIM = 'PDT8SEDGXZGVKZ';

interface ImportJson {
  payers: { id: string; name: string; payerId: string }[];
  patients: { id: string; coverages: Record<string, unknown>[] }[];
}

/** The import file as text. */
export function cobImport(): string {
  const d = JSON.parse(readFileSync(EXAMPLE_IMPORT, 'utf8')) as ImportJson;
  const allways = d.payers.find((p) => p.id === 'allways')!;
  d.payers.push({ ...allways, id: 'statemcd', name: 'State Medicaid', payerId: '77001', filingIndicator: 'MC' } as ImportJson['payers'][number]);
  const p1001 = d.patients.find((p) => p.id === 'P1001')!;
  p1001.coverages.push(
    { payer: 'allways', priority: 2, memberId: 'AW900100', groupNumber: 'AWG7', relationship: 'self' },
    { payer: 'statemcd', priority: 3, memberId: 'MCD55512345', relationship: 'self', from: '2026-01-01', to: '2026-12-31' },
  );
  d.patients.find((p) => p.id === 'P1002')!.coverages.push({ payer: 'bcbstx', priority: 2, memberId: 'XOB000222', relationship: 'self', to: '2026-09-30' });
  return JSON.stringify(d);
}

/**
 * BCBS TX: line 1 (S9500 110.00) allowed 90.00 with a 50.00 deductible and 8.00 coinsurance (pays 32.00),
 * line 2 (J0696 25.50) denied CO-96; the rest paid in full: paid 1,498.50, PR 58.00, open 83.50. Claim-level
 * remarks MOA*N130*N381 (see plan documents; see our contract), which the secondary's 2320 MOA repeats.
 */
export const PRIMARY_PLAN: PayerPlan = {
  payerId: '84980', payerName: 'BLUE CROSS BLUE SHIELD OF TEXAS', control: 40, now: '2026-11-10T08:00:00',
  default: { kind: 'pay' },
  claims: { [PRIMARY]: { lines: { 1: { kind: 'pay', allowedCents: 9000, deductibleCents: 5000, coinsuranceCents: 800 }, 2: { kind: 'deny', group: 'CO', reason: '96', remarks: ['N425'] } }, remarks: ['N130', 'N381'] } },
};

/** The same answer, and a second 835 taking the payment back (CLP02 22). */
export const PRIMARY_REVERSED: PayerPlan = { ...PRIMARY_PLAN, claims: { [PRIMARY]: { ...PRIMARY_PLAN.claims![PRIMARY]!, reverseOnly: true } } };

/** P1002's own claim at AllWays: paid with 20.00 coinsurance on line 1. */
export const P1002_PLAN: PayerPlan = {
  payerId: '04293', payerName: 'ALLWAYS HEALTH PARTNERS', control: 50, now: '2026-11-12T08:00:00',
  default: { kind: 'pay' },
  claims: { [P1002_CLAIM]: { lines: { 1: { kind: 'pay', coinsuranceCents: 2000 } } } },
};

/**
 * AllWays as secondary: line 1 allowed 58.00 with 11.60 coinsurance (pays 46.40), line 2 allowed 25.50
 * with a 5.00 copay (pays 20.50); the lines the primary paid in full: OA-23 (the prior payer's
 * adjudication). Paid 66.90, PR 16.60.
 */
export const SECONDARY_PLAN: PayerPlan = {
  payerId: '04293', payerName: 'ALLWAYS HEALTH PARTNERS', control: 60, now: '2026-11-18T08:00:00',
  default: { kind: 'deny', group: 'OA', reason: '23' },
  claims: { [SECONDARY]: { lines: { 1: { kind: 'pay', allowedCents: 5800, coinsuranceCents: 1160 }, 2: { kind: 'pay', copayCents: 500 } } } },
};

/** State Medicaid: line 1 allowed 11.60 with a 3.00 copay (pays 8.60), line 2 pays 5.00; the rest OA-23. Paid 13.60, PR 3.00. */
export const TERTIARY_PLAN: PayerPlan = {
  payerId: '77001', payerName: 'STATE MEDICAID', control: 70, now: '2026-11-25T08:00:00',
  default: { kind: 'deny', group: 'OA', reason: '23' },
  claims: { [TERTIARY]: { lines: { 1: { kind: 'pay', allowedCents: 1160, copayCents: 300 }, 2: { kind: 'pay', allowedCents: 500 } } } },
};

/** The office imported and October built. */
export async function openCobOffice(): Promise<CobOffice> {
  const office = openHandlerOffice();
  await office.call('app.importFile', { fileName: 'cob.json', text: cobImport() });
  await office.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  return office;
}

export async function export837(o: CobOffice, payer: string): Promise<{ text: string; claims: string[] }> {
  const out = await o.call('billing.export837', { payer, acceptWarnings: true });
  return { text: Buffer.from(out.file!.base64, 'base64').toString('latin1'), claims: out.claims };
}

/** Sends the payer's export to the test payer and receives its 277CA and first 835. */
export async function answer(o: CobOffice, payer: string, plan: PayerPlan) {
  const sent = await export837(o, payer);
  const r = respond(sent.text, plan);
  await o.call('remit.receive', upload(`${payer}-277.x12`, r.ack277!));
  const posted = await o.call('remit.receive', upload(`${payer}-835.x12`, r.remits[0]!));
  return { sent, r, posted };
}

