// `perdiem user add USER --role R [--nurse ID] [--name NAME]`, `user list`, `user disable USER`:
// the administrator's user screen as requests to the handler table (its permission: users.manage).
// A new user's password comes from PERDIEM_NEW_PASSWORD, never the command line.
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { isRole } from '../../security/roles.ts';
import { parseOptions } from '../options.ts';

const USAGE = 'perdiem user add USER --role admin|biller|nurse [--nurse ID] [--name NAME] | perdiem user list | perdiem user disable USER';

/** The acting administrator's password, so the office's new key is wrapped for their command line at once. */
export function ownPassword(env: NodeJS.ProcessEnv): { password?: string } {
  return env.PERDIEM_USER && env.PERDIEM_PASSWORD !== undefined ? { password: env.PERDIEM_PASSWORD } : {};
}

/** Printed once when a removal changed the office's key (docs/security.md). */
export function newKeyNotice(recoveryKey: string): string {
  return (
    `the office's key changed: the old recovery key, keyring copies and the removed person's secrets open nothing any more.\n` +
    `NEW RECOVERY KEY (write it down now; it is not shown again): ${recoveryKey}\n` +
    `other users sign in to the app once before their command line opens the office again; API tokens are reissued; the app on this computer asks once for this recovery key.\n`
  );
}

const command: CliCommand = {
  name: 'user',
  summary: "Adds (password from PERDIEM_NEW_PASSWORD), lists or disables the office's users.",
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('user', argv, ['role', 'nurse', 'name']);
    const [action, ...rest] = o.positional;
    if (action === 'add' && rest.length === 1) {
      const role = o.values.role;
      if (!role || !isRole(role)) throw new UsageError('user add needs --role admin, biller or nurse');
      const password = ctx.env.PERDIEM_NEW_PASSWORD;
      if (!password) throw new UserError("set the new user's password in PERDIEM_NEW_PASSWORD (never on the command line)");
      const u = await ctx.open().call('users.create', { username: rest[0]!, displayName: o.values.name ?? rest[0]!, role, nurseId: o.values.nurse ?? null, password });
      ctx.out(`user ${u.username} (${u.role}) added\n`);
      return 0;
    }
    if (action === 'list' && rest.length === 0) {
      for (const u of await ctx.open().call('users.list')) ctx.out(`${u.username.padEnd(16)} ${u.role.padEnd(7)} ${u.disabled ? 'disabled' : 'active  '} ${u.displayName}\n`);
      return 0;
    }
    if (action === 'disable' && rest.length === 1) {
      const r = await ctx.open().call('users.update', { username: rest[0]!, disabled: true, ...ownPassword(ctx.env) });
      ctx.out(`user ${rest[0]} disabled\n`);
      if (r.recoveryKey) ctx.out(newKeyNotice(r.recoveryKey));
      return 0;
    }
    throw new UsageError(`user: ${USAGE}`);
  },
};

export default command;
