// What the sign-in screen, the lock screen, the audit viewer and the users/tokens/backup settings
// call (through IPC handlers the shell registers). Every function takes the session and checks
// the permission itself, so a handler cannot forget to.
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit, countAudit, exportAuditCsv, exportAuditJson, queryAudit, type AuditEntry, type AuditFilter } from '../../db/repos/audit.ts';
import { getSecuritySettings, setSecuritySettings, type SecuritySettings } from '../../db/repos/securitySettings.ts';
import { listTokens, listUsers, type ApiToken, type User } from '../../db/repos/users.ts';
import { backupNow, listBackups, type BackupInfo } from '../../db/backups.ts';
import { FieldError } from '../domain/errors.ts';
import { passwordProblem } from './passwords.ts';
import { ACTIONS, can, requirePermission, type Action, type Role } from './roles.ts';
import type { SessionManager, SessionState } from './sessions.ts';
import { createToken } from './tokens.ts';
import { renewPasswordWrap, type KeyChange, type SwitchResult } from './keySwitch.ts';
import { changePassword, checkPassword, createUser, type KeyringContext, type NewUser } from './users.ts';

export interface SecurityContext {
  db: Database.Database;
  session: SessionManager;
  /** present for an encrypted database (openOffice / initializeOffice) */
  keyring?: KeyringContext;
  backupDir: string;
  /** ISO date-time */
  now(): string;
  /** changes the office's key (an encrypted office: removals.ts); absent for a plain one */
  rekey?: (change: KeyChange) => SwitchResult | null;
}

export interface SessionView {
  state: SessionState;
  user: Pick<User, 'username' | 'displayName' | 'role' | 'nurseId'> | null;
  permissions: Action[];
  idleLockMinutes: number;
}

const view = (u: User) => ({ username: u.username, displayName: u.displayName, role: u.role, nurseId: u.nurseId });

function opts(ctx: SecurityContext, actor: string) {
  return { now: ctx.now(), actor, ...(ctx.keyring ? { keyring: ctx.keyring } : {}) };
}

export function sessionView(ctx: SecurityContext): SessionView {
  const { state, user: u } = ctx.session.status();
  return {
    state,
    user: u ? view(u) : null,
    permissions: u ? ACTIONS.filter((a) => can(u.role, a)) : [],
    idleLockMinutes: getSecuritySettings(ctx.db).idleLockMinutes,
  };
}

export function signIn(ctx: SecurityContext, args: { username: string; password: string }): SessionView {
  ctx.session.signIn(args.username, args.password);
  // the password is at hand and the key is held here: a wrap missing since a key switch (or a lost keyring) comes back
  const u = ctx.session.status().user;
  if (ctx.keyring && u && renewPasswordWrap(ctx.keyring, u.username, args.password)) {
    appendAudit(ctx.db, { actor: u.username, action: 'key.rewrap', entity: 'users', entityId: u.username, after: { commandLineKey: 'renewed at sign-in' } });
  }
  return sessionView(ctx);
}

export function lock(ctx: SecurityContext): SessionView {
  ctx.session.lock('user');
  return sessionView(ctx);
}

export function signOut(ctx: SecurityContext): SessionView {
  ctx.session.signOut();
  return sessionView(ctx);
}

export function auditQuery(ctx: SecurityContext, filter: AuditFilter): { entries: AuditEntry[]; total: number } {
  ctx.session.require('audit.view');
  return { entries: queryAudit(ctx.db, filter), total: countAudit(ctx.db, filter) };
}

/** The export is itself recorded, with the filter used. */
export function auditExport(
  ctx: SecurityContext,
  args: { format: 'csv' | 'json'; filter?: AuditFilter },
): { fileName: string; mime: string; text: string } {
  const u = ctx.session.require('audit.export');
  const filter = args.filter ?? {};
  const text = args.format === 'json' ? exportAuditJson(ctx.db, filter) : exportAuditCsv(ctx.db, filter);
  appendAudit(ctx.db, { actor: u.username, action: 'audit.export', entity: 'audit_log', after: { format: args.format, filter } });
  const stamp = ctx.now().slice(0, 10);
  return {
    fileName: `perdiem-audit-${stamp}.${args.format}`,
    mime: args.format === 'json' ? 'application/json' : 'text/csv',
    text,
  };
}

