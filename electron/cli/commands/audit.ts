// `perdiem audit`: the audit trail, filtered, as a table or exported as CSV or JSON (admins).
import fs from 'node:fs';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { exportAuditCsv, exportAuditJson, queryAudit, type AuditFilter } from '../../../db/repos/audit.ts';
import { withUserStore } from '../../services/openStore.ts';
import { parseOptions } from '../options.ts';

const USAGE =
  'perdiem audit [--actor USER] [--action ACTION|PREFIX*] [--entity TABLE] [--id ID] [--from DATE] [--to DATE] [--text TEXT] [--limit N] [--format table|csv|json] [--out FILE]';
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

function short(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

const command: CliCommand = {
  name: 'audit',
  summary: 'Shows or exports the audit trail: who created, changed or deleted what, and every sign-in, build and export.',
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('audit', argv, ['actor', 'action', 'entity', 'id', 'from', 'to', 'text', 'limit', 'format', 'out']);
    if (o.positional.length) throw new UsageError(`audit: unexpected argument ${o.positional[0]}`);
    const v = o.values;
    for (const k of ['from', 'to'] as const) {
      if (v[k] !== undefined && !DATE_OR_TIME.test(v[k]!)) throw new UsageError(`audit: --${k} '${v[k]}' is not a date (YYYY-MM-DD) or UTC time`);
    }
    const format = v.format ?? (v.out ? 'csv' : 'table');
    if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`audit: --format must be table, csv or json`);
    if (v.limit !== undefined && !/^\d{1,6}$/.test(v.limit)) throw new UsageError(`audit: --limit must be a whole number`);
    const filter: AuditFilter = {
      actor: v.actor,
      action: v.action,
      entity: v.entity,
      entityId: v.id,
      from: v.from,
      to: v.to,
      text: v.text,
      ...(v.limit ? { limit: Number(v.limit) } : {}),
    };
    if (v.out && fs.existsSync(v.out)) throw new UserError(`${v.out} already exists; choose a new file name`);
    const text = withUserStore(
      ctx.dbPath,
      (store) => {
        if (format === 'csv') return exportAuditCsv(store.db, filter);
        if (format === 'json') return exportAuditJson(store.db, filter);
        const rows = queryAudit(store.db, { ...filter, limit: filter.limit ?? 100 });
        return rows.map((e) => `${e.at}  ${e.actor.padEnd(14)} ${e.action.padEnd(14)} ${(e.entity ?? '').padEnd(12)} ${(e.entityId ?? '').padEnd(12)} ${short(e.before)} -> ${short(e.after)}`).join('\n') + (rows.length ? '\n' : '');
      },
      { readonly: true },
    );
    if (v.out) {
      fs.writeFileSync(v.out, text, { flag: 'wx', mode: 0o600 });
      ctx.out(`audit trail written to ${v.out}\n`);
    } else ctx.out(text);
    return 0;
  },
};

export default command;
