import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function officeWithReferences(): Promise<E2eApp> {
  const a = await startApp({ now: '2026-11-05T09:00:00' });
  await a.call('app.importFile', { fileName: 'example.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
  return a;
}

describe('the chart, visit log and dispensing log in the browser', () => {
  it('creates a patient with a coverage and a therapy, naming a wrong field beside it', async () => {
    app = await officeWithReferences();
    const { page } = app;
    await app.open('patients', 'Patients');
    await page.getByRole('option', { name: /Garza, Helen/ }).waitFor();
    await app.shot('chart-01-patient-list');

    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('Account number').fill('P3001');
    await page.getByLabel('Last name').fill('Nguyen');
    await page.getByLabel('First name').fill('Lan');
    await page.getByLabel('Date of birth').fill('1961-04-09');
    await page.getByLabel('Phone').fill('512555012');
    await page.getByRole('button', { name: 'Add patient' }).click();
    // the phone is one digit short: the check's message sits under the field
    const phoneError = page.locator('#pf-phone-error');
    await phoneError.waitFor();
    expect(await phoneError.innerText()).toBe("'512555012' is not a 10-digit phone number");
    expect(await page.locator('#pf-sex-error').innerText()).toBe('is required');
    await app.shot('chart-02-new-patient-errors');
    await page.getByLabel('Phone').fill('5125550123');
    await page.getByLabel('Sex').selectOption('F');
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByRole('heading', { name: 'Nguyen, Lan', level: 2 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/patients?patient=P3001');

    await page.getByRole('button', { name: 'Add coverage' }).click();
    await page.getByLabel('Payer').selectOption('bcbstx');
    await page.getByLabel('Member id').fill('XOB555666777');
    await page.getByLabel('Group number').fill('G-2200');
    await page.getByLabel('Patient is the insured’s').selectOption('spouse');
    await page.getByRole('button', { name: 'Save coverage' }).click();
    // the insured's own name and birth date are asked for when the patient is not the insured
    const subscriberError = page.locator('#cf-sub-last-error');
    await subscriberError.waitFor();
    expect(await subscriberError.innerText()).toBe('must not be empty');
    expect(await page.locator('#cf-sub-dob-error').innerText()).toBe('is required');
    await app.shot('chart-03a-coverage-form');
    await page.getByLabel('Patient is the insured’s').selectOption('self');
    await page.getByRole('button', { name: 'Save coverage' }).click();
    await page.getByRole('cell', { name: 'XOB555666777' }).waitFor();

    await page.getByRole('button', { name: 'Add therapy' }).click();
    await page.getByLabel('Category').selectOption('antiInfective');
    await page.getByLabel('Prescriber').selectOption('dr-lee');
    await page.getByLabel('Hours between doses').selectOption('24');
    await page.getByLabel('Start').fill('2026-11-01');
    await page.getByLabel(/^Diagnoses/).fill('A419');
    await page.getByRole('button', { name: 'Add drug' }).click();
    await page.getByLabel('Product').selectOption({ label: 'Ceftriaxone 2 g vial · 00409-7332-01 · J0696' });
    await page.getByLabel('Dose', { exact: true }).fill('1');
    await page.getByLabel('Unit').selectOption('g');
    await page.getByRole('button', { name: 'Add authorization' }).click();
    await page.getByLabel('Number').fill('PA-55');
    await page.getByLabel('Code 1', { exact: true }).fill('S9500');
    await page.getByLabel('Units for code 1').fill('30');
    await page.getByRole('button', { name: 'Add therapy' }).last().click();
    const dxError = page.locator('#tf-dx-error');
    await dxError.waitFor();
    expect(await dxError.innerText()).toBe("'A419' needs its dot (A41.9)");
    await app.shot('chart-03-therapy-error');
    await page.getByLabel(/^Diagnoses/).fill('A41.9');
    await page.getByRole('button', { name: 'Add therapy' }).last().click();
    await page.getByText('Therapy T4 added.').waitFor();
    const card = page.locator('.therapy');
    expect(await card.innerText()).toContain('Anti-infective');
    expect(await card.innerText()).toContain('Ceftriaxone 2 g vial');
    expect(await card.innerText()).toContain('0 used · 30 left of 30');
    await app.shot('chart-04-chart');
  });

  it('logs a visit, shows 99601 × 1 and 99602 × 2 before saving, then signs an unsigned one from the list', async () => {
    app = await officeWithReferences();
    const { page } = app;
    await app.open('visits?patient=P1001', 'Nurse visits');
    await page.getByLabel('Therapy').selectOption('T1');
    await page.getByLabel('Nurse').selectOption('rn-ortiz');
    await page.getByLabel('Visit date').fill('2026-10-08');
    await page.getByLabel('Arrival').fill('0900');
    await page.getByLabel('Departure', { exact: true }).fill('0830');
    const depError = page.locator('#vf-departure-error');
    await depError.waitFor();
    expect(await depError.innerText()).toBe('departure 2026-10-08 08:30 is not after arrival 2026-10-08 09:00');
    await page.getByLabel('Departure', { exact: true }).fill('12:31');
    const preview = page.getByRole('region', { name: 'What this visit bills' });
    await preview.getByText('99602').waitFor();
    const lines = await preview.locator('tr').allInnerTexts();
    expect(lines.map((l) => l.split('\t').slice(0, 2).join(' ').trim())).toEqual(['99601 × 1', '99602 × 2']);
    expect(await preview.innerText()).toContain('3 h 31 min');
    await app.shot('visits-01-preview');

    await page.getByLabel(/The visit note is signed/).check();
    await page.getByRole('button', { name: 'Save signed visit' }).click();
    await page.getByText('Visit V4 saved and signed.').waitFor();

    // opened from Helen Garza's chart, the list shows her visits; then everyone's
    await page.locator('tbody tr', { hasText: '12:31' }).waitFor();
    expect(await page.locator('section.recent tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'Show every patient' }).click();
    await page.locator('section.recent tbody tr').nth(3).waitFor();
    // the example's V3 is unsigned: highlighted, and signed from the list
    const unsignedRow = page.locator('tr.unsigned');
    expect(await unsignedRow.count()).toBe(1);
    expect(await unsignedRow.innerText()).toContain('Silva, Mateo');
    await app.shot('visits-02-saved-with-unsigned');
    await unsignedRow.getByRole('button', { name: 'Sign' }).click();
    await page.locator('tr.unsigned').waitFor({ state: 'detached' });
    const visits = await app.call<{ id: string; signed: boolean }[]>('visits.recent', {});
    expect(visits.map((v) => `${v.id}:${v.signed}`)).toEqual(['V3:true', 'V2:true', 'V4:true', 'V1:true']);
  });

  it('records a dispense found by a 4-4-2 NDC, in the product’s NDC unit', async () => {
    app = await officeWithReferences();
    const { page } = app;
    await app.open('dispenses?patient=P1001', 'Dispensing log');
    await page.getByLabel('Therapy').selectOption('T1');
    await page.getByLabel('Dispense date').fill('2026-10-11');
    await page.getByLabel('Product (NDC or name)').fill('0409-7332');
    const option = page.getByRole('listbox').getByRole('option', { name: /Ceftriaxone 2 g vial/ });
    await option.waitFor();
    await app.shot('dispenses-01-lookup');
    await page.getByLabel('Product (NDC or name)').press('Enter');
    expect(await page.getByLabel('Product (NDC or name)').inputValue()).toBe('00409-7332-01 · Ceftriaxone 2 g vial');
    await page.getByLabel(/^Quantity/).fill('10');
    await page.getByLabel('Days’ supply').fill('10');
    await page.getByLabel('Lot').fill('CX4410');
    await page.getByLabel('Expiry').fill('2027-08-31');
    expect(await page.locator('label[for="df-qty"]').innerText()).toBe('Quantity (UN)');
    await page.getByRole('button', { name: 'Record dispense' }).click();
    await page.getByText(/Dispense D4 recorded: 10 UN of Ceftriaxone 2 g vial/).waitFor();
    await page.locator('section.card tbody tr', { hasText: 'CX4410' }).waitFor();
    // newest first
    expect(await page.locator('section.card tbody tr').first().innerText()).toContain('CX4410');
    await app.shot('dispenses-02-recorded');
    const rows = await app.call<{ id: string; ndc: string; quantity: number }[]>('dispenses.list', { patient: 'P1001' });
    expect(rows[0]).toMatchObject({ id: 'D4', ndc: '00409733201', quantity: 10 });
  });

  it('edits a dispense from the log, and refuses to change what an exported claim billed while lot and expiry still change', async () => {
    app = await officeWithReferences();
    const { page } = app;
    await app.open('dispenses?patient=P1001', 'Dispensing log');
    await page.getByRole('button', { name: 'Edit dispense D1' }).click();
    await page.getByRole('heading', { name: 'Edit dispense D1', level: 2 }).waitFor();
    expect(await page.getByLabel('Product (NDC or name)').inputValue()).toBe('00409-7332-01 · Ceftriaxone 2 g vial');
    expect(await page.getByLabel('Therapy').inputValue()).toBe('T1');
    expect(await page.getByLabel(/^Quantity/).inputValue()).toBe('10');
    // the form opens on the quantity
    expect(await page.evaluate('document.activeElement?.id')).toBe('df-qty');
    await page.getByLabel(/^Quantity/).fill('12');
    await page.getByLabel('Lot').fill('CX2291-A');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Dispense D1 updated: 12 UN of Ceftriaxone 2 g vial.').waitFor();
    await page.getByRole('heading', { name: 'Record a dispense', level: 2 }).waitFor();
    await page.locator('section.card tbody tr', { hasText: 'CX2291-A' }).waitFor();

    // the October claim goes out in an 837P: D1's dates are billed now
    await app.call('billing.build', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx' });
    const exported = await app.call<{ batch: { id: string } | null }>('billing.export837', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx', acceptWarnings: true });
    expect(exported.batch).not.toBeNull();
    const claim = (await app.call<{ claims: { id: string; patient: string; status: string }[] }>('billing.listClaims', { from: '2026-10-01', to: '2026-10-31', payer: 'bcbstx' })).claims.find((c) => c.patient === 'P1001')!;
    expect(claim.status).toBe('exported');

    await page.getByRole('button', { name: 'Edit dispense D1' }).click();
    const note = page.getByRole('note');
    await note.waitFor();
    expect(await note.innerText()).toContain(`Billed on sent claim ${claim.id} (exported, 10/01/2026–10/10/2026)`);
    await page.getByLabel(/^Quantity/).fill('8');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(new RegExp(`^Dispense D1 was not changed: it covers 2026-10-01 to 2026-10-10, and claim ${claim.id} \\(exported, 2026-10-01 to 2026-10-10\\) already billed therapy T1`));
    expect(await alert.innerText()).toContain(`create a replacement claim for ${claim.id} in Billing`);
    await app.shot('dispenses-04-edit-refused');

    await page.getByLabel(/^Quantity/).fill('12');
    await page.getByLabel('Lot').fill('CX2291-B');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Dispense D1 updated: 12 UN of Ceftriaxone 2 g vial.').waitFor();
    const rows = await app.call<{ id: string; quantity: number; lot: string | null }[]>('dispenses.list', { patient: 'P1001' });
    expect(rows.find((r) => r.id === 'D1')).toMatchObject({ quantity: 12, lot: 'CX2291-B' });
    await app.shot('dispenses-05-lot-corrected');
    // Escape leaves an edit without saving
    await page.getByRole('button', { name: 'Edit dispense D3' }).click();
    await page.getByRole('heading', { name: 'Edit dispense D3', level: 2 }).waitFor();
    await page.getByLabel('Lot').fill('IGNORED');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Record a dispense', level: 2 }).waitFor();
    expect((await app.call<{ id: string; lot: string | null }[]>('dispenses.list', { patient: 'P1001' })).find((r) => r.id === 'D3')!.lot).toBeNull();
  });

  it('finds a patient of the demo office from the keyboard and opens the chart (on a laptop-sized window)', async () => {
    app = await startApp({ now: '2026-11-05T09:00:00', viewport: { width: 1280, height: 800 } });
    await app.call('app.loadDemo');
    const { page } = app;
    await app.open('patients', 'Patients');
    const hits = await app.call<{ id: string; lastName: string; firstName: string }[]>('patients.search', { query: '' });
    const wanted = hits[1]!;
    await page.keyboard.press('/');
    await page.keyboard.type(wanted.lastName.slice(0, 4));
    const first = page.locator('#patient-results [aria-selected="true"]');
    await first.waitFor();
    const options = await page.locator('#patient-results [role="option"]').allInnerTexts();
    const index = options.findIndex((t) => t.includes(wanted.id));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `${wanted.lastName}, ${wanted.firstName}`, level: 2 }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/patients?patient=${wanted.id}`);
    await app.shot('chart-05-demo-chart');
    await app.open('visits', 'Nurse visits');
    await page.locator('tr.unsigned').first().waitFor();
    await app.shot('visits-03-demo-log');
    await page.goto(`${app.url}#/dispenses`);
    await page.locator('section.card tbody tr').first().waitFor();
    await app.shot('dispenses-03-demo-log');
  });
  it('refuses a therapy save over someone else’s newer change, naming who changed what', async () => {
    app = await officeWithReferences();
    const { page } = app;
    await page.goto(`${app.url}#/patients?patient=P1001`);
    const card = page.locator('.therapy').first();
    await card.getByRole('button', { name: 'Edit' }).click();
    const heading = page.getByRole('heading', { name: /^Edit therapy / });
    const id = (await heading.innerText()).replace('Edit therapy ', '');
    // meanwhile someone else stops the therapy (the table directly, as another workstation would)
    const view = await app.call<{ therapy: Record<string, unknown>; version: number }>('therapies.get', { id });
    await app.call('therapies.update', { ...view.therapy, stop: '2026-12-31', version: view.version });
    await page.getByRole('button', { name: 'Save therapy' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: `Therapy ${id} was not saved` });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(new RegExp(`^Therapy ${id} was not saved: system changed it at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, after you opened it\\. Reload it to see their change, then make yours again\\.`));
    expect(await refusal.innerText()).toContain('stop_date: ');
    await refusal.scrollIntoViewIfNeeded();
    await app.shot('chart-05-therapy-conflict');
    expect((await app.call<{ therapy: { stop: string } }>('therapies.get', { id })).therapy.stop).toBe('2026-12-31');
  });

  it('refuses a dispense save over someone else’s newer change, listing what they changed under the message', async () => {
    app = await officeWithReferences();
    const { page } = app;
    await page.goto(`${app.url}#/dispenses?patient=P1001`);
    await page.getByRole('button', { name: 'Edit dispense D1' }).click();
    await page.getByRole('heading', { name: 'Edit dispense D1', level: 2 }).waitFor();
    const lot = await page.getByLabel('Lot').inputValue();
    // meanwhile someone else corrects the lot (the table directly, as another workstation would)
    const detail = await app.call<{ row: Record<string, unknown>; version: number }>('dispenses.get', { id: 'D1' });
    const { patient: _p, patientName: _n, productName: _pn, hcpcs: _h, ndcUnit: _u, ...row } = detail.row;
    await app.call('dispenses.update', { ...row, lot: 'LOT-OTHER', version: detail.version });
    await page.getByLabel(/^Quantity/).fill('12');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Dispense D1 was not saved' });
    await refusal.waitFor();
    const [message, ...what] = (await refusal.innerText()).split('\n').filter(Boolean);
    expect(message).toMatch(/^Dispense D1 was not saved: system changed it at \d{4}-\d\d-\d\d \d\d:\d\d UTC, after you opened it\. Reload it to see their change, then make yours again\.$/);
    expect(what).toEqual([`lot: ${lot || '(blank)'} → LOT-OTHER`]);
    await app.shot('dispenses-06-conflict');
    // nothing of the refused save was kept
    const rows = await app.call<{ id: string; quantity: number; lot: string | null }[]>('dispenses.list', { patient: 'P1001' });
    expect(rows.find((r) => r.id === 'D1')).toMatchObject({ quantity: 10, lot: 'LOT-OTHER' });
  });
});
