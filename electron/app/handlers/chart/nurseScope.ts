// A nurse sees and records only her patients: those assigned to her and those of visits she
// logged (db/repos/assignments.ts). Other roles, and in-process callers without a user, see all.
import { nurseMaySee } from '../../../../db/repos/assignments.ts';
import { FieldError } from '../../../domain/errors.ts';
import { visitScope } from '../../../security/roles.ts';
import type { HandlerContext } from '../../context.ts';

export function nurseScope(ctx: HandlerContext): { nurseId: string } | null {
  return ctx.user ? visitScope(ctx.user) : null;
}

export function requireOwnPatient(ctx: HandlerContext, patient: string): void {
  const scope = nurseScope(ctx);
  if (scope && !nurseMaySee(ctx.db, scope.nurseId, patient)) {
    throw new FieldError(`Patient ${patient} is not assigned to you`, { patient: 'not one of your patients' });
  }
}
