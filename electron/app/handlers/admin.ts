// The administrator's screens: users, API tokens, the audit trail, backups and the idle lock.
// The permission is checked twice on purpose: by the registry (requests.ts) and by the service.
import path from 'node:path';
import { z } from 'zod';
import { appendAudit, patientAccess } from '../../../db/repos/audit.ts';
import { verifyChain } from '../../../db/repos/auditChain.ts';
import { backupHeads, listBackups, verifyBackup, type BackupInfo } from '../../../db/backups.ts';
import { storeKey } from '../../../db/cipher.ts';
import { ROLES } from '../../security/roles.ts';
import * as security from '../../security/service.ts';
import * as removals from '../../security/removals.ts';
import type { HandlerContext } from '../context.ts';
import type { AdminHandlers, BackupView } from '../../contract/admin.ts';
import { defineHandlers } from '../define.ts';
import { UserError } from '../../domain/errors.ts';
import { securityContext as sec } from './auth.ts';

const role = z.enum(ROLES);
const text = (max: number) => z.string().max(max);

const auditQuery = z.object({
  actor: text(64).optional(),
  action: text(64).optional(),
  entity: text(64).optional(),
  entityId: text(200).optional(),
  from: text(40).optional(),
  to: text(40).optional(),
  text: text(200).optional(),
  limit: z.number().int().positive().max(5000).optional(),
  offset: z.number().int().nonnegative().optional(),
});

const backupView = (b: BackupInfo): BackupView => ({ name: b.name, at: b.at, reason: b.reason, size: b.size });

/** A backup named by the caller, only from the office's own list (never a path from the caller). */
function findBackup(ctx: HandlerContext, name: string): string {
  const file =
    path.basename(name) !== name
      ? null
      : ctx.office
        ? ctx.office.backupFile(name)
        : (listBackups(sec(ctx).backupDir).find((x) => x.name === name)?.file ?? null);
  if (!file) throw new UserError(`there is no backup '${name}'`);
  return file;
}

function verify(ctx: HandlerContext, file: string): number {
  const key = ctx.office?.keyring ? storeKey(ctx.office.keyring.dbKey) : undefined;
  return verifyBackup(file, key);
}

export default defineHandlers<AdminHandlers>({
  'users.list': { run: (ctx) => security.usersList(sec(ctx)) },
  'users.create': {
    args: z.object({ username: text(64), displayName: text(200), role, nurseId: text(64).nullable().optional(), password: text(1000) }),
    run: (ctx, a) => security.usersCreate(sec(ctx), { ...a, nurseId: a.nurseId || null }),
  },
  'users.update': {
    args: z.object({ username: text(64), displayName: text(200).optional(), role: role.optional(), nurseId: text(64).nullable().optional(), disabled: z.boolean().optional(), password: text(1000).optional() }),
    run: (ctx, a) => removals.usersUpdate(sec(ctx), a),
  },
  'users.setPassword': {
    args: z.object({ username: text(64), password: text(1000), currentPassword: text(1000).optional() }),
    run: (ctx, a) => {
      security.usersSetPassword(sec(ctx), a);
      return null;
    },
  },

  'tokens.list': { run: (ctx) => security.tokensList(sec(ctx)) },
  'tokens.create': {
    args: z.object({ label: text(100), role }),
    run: (ctx, a) => security.tokensCreate(sec(ctx), a),
  },
  'tokens.revoke': { args: z.object({ id: text(64), password: text(1000).optional() }), run: (ctx, a) => removals.tokensRevoke(sec(ctx), a) },

  'audit.query': { args: auditQuery, run: (ctx, f) => security.auditQuery(sec(ctx), { ...f, limit: f.limit ?? 200 }) },
  'audit.export': {
    args: z.object({ format: z.enum(['csv', 'json']), filter: auditQuery.optional() }),
    run: (ctx, a) => {
      const { limit: _limit, offset: _offset, ...filter } = a.filter ?? {};
      const f = security.auditExport(sec(ctx), { format: a.format, filter });
      return { fileName: f.fileName, mime: f.mime, base64: Buffer.from(f.text, 'utf8').toString('base64') };
    },
  },

  'audit.verify': {
    args: z.object({ againstBackups: z.boolean().optional() }),
    run: (ctx, a) => verifyChain(ctx.db, a.againstBackups ? backupHeads(sec(ctx).backupDir) : []),
  },
  'audit.patientAccess': { args: z.object({ patient: text(64) }), run: (ctx, a) => patientAccess(ctx.db, a.patient) },

  'backups.list': { run: (ctx) => security.backupsList(sec(ctx)).map(backupView) },
  'backups.run': {
    args: z.object({ keep: z.number().int().min(1).max(999).optional() }).optional(),
    run: (ctx, a) => backupView(security.backupsRun(sec(ctx), a?.keep)),
  },
  'backups.verify': {
    args: z.object({ name: text(200) }),
    run: (ctx, { name }) => ({ name, integrity: 'ok' as const, schemaVersion: verify(ctx, findBackup(ctx, name)) }),
  },
  'backups.restore': {
    args: z.object({ name: text(200) }),
    run: (ctx, { name }) => {
      const office = ctx.office;
      if (!office) throw new UserError('restoring needs the office itself: close the app and use `perdiem backup restore`');
      const file = findBackup(ctx, name);
      verify(ctx, file);
      const actor = ctx.user?.username ?? 'system';
      const r = office.restore(file);
      // written into the restored office, so its own trail says where it came from
      appendAudit(office.db, { actor, action: 'backup.restore', entity: 'backups', entityId: name, after: { schemaVersion: r.version, previous: r.previous ? path.basename(r.previous) : null } });
      return { name, integrity: 'ok' as const, schemaVersion: r.version, previous: r.previous ? path.basename(r.previous) : null };
    },
  },

  'security.settings': { run: (ctx) => security.securitySettingsGet(sec(ctx)) },
  'security.saveSettings': {
    args: z.object({ idleLockMinutes: z.number().int().optional(), backupKeep: z.number().int().optional(), backupIntervalHours: z.number().int().optional() }),
    run: (ctx, patch) => security.securitySettingsSet(sec(ctx), patch),
  },
});
