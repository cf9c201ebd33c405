// Who may receive files, read remittances and work denials: billers and administrators; nurses none.
import { describe, expect, it } from 'vitest';
import remittances from '../../electron/app/handlers/remittances.ts';
import { AUDITED_REQUESTS, requestRule } from '../../electron/security/requests.ts';
import { can } from '../../electron/security/roles.ts';

describe('the permissions of issue 12', () => {
  it('let billers and administrators make every request and nurses none', () => {
    for (const name of Object.keys(remittances)) {
      const rule = requestRule(name);
      expect(rule === 'public' || rule === 'signedIn', name).toBe(false);
      if (rule === 'public' || rule === 'signedIn') continue;
      expect([name, can('biller', rule), can('admin', rule), can('nurse', rule)]).toEqual([name, true, true, false]);
    }
  });

  it('audit receiving, write-offs, their reversal, resubmission and resolutions as events', () => {
    for (const name of ['remit.receive', 'denials.writeOff', 'denials.reverseWriteOff', 'denials.resubmit', 'remit.resolveUnmatched']) expect(AUDITED_REQUESTS[name], name).toBeDefined();
  });
});
