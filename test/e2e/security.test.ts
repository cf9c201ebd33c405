// Patient data stays private, in the browser: first-run setup with the recovery key shown once,
// a nurse who sees and records only her own visits and is refused billing, the audit trail that
// shows both, and the idle lock that hides every patient.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isEncryptedFile } from '../../db/cipher.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { ADMIN, signInThroughTheForm, startApp, type E2eApp } from './harness.ts';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const EXAMPLE = fs.readFileSync(EXAMPLE_IMPORT, 'utf8');
const NURSE = { username: 'nina', displayName: 'Maria Ortiz', password: 'nurse password 1' };

/** What a page's own script can do with the session cookie: post to the API (the cookie is HttpOnly, so never read it). */
async function pageCall(app: E2eApp, name: string, args: unknown): Promise<{ ok: boolean; error?: { message: string; code?: string } }> {
  return app.page.evaluate(
    async ([n, a]) => {
      const r = await fetch(`/api/${n}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      return (await r.json()) as { ok: boolean; error?: { message: string; code?: string } };
    },
    [name, args] as const,
  );
}

describe('patient data stays private in the app', () => {
  it('sets up an empty office: the administrator, then the recovery key shown once, then sign-in', async () => {
    app = await startApp({ user: false });
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Set up Perdiem' }).waitFor();
    // nothing of the office answers before anyone has signed in
    expect((await pageCall(app, 'app.state', null)).error?.code).toBe('locked');

    await page.getByLabel('User name').fill('ana');
    await page.getByLabel('Full name').fill('Ana Reyes');
    await page.getByLabel('Password', { exact: true }).fill('short');
    expect(await page.locator('#setup-password-hint').innerText()).toContain('5 more');
    await page.getByLabel('Password', { exact: true }).fill('infusion office keys 2026');
    await page.getByLabel('Password again').fill('infusion office keys 2026');
    expect(await page.locator('#setup-password-hint').innerText()).toBe('Strong.');
    await app.shot('security-01-setup');
    await page.getByRole('button', { name: 'Create administrator' }).click();

    const keyBox = page.getByTestId('recovery-key');
    await keyBox.waitFor();
    const key = (await keyBox.innerText()).trim();
    expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){13}$/);
    // the office is now encrypted on disk
    expect(app.office.encrypted).toBe(true);
    expect(isEncryptedFile(path.join(app.dir, 'office.sqlite'))).toBe(true);
    const next = page.getByRole('button', { name: 'Continue' });
    expect(await next.isDisabled()).toBe(true);
    await app.shot('security-02-recovery-key');
    await page.getByLabel('I have written it down').check();
    await next.click();

    // sign-in, with the new administrator's name filled in; the key is gone and never comes back
    await page.getByRole('heading', { name: 'Sign in to Perdiem' }).waitFor();
    expect(await page.getByLabel('User name').inputValue()).toBe('ana');
    expect(await page.content()).not.toContain(key.slice(0, 14));
    await page.getByLabel('Password').fill('infusion office keys 2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome to Perdiem' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to Perdiem' }).waitFor();
    expect(await page.content()).not.toContain(key.slice(0, 14));
    // the sign-in is in the trail, read with the administrator's own session
    const trail = await app.page.evaluate(async () => {
      const r = await fetch('/api/audit.query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'signin' }) });
      return (await r.json()) as { ok: boolean; value: { entries: { actor: string }[] } };
    });
    expect(trail.value.entries.map((e) => e.actor)).toEqual(['ana']);
  });

  it('lets a nurse log and sign only her own visits, refuses her billing, and shows it all in the audit trail', async () => {
    app = await startApp();
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    const { page } = app;

    // the administrator creates the nurse's account, linked to her nurse record
    await app.open('users', 'Users');
    await page.getByLabel('User name').fill(NURSE.username);
    await page.getByLabel('Full name').fill(NURSE.displayName);
    await page.getByLabel('Role').selectOption('nurse');
    await page.getByLabel('Nurse record').selectOption('rn-ortiz');
    await page.getByLabel('Password').fill(NURSE.password);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Maria Ortiz (nina) can now sign in as nurse.').waitFor();
    await app.shot('security-03-users');
    await page.getByRole('button', { name: 'Sign out' }).click();

    // the nurse: only the visit log, only her visits (V1, V2 are Maria Ortiz's; V3 is Joon Kim's)
    await signInThroughTheForm(app, NURSE.username, NURSE.password);
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(nav.map((t) => t.split('\n')[0])).toEqual(['Nurse visits']);
    await page.getByRole('heading', { name: 'Nurse visits', level: 1 }).waitFor();
    const rows = page.locator('section.recent tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.locator('section.recent').innerText()).not.toContain('Kim');
    // the screen offers only what she may do: herself as the nurse, already chosen; patient names
    // as text, not links to charts she cannot open
    const nursePicker = page.getByLabel('Nurse');
    expect(await nursePicker.locator('option').allInnerTexts()).toEqual(['Ortiz, Maria, RN']);
    expect(await nursePicker.inputValue()).toBe('rn-ortiz');
    expect(await page.locator('section.recent tbody button.link').count()).toBe(0);
    expect(await page.locator('section.recent tbody .patient-name').count()).toBe(2);
    expect(await page.getByRole('link', { name: /Patients/ }).count()).toBe(0);

    await page.getByLabel('Patient').fill('Garza');
    await page.getByRole('option', { name: /Garza, Helen/ }).click();
    await page.getByLabel('Therapy').selectOption('T1');
    await page.getByLabel('Visit date').fill('2026-10-08');
    await page.getByLabel('Arrival').fill('0900');
    await page.getByLabel('Departure', { exact: true }).fill('1231');
    await page.getByRole('region', { name: 'What this visit bills' }).getByText('99602').waitFor();
    await page.getByRole('button', { name: 'Save visit' }).click();
    await page.getByText(/Visit V4 saved/).waitFor();
    const v4 = page.locator('section.recent tbody tr', { hasText: '12:31' });
    await v4.getByRole('button', { name: 'Sign' }).click();
    await page.locator('tr.unsigned').waitFor({ state: 'detached' });
    // the next visit is hers again, also after "New visit"
    expect(await nursePicker.inputValue()).toBe('rn-ortiz');
    await page.getByLabel('Patient').fill('Garza');
    await page.getByRole('option', { name: /Garza, Helen/ }).click();
    await page.getByRole('button', { name: 'New visit' }).click();
    expect(await nursePicker.inputValue()).toBe('rn-ortiz');
    expect(await rows.count()).toBe(3);
    expect(await page.locator('section.recent tbody').innerText()).not.toMatch(/Kim|Joon/);
    await app.shot('security-04-nurse-visits');

    // another nurse's visit and the billing are refused, whatever the page's script sends
    expect((await pageCall(app, 'visits.sign', { id: 'V3', signed: false })).ok).toBe(false);
    const refused = await pageCall(app, 'billing.export837', { claimIds: [] });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('denied');
    expect((await pageCall(app, 'patients.chart', { id: 'P1001' })).error?.code).toBe('denied');
    const signed = await app.call<{ id: string; nurse: string; signed: boolean }[]>('visits.recent', {});
    expect(signed.find((v) => v.id === 'V4')).toMatchObject({ signed: true });
    expect(signed.find((v) => v.id === 'V3')).toMatchObject({ signed: false });

    // the administrator reads the trail: the visit's create and sign by nina, and her refused export
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInThroughTheForm(app, ADMIN.username, ADMIN.password);
    await app.open('audit', 'Audit trail');
    await page.getByLabel('User', { exact: true }).fill('nina');
    await page.getByLabel('Record type').fill('visits');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('2 of 2 entries, newest first').waitFor();
    const visitRows = await page.locator('table.audit tbody tr').allInnerTexts();
    expect(visitRows[0]).toMatch(/nina\s+update\s+visits V4/);
    // an update shows only what changed
    expect(visitRows[0]).toMatch(/visits V4\s+signed\s+0 → 1$/);
    expect(visitRows[1]).toMatch(/nina\s+create\s+visits V4/);
    await app.shot('security-05-audit-visit');

    await page.getByLabel('Record type').fill('');
    await page.getByLabel('Action').fill('request.denied');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.locator('tr[data-action="request.denied"]', { hasText: 'billing.export837' }).waitFor();
    const denied = await page.locator('tr[data-action="request.denied"]').allInnerTexts();
    expect(denied.some((t) => /nina\s+request\.denied\s+request billing\.export837/.test(t))).toBe(true);
    await app.shot('security-06-audit-denied');

    // the export names what it holds and is recorded too
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv).toContain('request.denied');
    expect(csv).toContain('billing.export837');
  });

  it('locks after the idle time, hiding every patient until the password is typed again', async () => {
    app = await startApp();
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    const { page } = app;
    await page.clock.install();
    await page.goto(`${app.url}#/patients`);
    const helen = page.getByRole('option', { name: /Garza, Helen/ });
    await helen.waitFor();
    const search = page.getByRole('combobox', { name: 'Find a patient' });
    await search.fill('Gar');
    await page.getByRole('option', { name: /Silva/ }).waitFor({ state: 'detached' });

    // 16 minutes without a key or the mouse (the default idle lock is 15)
    await page.clock.runFor('16:00');
    await page.getByRole('heading', { name: 'Perdiem is locked' }).waitFor();
    expect(await helen.isVisible()).toBe(false);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Garza');
    expect(text).not.toContain('Silva');
    await app.shot('security-07-locked');
    // locked on the server too: the page's own requests are refused
    expect((await pageCall(app, 'patients.search', { query: 'Garza' })).error?.code).toBe('locked');

    await page.getByLabel('Password').fill('wrong password 1');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('wrong user name or password').waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // the screen comes back as it was, with what was typed
    await helen.waitFor();
    expect(await search.inputValue()).toBe('Gar');

    // the session's own clock locks it as well, even when the window sends nothing
    app.advance(16 * 60_000);
    await page.getByRole('link', { name: /Billing/ }).click();
    await page.getByRole('heading', { name: 'Perdiem is locked' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Garza');
  });
});
