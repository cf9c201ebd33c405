// The administrator's screens: users, API tokens, the audit trail, backups, security settings.
import type { AuditEntry, AuditFilter } from '../domain/audit.ts';
import type { FilePayload } from './result.ts';
import type { RoleName } from './auth.ts';

export type { RoleName };

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: RoleName;
  nurseId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TokenView {
  id: string;
  label: string;
  role: RoleName;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** An audit entry as the store reads it back. */
export type AuditRow = AuditEntry;

/** The audit filter, newest first. */
export type AuditQuery = Omit<AuditFilter, 'order'>;

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  head: { entry: number; hash: string } | null;
  firstBroken: { entry: number; reason: string } | null;
}

export interface BackupView {
  name: string;
  at: string;
  reason: string;
  size: number;
}

export interface SecuritySettingsView {
  idleLockMinutes: number;
  backupKeep: number;
  backupIntervalHours: number;
}

export type AdminHandlers = {
  'users.list': (args: void) => UserView[];
  'users.create': (args: { username: string; displayName: string; role: RoleName; nurseId?: string | null; password: string }) => UserView;
  /**
   * Disabling a user of an encrypted office changes the office's key (docs/security.md): the new
   * recovery key is in the answer once. `password`: the acting administrator's own, so the new key
   * is wrapped for their command line at once (refused when wrong).
   */
  'users.update': (args: { username: string; displayName?: string; role?: RoleName; nurseId?: string | null; disabled?: boolean; password?: string }) => UserView & { recoveryKey: string | null };
  /** an administrator sets anyone's; a user changes her own with the current one */
  'users.setPassword': (args: { username: string; password: string; currentPassword?: string }) => null;
  'tokens.list': (args: void) => TokenView[];
  /** the token text is in the answer once and never again */
  'tokens.create': (args: { label: string; role: RoleName }) => { token: string; record: TokenView };
  /** revoking a token of an encrypted office changes the office's key, as disabling a user does */
  'tokens.revoke': (args: { id: string; password?: string }) => { revoked: boolean; recoveryKey: string | null };
  'audit.query': (args: AuditQuery) => { entries: AuditRow[]; total: number };
  /** the export is itself audited */
  'audit.export': (args: { format: 'csv' | 'json'; filter?: AuditQuery }) => FilePayload;
  /** walks the hash chain of the audit trail; `againstBackups`: also against the heads kept beside the backups (not after a restore) */
  'audit.verify': (args: { againstBackups?: boolean }) => AuditVerdict;
  /** who read one patient's data, oldest first */
  'audit.patientAccess': (args: { patient: string }) => AuditRow[];
  'backups.list': (args: void) => BackupView[];
  /** `keep`: how many backups to keep this time (default: the office's setting) */
  'backups.run': (args?: { keep?: number }) => BackupView;
  /** opens the backup with the office's key and runs the integrity check, changes nothing */
  'backups.verify': (args: { name: string }) => { name: string; integrity: 'ok'; schemaVersion: number };
  /** replaces the office with the backup (after the same check); everyone signs in again */
  'backups.restore': (args: { name: string }) => { name: string; integrity: 'ok'; schemaVersion: number; previous: string | null };
  'security.settings': (args: void) => SecuritySettingsView;
  'security.saveSettings': (args: Partial<SecuritySettingsView>) => SecuritySettingsView;
};
