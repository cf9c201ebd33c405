// Patient payments in the browser (R-CO-4 after the last payer): AllWays leaves P1002 20.00 of
// coinsurance; on Receivables the biller records a payment for the patient, an overpayment is
// refused beside the amount naming what is owed, the balance drops, and a void puts it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOutcome } from '../../electron/contract/billing.ts';
import { cobImport, P1002_PLAN } from '../support/cobOffice.ts';
import { upload } from '../support/remitOffice.ts';
import { respond } from '../support/testPayer.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp;

beforeAll(async () => {
  app = await startApp({ now: '2026-11-26T09:00:00' });
  await app.call('app.importFile', { fileName: 'cob.json', text: cobImport() });
  await app.call('billing.build', { from: '2026-10-01', to: '2026-10-31' });
  const out = await app.call<ExportOutcome>('billing.export837', { payer: 'allways', acceptWarnings: true });
  const r = respond(Buffer.from(out.file!.base64, 'base64').toString('latin1'), P1002_PLAN);
  await app.call('remit.receive', upload('allways-277.x12', r.ack277!));
  await app.call('remit.receive', upload('allways-835.x12', r.remits[0]!));
}, 180_000);
afterAll(async () => {
  await app?.close();
});

describe('patient payments on Receivables', () => {
  it('records a payment, refuses more than is owed beside the amount, the balance drops; a void puts it back', async () => {
    const { page } = app;
    await app.open('ar', 'Accounts receivable');
    const row = page.locator('tr[data-patient="P1002"]');
    await row.waitFor();
    expect(await row.getByTestId('patient-owes').innerText()).toBe('$20.00');
    await row.getByRole('button', { name: 'Record payment' }).click();
    const panel = page.getByRole('region', { name: /^Payments from Silva, Mateo/ });
    await panel.getByText('No payments from this patient yet.').waitFor();
    expect(await panel.getByLabel('Received on').inputValue()).toBe('2026-11-26');

    // more than the patient owes: refused, the problem beside the amount names what is owed
    await panel.getByLabel('Amount ($)').fill('25');
    await panel.getByRole('button', { name: 'Record payment' }).click();
    await panel.locator('#pay-P1002-amount-error').getByText('more than the $20.00 the patient owes').waitFor();
    expect(await panel.getByLabel('Amount ($)').getAttribute('aria-invalid')).toBe('true');
    await panel.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await app.shot('patient-payment-refused');

    await panel.getByLabel('Amount ($)').fill('12.50');
    await panel.getByLabel('Reference').fill('1042');
    await panel.getByRole('button', { name: 'Record payment' }).click();
    await panel.getByText('$12.50 recorded ($12.50 to claim PDT8SEDGXZGVKZ); the patient now owes $7.50.').waitFor();
    await expect.poll(() => row.getByTestId('patient-owes').innerText()).toBe('$7.50');
    const paid = panel.locator('table tbody tr');
    expect(await paid.allInnerTexts()).toEqual([expect.stringMatching(/^2026-11-26\s+check 1042\s+\$12\.50\s+PDT8SEDGXZGVKZ \$12\.50\s+admin\s+Void$/)]);
    expect(await row.locator('td').nth(3).innerText()).toBe('$12.50');
    await panel.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await app.shot('patient-payment-recorded');

    // the void asks for a reason and puts the 12.50 back
    await paid.getByRole('button', { name: 'Void' }).click();
    const voidForm = panel.getByRole('form', { name: 'Void a payment' });
    await voidForm.getByRole('button', { name: 'Void the payment' }).click();
    await voidForm.getByText('say why the payment is voided').waitFor();
    await voidForm.getByLabel('Reason').fill('check returned unpaid');
    await voidForm.getByRole('button', { name: 'Void the payment' }).click();
    await panel.getByText('The $12.50 payment of 2026-11-26 is voided; the patient now owes $20.00.').waitFor();
    await expect.poll(() => row.getByTestId('patient-owes').innerText()).toBe('$20.00');
    expect(await paid.first().innerText()).toMatch(/voided 2026-11-26: check returned unpaid$/);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await app.shot('patient-payment-voided');
  });
});
