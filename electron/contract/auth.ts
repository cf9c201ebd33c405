// Sign-in, first-run setup and the lock screen. The session itself lives in the main process
// (or the loopback server, behind an HttpOnly cookie): the renderer only ever sees this view.

export type RoleName = 'admin' | 'biller' | 'nurse';

export interface SessionView {
  state: 'signedOut' | 'active' | 'locked';
  /** the signed-in (or locked-out) user; null when signed out */
  user: { username: string; displayName: string; role: RoleName; nurseId: string | null } | null;
  /** the actions this user may do (roles.ts ACTIONS), for showing only what the role can use */
  permissions: string[];
  idleLockMinutes: number;
}

export interface AuthStatus {
  /** no user yet: first run creates the administrator */
  needsSetup: boolean;
  /** the database file is encrypted (SQLCipher) */
  encrypted: boolean;
  /** encrypted, and this computer's OS account does not hold its key (a new computer, a reinstalled system): enter the recovery key */
  needsRecovery: boolean;
  session: SessionView;
}

export interface SetupArgs {
  username: string;
  displayName: string;
  password: string;
  /** the password typed a second time */
  confirm: string;
}

export type AuthHandlers = {
  'auth.status': (args: void) => AuthStatus;
  /** first run only; returns the recovery key, which is never shown again */
  'auth.setup': (args: SetupArgs) => { username: string; recoveryKey: string };
  'auth.signIn': (args: { username: string; password: string }) => SessionView;
  /** activity in the window: resets the idle clock */
  'auth.touch': (args: void) => SessionView;
  'auth.lock': (args: void) => SessionView;
  'auth.signOut': (args: void) => SessionView;
  /** only while needsRecovery: opens the office with its recovery key and keeps the key for this OS account; then sign in */
  'auth.recover': (args: { recoveryKey: string }) => { recovered: true };
  /** any signed-in user: the current password, the new one twice; every other session of the account ends */
  'auth.changePassword': (args: ChangePasswordArgs) => SessionView;
};

export interface ChangePasswordArgs {
  currentPassword: string;
  password: string;
  /** the new password typed a second time */
  confirm: string;
}