/** For the CMS-1500 print and any other export that records no batch: one audit row. */
export function recordPrint(ctx: SecurityContext, details: { what: string; claims?: string[]; batch?: string | null }): void {
  const u = ctx.session.require('export.pdf');
  appendAudit(ctx.db, { actor: u.username, action: 'export.pdf', entity: details.batch ? 'batches' : 'claims', entityId: details.batch ?? null, after: details });
}

export function usersList(ctx: SecurityContext): ReturnType<typeof listUsers> {
  ctx.session.require('users.manage');
  return listUsers(ctx.db);
}

export function usersCreate(ctx: SecurityContext, input: NewUser): User {
  const u = ctx.session.require('users.manage');
  return createUser(ctx.db, input, opts(ctx, u.username));
}

/** An administrator sets anyone's password; anyone changes their own with the current one. */
export function usersSetPassword(ctx: SecurityContext, args: { username: string; password: string; currentPassword?: string }): void {
  const u = ctx.session.touch();
  const self = u.username.toLowerCase() === args.username.trim().toLowerCase();
  if (!self) requirePermission(u.role, 'users.manage');
  else if (!can(u.role, 'users.manage') && !checkPassword(ctx.db, u.username, args.currentPassword ?? '')) {
    throw new FieldError('the password was not changed', { currentPassword: 'is not your current password' });
  }
  changePassword(ctx.db, args.username, args.password, opts(ctx, u.username));
  // the other user's sessions end at their next request (sessions.ts); one's own carries on
  if (self) ctx.session.renewCredential();
}

/**
 * Any role changes their own password: the current one first, the new one twice. Every other
 * session of the account ends (other windows, other browsers: sessions.ts re-reads the account),
 * this one carries on; the command line's keyring wrap follows the new password.
 */
export function changeOwnPassword(ctx: SecurityContext, args: { currentPassword: string; password: string; confirm: string }): SessionView {
  const u = ctx.session.touch();
  const problems: Record<string, string> = {};
  if (!checkPassword(ctx.db, u.username, args.currentPassword)) problems.currentPassword = 'is not your current password';
  const weak = passwordProblem(args.password);
  if (weak) problems.password = weak;
  else if (args.password === args.currentPassword) problems.password = 'is the current password: choose a new one';
  else if (args.confirm !== args.password) problems.confirm = 'does not match the new password';
  if (Object.keys(problems).length) {
    if (problems.currentPassword) appendAudit(ctx.db, { actor: u.username, action: 'password.change.failed', entity: 'users', entityId: u.username, after: { reason: 'wrong current password' } });
    throw new FieldError('the password was not changed', problems);
  }
  changePassword(ctx.db, u.username, args.password, opts(ctx, u.username));
  ctx.session.renewCredential();
  appendAudit(ctx.db, { actor: u.username, action: 'password.change', entity: 'users', entityId: u.username, after: { commandLineKey: ctx.keyring ? 'rewrapped' : 'none (database not encrypted)' } });
  return sessionView(ctx);
}

export function tokensList(ctx: SecurityContext): ApiToken[] {
  ctx.session.require('tokens.manage');
  return listTokens(ctx.db);
}

/** The token text is returned once; show it and forget it. */
export function tokensCreate(ctx: SecurityContext, args: { label: string; role: Role }): { token: string; record: ApiToken } {
  const u = ctx.session.require('tokens.manage');
  return createToken(ctx.db, args, opts(ctx, u.username));
}

export function backupsList(ctx: SecurityContext): BackupInfo[] {
  ctx.session.require('backup.run');
  return listBackups(ctx.backupDir);
}

/** `keep`: how many to keep this time (the command line's --keep); the office's setting otherwise. */
export function backupsRun(ctx: SecurityContext, keep?: number): BackupInfo {
  const u = ctx.session.require('backup.run');
  const b = backupNow(ctx.db, ctx.backupDir, new Date(), { reason: 'manual', keep: keep ?? getSecuritySettings(ctx.db).backupKeep });
  appendAudit(ctx.db, { actor: u.username, action: 'backup.run', entity: 'backups', entityId: b.name });
  return b;
}

export function securitySettingsGet(ctx: SecurityContext): SecuritySettings {
  ctx.session.touch();
  return getSecuritySettings(ctx.db);
}

export function securitySettingsSet(ctx: SecurityContext, patch: Partial<SecuritySettings>): SecuritySettings {
  ctx.session.require('users.manage');
  const problems = setSecuritySettings(ctx.db, patch);
  if (problems.length) {
    throw new FieldError('the settings were not saved', Object.fromEntries(problems.map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 2)])));
  }
  return getSecuritySettings(ctx.db);
}
