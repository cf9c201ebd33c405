import { describe, expect, it } from 'vitest';
import { AuthState } from '../../lib/state/auth.svelte.ts';
import { ADMIN, eachTestExampleOffice } from '../../../test/support/rendererOffice.ts';
import { ChangePasswordForm } from './changePasswordForm.svelte.ts';
import { RecoveryForm } from './recoveryForm.svelte.ts';
import { SetupForm } from './setupForm.svelte.ts';
import { SignInForm } from './signInForm.svelte.ts';

const office = eachTestExampleOffice({ signedIn: true });

async function signedOut(): Promise<AuthState> {
  const auth = new AuthState(office.api);
  await auth.signOut();
  await auth.refresh();
  return auth;
}

describe('signing in', () => {
  it('shows the server’s message for a wrong password and forgets what was typed', async () => {
    const auth = await signedOut();
    const form = new SignInForm(() => auth);
    form.username = ADMIN.username;
    form.password = 'not the password';
    expect(await form.signIn()).toBe(false);
    expect(form.error).toBe('wrong user name or password');
    expect(form.password).toBe('');
    expect(auth.phase).toBe('signedOut');
  });

  it('signs in, and unlocks for the locked user whatever the user name field says', async () => {
    const auth = await signedOut();
    const form = new SignInForm(() => auth);
    Object.assign(form, { username: ADMIN.username, password: ADMIN.password });
    expect(await form.signIn()).toBe(true);
    expect(auth.phase).toBe('active');
    await auth.lock();
    expect(form.locked).toBe(true);
    expect(form.lockedUser?.username).toBe(ADMIN.username);
    Object.assign(form, { username: 'someone-else', password: ADMIN.password });
    expect(await form.signIn()).toBe(true);
    expect(auth.session?.user?.username).toBe(ADMIN.username);
  });
});

describe('changing one’s password', () => {
  it('checks the second copy here, names a wrong current password, then changes it', async () => {
    const form = new ChangePasswordForm(office.api);
    Object.assign(form.f, { current: ADMIN.password, password: 'a new long phrase', confirm: 'a new long phrasE' });
    expect(await form.change()).toBe(false);
    expect(form.problems).toEqual({ confirm: 'does not match the new password' });
    expect(form.f.current).toBe(ADMIN.password);

    Object.assign(form.f, { current: 'a wrong current one', confirm: 'a new long phrase' });
    expect(form.ready).toBe(true);
    expect(await form.change()).toBe(false);
    expect(form.problems).toEqual({ currentPassword: 'is not your current password' });
    expect(form.error).toBe('the password was not changed');
    expect(form.f.current).toBe('');

    form.f.current = ADMIN.password;
    expect(await form.change()).toBe(true);
    expect(form.f).toEqual({ current: '', password: '', confirm: '' });
    const auth = await signedOut();
    expect(await auth.signIn(ADMIN.username, 'a new long phrase')).toBeNull();
  });
});

describe('first run and recovery', () => {
  it('setup checks the second copy before sending, then shows the server’s refusal', async () => {
    const form = new SetupForm(office.api);
    Object.assign(form.f, { username: 'boss', displayName: 'The Boss', password: 'a long enough phrase', confirm: 'something else' });
    expect(await form.create()).toBe(false);
    expect(form.problems).toEqual({ confirm: 'does not match the password' });
    form.f.confirm = form.f.password;
    expect(form.ready).toBe(true);
    // this office is open already: the handler says so
    expect(await form.create()).toBe(false);
    expect(form.error).toBe('this office cannot be set up from here: use the desktop app');
    expect(form.recoveryKey).toBeNull();
  });

  it('recovery counts the key as the handler reads it and shows its refusal', async () => {
    const form = new RecoveryForm(office.api);
    form.f.key = 'abcd-efgh ijkl';
    expect(form.typed).toBe(12);
    expect(await form.recover()).toBe(false);
    expect(form.error).toBe('this office opens on this computer already: sign in instead');
    expect(form.f.key).toBe('abcd-efgh ijkl');
  });
});
