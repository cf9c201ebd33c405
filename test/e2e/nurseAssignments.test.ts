// Nurse assignments in the browser: a biller assigns a patient to a nurse on the chart, and the
// nurse then finds that patient in her search; the chart's Nurses card is the biller's, not hers.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { signInThroughTheForm, startApp, type E2eApp } from './harness.ts';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const BILLER = { username: 'bo', displayName: 'Bo Biller', password: 'biller password 1', role: 'biller' as const };
const NURSE = { username: 'kim', displayName: 'Joon Kim', password: 'nurse password 1', role: 'nurse' as const, nurseId: 'lpn-kim' };

/** What the nurse's patient search on the visit screen answers for `text`: the options' names, or the no-match line. */
async function nurseSearch(page: Page, text: string): Promise<string[]> {
  const box = page.getByLabel('Patient');
  await box.fill('');
  await box.fill(text);
  const list = page.getByRole('listbox');
  // the answer for this text, not an earlier one: a name starting with it, or the no-match line naming it
  const answered = async () => {
    const items = await list.getByRole('option').allInnerTexts();
    return items.length > 0 && items.every((o) => o.trim().startsWith(text) || o.includes(`“${text}”`));
  };
  await expect.poll(answered, { timeout: 10_000 }).toBe(true);
  return (await list.getByRole('option').allInnerTexts()).map((t) => t.split('·')[0]!.trim());
}

describe('nurse assignments', () => {
  it('a biller assigns a patient on the chart and the nurse then sees her in her search', async () => {
    app = await startApp({ user: BILLER });
    await app.call('app.importFile', { fileName: 'example.json', text: fs.readFileSync(EXAMPLE_IMPORT, 'utf8') });
    app.addUser(NURSE);
    const { page } = app;

    // Joon Kim logged a visit for Silva only: Garza is not hers
    await page.goto(`${app.url}#/patients?patient=P1001`);
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Nurses', level: 2 }) });
    await card.getByRole('checkbox', { name: /Joon Kim/ }).waitFor();
    expect(await card.getByRole('checkbox', { name: /Joon Kim/ }).isChecked()).toBe(false);
    expect(await card.getByRole('checkbox', { name: /Maria Ortiz/ }).isChecked()).toBe(false);

    await card.getByRole('checkbox', { name: /Joon Kim/ }).check();
    await card.getByRole('status').waitFor();
    expect(await card.getByRole('status').innerText()).toMatch(/now sees this patient in her list\.$/);
    await app.shot('assignments-01-chart-nurses');
    expect(await app.call<string[]>('patients.nurses', { patient: 'P1001' })).toEqual(['lpn-kim']);

    // the nurse signs in: Garza is in her search now, beside Silva of her own visit
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInThroughTheForm(app, NURSE.username, NURSE.password);
    await page.goto(`${app.url}#/visits`);
    expect(await nurseSearch(page, 'Garza')).toEqual(['Garza, Helen']);
    await app.shot('assignments-02-nurse-search');
    // and the chart, with its Nurses card, is not hers
    expect(await page.getByRole('link', { name: /Patients/ }).count()).toBe(0);

    // unassigned by the biller: gone from her search again
    await app.call('patients.assignNurse', { patient: 'P1001', nurse: 'lpn-kim', assigned: false });
    await page.reload();
    await page.getByLabel('Patient').waitFor();
    expect(await nurseSearch(page, 'Garza')).toEqual(['No patient matches “Garza”.']);
  });
});
