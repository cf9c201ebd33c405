// The administrator's screens in the browser: backups (back up now, restore after the integrity
// check), API tokens (shown once, revoked), and what a biller's menu leaves out.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_IMPORT } from '../support/paths.ts';
import { ADMIN, signInThroughTheForm, startApp, type E2eApp } from './harness.ts';

let app: E2eApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const EXAMPLE = fs.readFileSync(EXAMPLE_IMPORT, 'utf8');

describe('the administration screens', () => {
  it('backs up, then restores the backup after its integrity check; everyone signs in again', async () => {
    app = await startApp();
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    const { page } = app;
    await app.open('backups', 'Backups');
    await page.getByText('No backups yet.').waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backed up: perdiem-.*-manual\.sqlite$/).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);

    // a nurse record added after the backup is gone once it is restored
    await app.call('settings.saveNurse', { id: 'rn-young', firstName: 'Zed', lastName: 'Young', credential: 'RN' });
    await page.getByRole('button', { name: 'Restore…' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Integrity check: ok').waitFor();
    await app.shot('security-08-restore-confirm');
    await confirm.getByRole('button', { name: 'Restore this backup' }).click();

    await signInThroughTheForm(app, ADMIN.username, ADMIN.password);
    const nurses = await app.call<{ id: string }[]>('settings.listNurses');
    expect(nurses.map((n) => n.id).sort()).toEqual(['lpn-kim', 'rn-ortiz']);
    // the restored office's own trail says where it came from, and the current office was kept first
    await page.goto(`${app.url}#/audit`);
    await page.getByLabel('Action').fill('backup.*');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.locator('tr[data-action="backup.restore"]').waitFor();
    await page.goto(`${app.url}#/backups`);
    await page.getByRole('cell', { name: 'pre-restore', exact: true }).waitFor();
    await app.shot('security-09-backups-after-restore');
  });

  it('shows a new API token once and revokes it', async () => {
    app = await startApp();
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    const { page } = app;
    page.on('dialog', (d) => void d.accept());
    await app.open('tokens', 'API tokens');
    await page.getByLabel('Label').fill('nightly-export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').innerText()).trim();
    expect(token).toMatch(/^pdt_[a-z0-9]{12}\.[A-Za-z0-9_-]{43}$/);
    await app.shot('security-10-token-once');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(token);
    const row = page.locator('tbody tr', { hasText: 'nightly-export' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Revoke the token “nightly-export”' }) });
    await form.getByLabel('Your password').fill('not my password');
    await form.getByRole('button', { name: 'Revoke the token' }).click();
    await form.getByText('is not your password').waitFor();
    expect(await row.getByText('active').count()).toBe(1);
    await form.getByLabel('Your password').fill(ADMIN.password);
    await form.getByRole('button', { name: 'Revoke the token' }).click();
    await row.getByText('revoked').waitFor();
  });

  it('disables a user after the administrator’s password, and shows the office’s new recovery key once', async () => {
    // an encrypted office, set up as on first run (the default test office is plain)
    app = await startApp({ user: false });
    await app.call('auth.setup', { ...ADMIN, confirm: ADMIN.password });
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    await app.call('users.create', { username: 'bo', displayName: 'Bo Biller', role: 'biller', password: 'biller password 1' });
    const { page } = app;
    await page.goto(app.url);
    await signInThroughTheForm(app, ADMIN.username, ADMIN.password);
    await page.goto(`${app.url}#/users`);
    const row = page.locator('tbody tr', { hasText: 'Bo Biller' });
    await row.getByRole('button', { name: 'Disable' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Disable Bo Biller (bo)' }) });
    await form.getByLabel('Your password').fill('not my password');
    await form.getByRole('button', { name: 'Disable and change the key' }).click();
    await form.getByText('is not your password').waitFor();
    await form.getByLabel('Your password').fill(ADMIN.password);
    await app.shot('security-12-disable-confirm');
    await form.getByRole('button', { name: 'Disable and change the key' }).click();
    const card = page.getByTestId('new-recovery-key');
    const key = (await card.locator('.adm-secret').innerText()).trim();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    await row.getByText('disabled').waitFor();
    await app.shot('security-13-new-recovery-key');
    expect(await card.getByRole('button', { name: 'Done' }).isDisabled()).toBe(true);
    await card.getByLabel('I have written it down').check();
    await card.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(key);
    // the administrator's session carries on over the new key
    const users = await app.call<{ username: string; disabled: boolean }[]>('users.list');
    expect(users.find((u) => u.username === 'bo')?.disabled).toBe(true);
  });

  it('locks after the idle time set on the Users screen', async () => {
    app = await startApp();
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    const { page } = app;
    await page.clock.install();
    await app.open('users', 'Users');
    await page.getByLabel('Lock after, in minutes').fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Perdiem now locks after 5 minutes without activity.').waitFor();
    await app.shot('security-11-users-idle');
    await page.clock.runFor('04:00');
    expect(await page.getByRole('heading', { name: 'Perdiem is locked' }).count()).toBe(0);
    await page.clock.runFor('01:30');
    await page.getByRole('heading', { name: 'Perdiem is locked' }).waitFor();
  });

  it('leaves users, tokens and the audit trail off a biller’s menu, and restores to administrators', async () => {
    app = await startApp({ user: { username: 'bo', displayName: 'Bo Biller', password: 'biller password 1', role: 'biller' } });
    await app.call('app.importFile', { fileName: 'example.json', text: EXAMPLE });
    const { page } = app;
    await page.goto(`${app.url}#/backups`);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backed up:/).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(nav.map((t) => t.split('\n')[0])).toEqual(['Patients', 'Nurse visits', 'Dispensing', 'Billing', 'Received files', 'Denials', 'Receivables', 'Settings', 'Backups']);
    expect(await page.getByRole('button', { name: 'Restore…' }).count()).toBe(0);
    // typing the address does not open the audit trail either
    await app.open('audit', 'Patients');
    expect(new URL(page.url()).hash).toBe('#/patients');
  });
});
