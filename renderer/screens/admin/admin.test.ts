import { describe, expect, it } from 'vitest';
import { eachTestExampleOffice } from '../../../test/support/rendererOffice.ts';
import { AuditState } from './audit.svelte.ts';
import { BackupsState } from './backups.svelte.ts';
import { TokensState } from './tokens.svelte.ts';
import { UsersState } from './users.svelte.ts';

const office = eachTestExampleOffice({ signedIn: true });
const noRefresh = async () => {};

describe('the users screen', () => {
  it('creates a nurse user linked to her nurse record, and lists her with her role', async () => {
    const s = new UsersState(office.api, noRefresh);
    await s.load();
    const nurse = s.nurses[0]!;
    Object.assign(s.newUser.f, { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', nurseId: nurse.id, password: 'a nurse pass phrase' });
    expect(s.newUser.ready).toBe(true);
    expect(await s.create()).toBe(true);
    expect(s.notice).toBe('Nina Nurse (nina) can now sign in as nurse.');
    const nina = s.users.find((u) => u.username === 'nina');
    expect(nina).toMatchObject({ role: 'nurse', nurseId: nurse.id, disabled: false });
    expect(s.nurseName(nina!.nurseId)).toBe(`${nurse.firstName} ${nurse.lastName}, ${nurse.credential}`);
    // the form is blank again for the next one
    expect(s.newUser.f.username).toBe('');
  });

  it('names the field the server refuses and keeps what was typed', async () => {
    const s = new UsersState(office.api, noRefresh);
    await s.load();
    Object.assign(s.newUser.f, { username: 'ada', displayName: 'Another Ada', password: 'a long enough phrase' });
    expect(await s.create()).toBe(false);
    expect(s.error).toBeTruthy();
    expect(Object.keys(s.newUser.problems)).toContain('username');
    expect(s.newUser.f.displayName).toBe('Another Ada');
  });

  it('disables a user, sets a new password, and keeps the idle lock', async () => {
    const s = new UsersState(office.api, noRefresh);
    await s.load();
    Object.assign(s.newUser.f, { username: 'bill', displayName: 'Bill Biller', password: 'a biller pass phrase' });
    await s.create();
    const bill = s.users.find((u) => u.username === 'bill')!;
    await s.setDisabled(bill, true);
    expect(s.users.find((u) => u.username === 'bill')?.disabled).toBe(true);
    expect(s.notice).toBe('bill is disabled: they cannot sign in.');

    s.startReset('bill');
    s.reset!.f.password = 'short';
    expect(await s.saveReset()).toBe(false);
    expect(s.reset?.problems.password).toBeTruthy();
    s.reset!.f.password = 'a brand new phrase';
    expect(await s.saveReset()).toBe(true);
    expect(s.reset).toBeNull();
    expect(s.notice).toBe('New password set for bill.');

    let refreshed = 0;
    const t = new UsersState(office.api, async () => void refreshed++);
    t.idleMinutes = 0;
    expect(await t.saveIdle()).toBe(false);
    expect(t.idleError).toBeTruthy();
    t.idleMinutes = 30;
    expect(await t.saveIdle()).toBe(true);
    expect(t.notice).toBe('Perdiem now locks after 30 minutes without activity.');
    expect(refreshed).toBe(1);
  });
});

describe('the tokens screen', () => {
  it('shows a new token once, lists it with its role, and revokes it', async () => {
    const s = new TokensState(office.api);
    await s.load();
    Object.assign(s.f, { label: 'nightly-export', role: 'biller' });
    expect(await s.create()).toBe(true);
    expect(s.created?.label).toBe('nightly-export');
    expect(s.created?.token.length).toBeGreaterThan(20);
    expect(s.f.label).toBe('');
    const t = s.tokens.find((x) => x.label === 'nightly-export')!;
    expect(t).toMatchObject({ role: 'biller', revokedAt: null });
    await s.revoke(t);
    expect(s.tokens.find((x) => x.id === t.id)?.revokedAt).toBeTruthy();
  });
});

describe('the audit screen', () => {
  it('filters by action and exports the rows shown', async () => {
    const s = new AuditState(office.api);
    await s.load();
    expect(s.total).toBeGreaterThan(0);
    s.f.action = 'signin';
    await s.search();
    expect(s.entries.length).toBeGreaterThan(0);
    expect(s.entries.every((e) => e.action === 'signin')).toBe(true);
    expect(s.entries[0]!.actor).toBe('ada');
    const file = await s.export('csv');
    expect(file?.fileName).toMatch(/\.csv$/);
    await s.clear();
    expect(s.f.action).toBe('');
    expect(s.total).toBeGreaterThan(s.entries.filter((e) => e.action === 'signin').length);
  });
});

describe('the backups screen', () => {
  it('shows the server’s message for a backup that fails its check, and offers no restore', async () => {
    const s = new BackupsState(office.api, noRefresh);
    await s.check({ name: 'perdiem-missing.sqlite', at: '2026-11-01T00:00:00Z', reason: 'manual', size: 1 });
    expect(s.busy).toBeNull();
    expect(s.error).toMatch(/perdiem-missing\.sqlite/);
    expect(s.checked).toBeNull();
  });
});
