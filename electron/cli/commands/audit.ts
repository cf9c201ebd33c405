// `perdiem audit`: the audit trail, filtered, as a table or exported as CSV or JSON (admins).
import fs from 'node:fs';
import type { AuditQuery } from '../../contract/admin.ts';
import { UserError } from '../../domain/errors.ts';
import type { CliCommand, CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { writeWhole } from '../../../db/files/privateFile.ts';

const USAGE =
  'perdiem audit verify [--against-backups] | perdiem audit access PATIENT [--format table|json] | perdiem audit [--actor USER] [--action ACTION|PREFIX*] [--entity TABLE] [--id ID] [--from DATE] [--to DATE] [--text TEXT] [--limit N] [--format table|csv|json] [--out FILE]';
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

function short(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** exit 0 when the chain holds, 1 naming the first broken entry */
async function verify(ctx: CliContext, againstBackups: boolean): Promise<number> {
  const v = await ctx.open().call('audit.verify', againstBackups ? { againstBackups } : {});
  if (v.ok) {
    ctx.out(`audit trail intact: ${v.entries} entries${v.head ? `, head entry ${v.head.entry} ${v.head.hash}` : ''}\n`);
    return 0;
  }
  ctx.err(`perdiem: audit trail broken at entry ${v.firstBroken!.entry}: ${v.firstBroken!.reason}\n`);
  return 1;
}

/** who read one patient's data */
async function access(ctx: CliContext, patient: string, format: string): Promise<number> {
  if (format !== 'table' && format !== 'json') throw new UsageError('audit access: --format must be table or json');
  const rows = await ctx.open().call('audit.patientAccess', { patient });
  if (format === 'json') ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
  else for (const e of rows) ctx.out(`${e.at}  ${e.actor.padEnd(14)} ${e.action.padEnd(14)} ${(e.entity ?? '').padEnd(10)} ${e.entityId ?? ''}\n`);
  return 0;
}

const command: CliCommand = {
  name: 'audit',
  summary: 'Shows or exports the audit trail: who created, changed or deleted what, and every sign-in, build and export.',
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('audit', argv, ['actor', 'action', 'entity', 'id', 'from', 'to', 'text', 'limit', 'format', 'out'], ['against-backups']);
    if (o.positional[0] === 'verify' && o.positional.length === 1) return verify(ctx, o.flags.has('against-backups'));
    if (o.positional[0] === 'access' && o.positional.length === 2) return access(ctx, o.positional[1]!, o.values.format ?? 'table');
    if (o.positional.length) throw new UsageError(`audit: unexpected argument ${o.positional[0]}`);
    if (o.flags.size) throw new UsageError('audit: --against-backups belongs to audit verify');
    const v = o.values;
    for (const k of ['from', 'to'] as const) {
      if (v[k] !== undefined && !DATE_OR_TIME.test(v[k]!)) throw new UsageError(`audit: --${k} '${v[k]}' is not a date (YYYY-MM-DD) or UTC time`);
    }
    const format = v.format ?? (v.out ? 'csv' : 'table');
    if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`audit: --format must be table, csv or json`);
    if (v.limit !== undefined && !/^\d{1,6}$/.test(v.limit)) throw new UsageError(`audit: --limit must be a whole number`);
    const filter: AuditQuery = {
      ...(v.actor ? { actor: v.actor } : {}),
      ...(v.action ? { action: v.action } : {}),
      ...(v.entity ? { entity: v.entity } : {}),
      ...(v.id ? { entityId: v.id } : {}),
      ...(v.from ? { from: v.from } : {}),
      ...(v.to ? { to: v.to } : {}),
      ...(v.text ? { text: v.text } : {}),
    };
    if (v.out && fs.existsSync(v.out)) throw new UserError(`${v.out} already exists; choose a new file name`);
    const api = ctx.open();
    let text: string;
    if (format === 'csv' || format === 'json') {
      const file = await api.call('audit.export', { format, filter: { ...filter, ...(v.limit ? { limit: Number(v.limit) } : {}) } });
      text = Buffer.from(file.base64, 'base64').toString('utf8');
    } else {
      const { entries } = await api.call('audit.query', { ...filter, limit: v.limit ? Number(v.limit) : 100 });
      text = entries.map((e) => `${e.at}  ${e.actor.padEnd(14)} ${e.action.padEnd(14)} ${(e.entity ?? '').padEnd(12)} ${(e.entityId ?? '').padEnd(12)} ${short(e.before)} -> ${short(e.after)}`).join('\n') + (entries.length ? '\n' : '');
    }
    if (v.out) {
      writeWhole(v.out, Buffer.from(text, 'utf8'), { neverOverwrite: true, journal: ctx.journal });
      ctx.out(`audit trail written to ${v.out}\n`);
    } else ctx.out(text);
    return 0;
  },
};

export default command;
