// Nothing is lost when the computer is: the office's folder on a "new computer" (a server whose
// OS-side key is not the one the office was set up with) opens with the recovery key, typed as a
// person types it, after a wrong key was refused without changing anything. And every user can
// change their own password, which signs out their other sessions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../db/repos/audit.ts';
import { generateDbKey, keyringPath } from '../../electron/security/keyring.ts';
import { formatRecoveryKey } from '../../electron/security/recoveryKey.ts';
import { ADMIN, signInThroughTheForm, startApp, type E2eApp } from './harness.ts';

let app: E2eApp | null = null;
let dir: string | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const OWNER = { username: 'ana', displayName: 'Ana Reyes', password: 'infusion office keys 2026' };

describe('the office survives a new computer, and passwords change from the app', () => {
  it('asks a new computer for the recovery key, refuses a wrong one, then opens the office and signs in', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-e2e-recover-'));
    // the old computer: set up and some patients
    const old = await startApp({ user: false, dir });
    const setup = await old.call<{ recoveryKey: string }>('auth.setup', { ...OWNER, confirm: OWNER.password });
    await old.call('app.loadDemo');
    expect(old.office.encrypted).toBe(true);
    await old.close();

    // the new computer: same folder, another OS-side key
    app = await startApp({ user: false, dir });
    expect(app.office.needsRecovery).toBe(true);
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Open this office with its recovery key' }).waitFor();
    // nothing of the office answers, not even sign-in
    const refused = await page.evaluate(async (pw) => {
      const r = await fetch('/api/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: pw }) });
      return (await r.json()) as { ok: boolean; error?: { code?: string } };
    }, OWNER.password);
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });

    const keyring = fs.readFileSync(keyringPath(path.join(dir, 'office.sqlite')), 'utf8');
    const box = page.getByLabel('Recovery key');
    const open = page.getByRole('button', { name: 'Open the office' });
    // a well-formed key of another office
    await box.fill(formatRecoveryKey(generateDbKey()));
    await open.click();
    await page.getByText("this recovery key does not open this office's data").waitFor();
    expect(await page.getByText('Nothing was changed.').isVisible()).toBe(true);
    await app.shot('security-recovery-01-wrong-key');
    // a typo in one group
    const typo = setup.recoveryKey.slice(0, 5) + (setup.recoveryKey[5] === 'Z' ? 'Y' : 'Z') + setup.recoveryKey.slice(6);
    await box.fill(typo);
    await open.click();
    await page.getByText('that is not a recovery key: check for a mistyped group').waitFor();
    expect(fs.readFileSync(keyringPath(path.join(dir, 'office.sqlite')), 'utf8')).toBe(keyring);
    expect(app.office.needsRecovery).toBe(true);

    // the key as copied from paper: lower case, spaces instead of dashes
    await box.fill(setup.recoveryKey.toLowerCase().replace(/-/g, ' '));
    expect(await page.locator('#recovery-key-hint').innerText()).toContain('56 of 56 typed');
    await app.shot('security-recovery-02-key-typed');
    await open.click();
    await signInThroughTheForm(app, OWNER.username, OWNER.password);
    expect(app.office.needsRecovery).toBe(false);
    expect(fs.readFileSync(keyringPath(path.join(dir, 'office.sqlite')), 'utf8')).not.toBe(keyring);
    // the patients are all there
    await page.goto(`${app.url}#/patients`);
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option').count()).toBeGreaterThan(3);
    // the recovery is in the trail
    const trail = await page.evaluate(async () => {
      const r = await fetch('/api/audit.query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'office.recover' }) });
      return (await r.json()) as { ok: boolean; value: { entries: { action: string }[] } };
    });
    expect(trail.value.entries).toHaveLength(1);
  });

  it("changes the signed-in user's own password and signs out her other sessions", async () => {
    app = await startApp();
    await app.call('app.loadDemo');
    const { page } = app;
    // the same user signed in elsewhere (another browser)
    const elsewhere = await request.newContext({ baseURL: app.url });
    const post = async (name: string, data: unknown) =>
      (await (await elsewhere.post(`/api/${name}`, { data, headers: { 'content-type': 'application/json' } })).json()) as { ok: boolean; error?: { code?: string } };
    expect((await post('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    expect((await post('app.state', null)).ok).toBe(true);

    await page.goto(`${app.url}#/patients`);
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change your password' });
    await dialog.getByLabel('Current password').fill('not my password 1');
    await dialog.getByLabel('New password', { exact: true }).fill('a brand new office phrase');
    await dialog.getByLabel('New password again').fill('a brand new office phrase');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('is not your current password').waitFor();
    await dialog.getByLabel('Current password').fill(ADMIN.password);
    await app.shot('security-password-01-dialog');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    expect(await dialog.count()).toBe(0);

    // this window carries on; the other session is over, and only the new password signs in
    await page.getByRole('link', { name: /Billing/ }).click();
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    expect(await post('app.state', null)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await post('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(false);
    expect((await post('auth.signIn', { username: ADMIN.username, password: 'a brand new office phrase' })).ok).toBe(true);
    await elsewhere.dispose();
    expect(queryAudit(app.store.db, { action: 'password.change' }).map((e) => e.actor)).toEqual([ADMIN.username]);
  });
});
