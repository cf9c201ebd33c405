// Sign-in, first run and the lock screen, over the caller's own session (the transport's; the
// registry never takes a role or a user from the request).
import { z } from 'zod';
import { DEFAULT_SECURITY_SETTINGS } from '../../../db/repos/securitySettings.ts';
import { defaultBackupDir } from '../../../db/backups.ts';
import { passwordProblem } from '../../security/passwords.ts';
import * as security from '../../security/service.ts';
import type { SecurityContext } from '../../security/service.ts';
import type { KeyChange } from '../../security/keySwitch.ts';
import type { HandlerContext } from '../context.ts';
import type { AuthHandlers, SessionView } from '../../contract/auth.ts';
import { defineHandlers } from '../define.ts';
import { FieldError, UserError } from '../../domain/errors.ts';

/** The service's context from a handler's: the caller's session, the office's keyring and backups. */
export function securityContext(ctx: HandlerContext): SecurityContext {
  if (!ctx.session) throw new UserError('this request needs a signed-in session');
  return {
    db: ctx.db,
    session: ctx.session,
    ...(ctx.office?.keyring ? { keyring: ctx.office.keyring } : {}),
    ...(ctx.office?.encrypted ? { rekey: (change: KeyChange) => ctx.office!.rekey(change) } : {}),
    backupDir: ctx.office?.backupDir ?? defaultBackupDir(ctx.db.name),
    now: ctx.now,
  };
}

const view = (ctx: HandlerContext): SessionView => security.sessionView(securityContext(ctx));

const setupArgs = z.object({
  username: z.string().trim().min(1, 'is required').max(64),
  displayName: z.string().trim().min(1, 'is required').max(200),
  password: z.string().max(1000),
  confirm: z.string().max(1000),
});

export default defineHandlers<AuthHandlers>({
  'auth.status': {
    run: (ctx) =>
      ctx.office?.needsRecovery
        ? // nothing of the office is open: nobody is signed in, and no setting can be read
          { needsSetup: false, encrypted: true, needsRecovery: true, session: { state: 'signedOut', user: null, permissions: [], idleLockMinutes: DEFAULT_SECURITY_SETTINGS.idleLockMinutes } }
        : {
            needsSetup: ctx.office ? ctx.office.needsSetup() : false,
            encrypted: ctx.office?.encrypted ?? false,
            needsRecovery: false,
            session: view(ctx),
          },
  },

  'auth.recover': {
    args: z.object({ recoveryKey: z.string().max(400) }),
    run: (ctx, a) => {
      if (!ctx.office?.needsRecovery) throw new UserError('this office opens on this computer already: sign in instead');
      if (!a.recoveryKey.trim()) throw new FieldError('the office was not opened', { recoveryKey: 'is required' });
      ctx.office.recover(a.recoveryKey);
      return { recovered: true as const };
    },
  },

  'auth.changePassword': {
    args: z.object({ currentPassword: z.string().max(1000), password: z.string().max(1000), confirm: z.string().max(1000) }),
    run: (ctx, a) => security.changeOwnPassword(securityContext(ctx), a),
  },

  'auth.setup': {
    args: setupArgs,
    run: (ctx, a) => {
      if (!ctx.office) throw new UserError('this office cannot be set up from here: use the desktop app');
      const problems: Record<string, string> = {};
      const weak = passwordProblem(a.password);
      if (weak) problems.password = weak;
      else if (a.confirm !== a.password) problems.confirm = 'does not match the password';
      if (Object.keys(problems).length) throw new FieldError('the administrator was not created', problems);
      const { recoveryKey } = ctx.office.setup({ username: a.username, displayName: a.displayName, password: a.password });
      return { username: a.username, recoveryKey };
    },
  },

  'auth.signIn': {
    args: z.object({ username: z.string().max(64), password: z.string().max(1000) }),
    run: (ctx, a) => security.signIn(securityContext(ctx), a),
  },
  'auth.touch': { run: (ctx) => view(ctx) },
  'auth.lock': { run: (ctx) => security.lock(securityContext(ctx)) },
  'auth.signOut': { run: (ctx) => security.signOut(securityContext(ctx)) },
});
