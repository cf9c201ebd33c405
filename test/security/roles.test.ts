import { describe, expect, it } from 'vitest';
import { ACTIONS, can, mayTouchVisit, PermissionError, PERMISSIONS, requirePermission, visitScope } from '../../electron/security/roles.ts';

describe('roles', () => {
  it('lets a nurse work on her own visits and nothing else', () => {
    expect(PERMISSIONS.nurse).toEqual(['visits.own']);
    for (const a of ['export.837', 'export.pdf', 'audit.view', 'audit.export', 'claims.build', 'patients.view'] as const) {
      expect(can('nurse', a)).toBe(false);
    }
  });

  it('lets a biller do the office work but not manage users, tokens, the audit trail or restores', () => {
    for (const a of ['claims.build', 'export.837', 'export.pdf', 'data.import', 'patients.edit', 'backup.run'] as const) {
      expect(can('biller', a)).toBe(true);
    }
    for (const a of ['users.manage', 'tokens.manage', 'audit.view', 'audit.export', 'backup.restore'] as const) {
      expect(can('biller', a)).toBe(false);
    }
  });

  it('lets an administrator do everything', () => {
    for (const a of ACTIONS) expect(can('admin', a)).toBe(true);
  });

  it('names the role and the action when it refuses', () => {
    expect(() => requirePermission('nurse', 'export.837')).toThrow(PermissionError);
    expect(() => requirePermission('nurse', 'export.837')).toThrow('a nurse may not export.837');
    expect(() => requirePermission('admin', 'users.manage')).not.toThrow();
  });

  it("limits a nurse to the visits of her own nurse record", () => {
    const maria = { role: 'nurse' as const, nurseId: 'rn-ortiz' };
    expect(visitScope(maria)).toEqual({ nurseId: 'rn-ortiz' });
    expect(mayTouchVisit(maria, 'rn-ortiz')).toBe(true);
    expect(mayTouchVisit(maria, 'lpn-kim')).toBe(false);
    expect(mayTouchVisit({ role: 'nurse', nurseId: null }, 'rn-ortiz')).toBe(false);
    expect(visitScope({ role: 'biller', nurseId: null })).toBeNull();
    expect(mayTouchVisit({ role: 'admin', nurseId: null }, 'lpn-kim')).toBe(true);
  });
});
