// `perdiem user add USER --role R [--nurse ID] [--name NAME]`, `user list`, `user disable USER`:
// the administrator's user screen as requests to the handler table (its permission: users.manage).
// A new user's password comes from PERDIEM_NEW_PASSWORD, never the command line.
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { isRole } from '../../security/roles.ts';
import { parseOptions } from '../options.ts';

const USAGE = 'perdiem user add USER --role admin|biller|nurse [--nurse ID] [--name NAME] | perdiem user list | perdiem user disable USER';

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
      await ctx.open().call('users.update', { username: rest[0]!, disabled: true });
      ctx.out(`user ${rest[0]} disabled\n`);
      return 0;
    }
    throw new UsageError(`user: ${USAGE}`);
  },
};

export default command;
