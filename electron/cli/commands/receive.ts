// `perdiem receive FILE… [--json]`: what the clearinghouse and payers send back (TA1, 999, 277CA,
// 835), each file applied in one transaction by `remit.receive` (interfaces.md "Added in the
// second wave"). Exit 1 when a file is refused (unreadable, or an 835 that does not balance,
// R-RA-3); duplicates and unmatched items are reported and exit 0.
import fs from 'node:fs';
import type { ReceiveResult, UnmatchedItem } from '../../contract/remittances.ts';
import { UserError } from '../../domain/errors.ts';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { dollars as money } from '../money.ts';

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UserError(`cannot read ${file}: no such file`);
  }
}


function line(r: ReceiveResult): string {
  const head = `${r.file}: ${r.kind ?? 'unreadable'} ${r.status}`;
  const parts = [r.message ? `${head}: ${r.message}` : head];
  for (const c of r.claims) parts.push(`  claim ${c.id} ${c.status}`);
  for (const u of r.unmatched) parts.push(`  unmatched ${u.kind} at segment ${u.position} (${money(u.cents)}): ${u.reason}`);
  return parts.join('\n');
}

const command: CliCommand = {
  name: 'receive',
  summary: 'Reads TA1, 999, 277CA and 835 files and applies each in one transaction; a refused file applies nothing (exit 1).',
  usage: 'perdiem receive FILE… [--json] [--db PATH] [--now DATETIME]',
  async run(ctx, argv) {
    const { flags, positional } = parseOptions('receive', argv, [], ['json']);
    if (positional.length === 0) throw new UsageError('receive needs at least one FILE');
    const files = positional.map((f) => ({ file: f, bytes: readBytes(f) }));
    const caller = ctx.open();
    const results: ReceiveResult[] = [];
    for (const f of files) results.push({ ...(await caller.call('remit.receive', { fileName: f.file.split(/[\\/]/).pop() ?? f.file, base64: f.bytes.toString('base64') })), file: f.file });
    const claims = new Map<string, string>();
    for (const r of results) for (const c of r.claims) claims.set(c.id, c.status);
    const unmatched: UnmatchedItem[] = results.flatMap((r) => r.unmatched);
    if (flags.has('json')) {
      const out = {
        files: results.map((r) => ({ file: r.file, kind: r.kind, status: r.status, ...(r.message ? { message: r.message } : {}), ...(r.segment ? { segment: r.segment } : {}) })),
        claims: [...claims].map(([id, status]) => ({ id, status })),
        unmatched,
      };
      ctx.out(`${JSON.stringify(out, null, 1)}\n`);
    } else ctx.out(`${results.map(line).join('\n')}\n`);
    return results.some((r) => r.status === 'refused') ? 1 : 0;
  },
};

export default command;
