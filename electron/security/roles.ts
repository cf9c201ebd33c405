// Who may do what: the permission table as data. Every check in the app, the IPC handlers and
// the command line goes through can(); nothing else decides on roles.
import { UserError } from '../domain/errors.ts';

import { ROLES, type Role } from '../domain/security.ts';

export { ROLES, type Role };

export const ACTIONS = [
  'patients.view',
  'patients.edit',
  /** a nurse's own visits (the visits whose nurse is the user's linked nurse record) */
  'visits.own',
  'visits.edit',
  'settings.edit',
  'data.import',
  'claims.view',
  'claims.build',
  'export.837',
  'export.pdf',
  'audit.view',
  'audit.export',
  'users.manage',
  'tokens.manage',
  'backup.run',
  'backup.restore',
] as const;
export type Action = (typeof ACTIONS)[number];

/** what only an admin may do */
const ADMIN_ONLY: ReadonlySet<Action> = new Set<Action>(['audit.view', 'audit.export', 'users.manage', 'tokens.manage', 'backup.restore']);

/**
 * admin: everything. biller: the office's work, but not users, tokens, the audit trail or
 * restoring a backup over the live data. nurse: own visits only.
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  admin: ACTIONS,
  biller: ACTIONS.filter((a) => !ADMIN_ONLY.has(a)),
  nurse: ['visits.own'],
});

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** A UserError, so the command line exits 1 and a screen shows the message. */
export class PermissionError extends UserError {
  constructor(
    readonly role: Role,
    readonly action: Action,
  ) {
    super(`a ${role} may not ${action}`);
    this.name = 'PermissionError';
  }
}

export function requirePermission(role: Role, action: Action): void {
  if (!can(role, action)) throw new PermissionError(role, action);
}

/**
 * Which visits a user may see and change: every visit (null) or only those of one nurse record.
 * A nurse account without a linked nurse record sees none (an impossible id).
 */
export function visitScope(user: { role: Role; nurseId: string | null }): { nurseId: string } | null {
  if (can(user.role, 'visits.edit')) return null;
  if (can(user.role, 'visits.own')) return { nurseId: user.nurseId ?? '\u0000none' };
  return { nurseId: '\u0000none' };
}

export function mayTouchVisit(user: { role: Role; nurseId: string | null }, visitNurseId: string): boolean {
  const scope = visitScope(user);
  return scope === null || scope.nurseId === visitNurseId;
}
