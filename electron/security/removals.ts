// Disabling a user and revoking an API token: the two removals that change the office's key
// (keySwitch.ts), so what the removed person held (a keyring copy, their password's wrap, the key
// itself) opens nothing of the office any more. The key switch comes first, after every check
// that could refuse the removal: a refused removal changes no key, and a key switch whose removal
// then failed only renewed a key. The new recovery key is returned once, for the administrator.
import { appendAudit } from '../../db/repos/audit.ts';
import { getToken, getUserByName, type ApiToken, type User } from '../../db/repos/users.ts';
import { FieldError } from '../domain/errors.ts';
import { keyId } from './keyring.ts';
import type { KeyChange, SwitchResult } from './keySwitch.ts';
import type { SecurityContext } from './service.ts';
import { revokeToken } from './tokens.ts';
import { checkPassword, checkUpdate, updateUser, type UserPatch } from './users.ts';

/** What a removal answers: the new recovery key when the key changed (an encrypted office), null otherwise. */
export type Rekeyed<T> = T & { recoveryKey: string | null };

function opts(ctx: SecurityContext, actor: string) {
  return { now: ctx.now(), actor, ...(ctx.keyring ? { keyring: ctx.keyring } : {}) };
}

/**
 * The acting administrator's password, when given, is checked and wraps the new key for their
 * command line at once; without it their wrap is renewed at their next sign-in like everyone's.
 */
function actingAdmin(ctx: SecurityContext, u: User, password: string | undefined, refused: string): KeyChange['admin'] {
  if (password === undefined) return undefined;
  if (!checkPassword(ctx.db, u.username, password)) throw new FieldError(refused, { password: 'is not your password' });
  return { username: u.username, password };
}

function switchFor(ctx: SecurityContext, change: KeyChange, reason: string, actor: string): SwitchResult | null {
  const r = ctx.rekey?.(change) ?? null;
  if (r) {
    appendAudit(ctx.db, {
      actor,
      action: 'office.rekey',
      entity: 'office',
      after: { reason, keyId: keyId(r.dbKey), backupsReencrypted: r.backupsReencrypted, renewAtSignIn: r.renew, tokensToReissue: r.reissue },
    });
  }
  return r;
}

export function usersUpdate(ctx: SecurityContext, args: UserPatch & { username: string; password?: string }): Rekeyed<User> {
  const u = ctx.session.require('users.manage');
  const { username, password, ...patch } = args;
  const target = getUserByName(ctx.db, username);
  let r: SwitchResult | null = null;
  if (patch.disabled === true && target !== null && !target.disabled) {
    checkUpdate(ctx.db, username, patch);
    // the screens confirm a removal with the administrator's password, a plain office too
    const admin = actingAdmin(ctx, u, password, 'the user was not changed');
    r = switchFor(ctx, { remove: { user: target.username }, ...(admin ? { admin } : {}) }, `user ${target.username} disabled`, u.username);
  }
  return { ...updateUser(ctx.db, username, patch, opts(ctx, u.username)), recoveryKey: r?.recoveryKey ?? null };
}

export function tokensRevoke(ctx: SecurityContext, args: { id: string; password?: string }): Rekeyed<{ revoked: boolean }> {
  const u = ctx.session.require('tokens.manage');
  const t: ApiToken | undefined = getToken(ctx.db, args.id)?.token;
  let r: SwitchResult | null = null;
  if (t && !t.revokedAt) {
    const admin = actingAdmin(ctx, u, args.password, 'the token was not revoked');
    r = switchFor(ctx, { remove: { tokenId: t.id }, ...(admin ? { admin } : {}) }, `token ${t.id} (${t.label}) revoked`, u.username);
  }
  return { revoked: revokeToken(ctx.db, args.id, opts(ctx, u.username)), recoveryKey: r?.recoveryKey ?? null };
}
