// `perdiem token create|list|revoke`: API tokens for automation (admins). The token is printed
// once; for an encrypted database it can also open it (PERDIEM_TOKEN).
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { isRole } from '../../security/roles.ts';
import { parseOptions } from '../options.ts';
import { newKeyNotice, ownPassword } from './user.ts';

const USAGE = 'perdiem token create --label TEXT --role admin|biller|nurse | perdiem token list | perdiem token revoke ID';

const command: CliCommand = {
  name: 'token',
  summary: 'Creates (printed once), lists or revokes API tokens for PERDIEM_TOKEN.',
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('token', argv, ['label', 'role']);
    const [action, ...rest] = o.positional;
    if (action === 'create' && rest.length === 0) {
      const { label, role } = o.values;
      if (!label) throw new UsageError('token create needs --label TEXT');
      if (!role || !isRole(role)) throw new UsageError('token create needs --role admin, biller or nurse');
      const t = await ctx.open().call('tokens.create', { label, role });
      ctx.out(`${t.token}\n`);
      ctx.err(`token ${t.record.id} (${role}) created; it is shown only now: keep it in the automation's secret store\n`);
      return 0;
    }
    if (action === 'list' && rest.length === 0) {
      for (const t of await ctx.open().call('tokens.list')) {
        ctx.out(`${t.id}  ${t.role.padEnd(7)} ${t.label.padEnd(20)} created ${t.createdAt} by ${t.createdBy}  last used ${t.lastUsedAt ?? 'never'}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}\n`);
      }
      return 0;
    }
    if (action === 'revoke' && rest.length === 1) {
      const r = await ctx.open().call('tokens.revoke', { id: rest[0]!, ...ownPassword(ctx.env) });
      if (!r.revoked) throw new UserError(`no active token ${rest[0]}`);
      ctx.out(`token ${rest[0]} revoked\n`);
      if (r.recoveryKey) ctx.out(newKeyNotice(r.recoveryKey));
      return 0;
    }
    throw new UsageError(`token: ${USAGE}`);
  },
};

export default command;
