// A tamper-evident audit trail: every entry chained to the one before by a hash; `perdiem audit
// verify` finds an edit, a deletion or an insertion and names the first broken entry, also
// against the heads recorded with backups and export batches. Reads of patient data are audited,
// with a per-patient access report.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { runCli } from '../../electron/cli/main.ts';
import { trustedSession } from '../../electron/security/sessions.ts';
import { EXAMPLE, NOW, tempDir } from './helpers.ts';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = tempDir('perdiem-chain-');
  db = path.join(dir, 'office.sqlite');
  expect((await cli(['import', EXAMPLE])).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--db', db, '--now', NOW, '--plain'], { out: (t) => (out += t), err: (t) => (err += t) }, {});
  return { code, out, err };
}

/** What someone holding the file (and its key) could do: a raw connection, the triggers dropped. */
function tamper(sql: string): void {
  const raw = new Database(db);
  try {
    raw.exec(`DROP TRIGGER IF EXISTS audit_log_append_only_update; DROP TRIGGER IF EXISTS audit_log_append_only_delete;
              DROP TRIGGER IF EXISTS audit_chain_append_only_delete; DROP TRIGGER IF EXISTS audit_log_chain;`);
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

const entries = () => {
  const raw = new Database(db, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

describe('perdiem audit verify', () => {
  it('says the trail is intact, with its length and head', async () => {
    const n = entries();
    const r = await cli(['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^audit trail intact: ${n} entries, head entry ${n} [0-9a-f]{64}\\n$`));
  });

  it('names an edited entry', async () => {
    tamper(`UPDATE audit_log SET actor = 'mallory' WHERE id = 3`);
    expect(await cli(['audit', 'verify'])).toEqual({ code: 1, out: '', err: 'perdiem: audit trail broken at entry 3: changed, or an entry before it was removed or inserted\n' });
  });

  it('names a deleted entry, and the entry after one deleted with its hash', async () => {
    tamper(`DELETE FROM audit_log WHERE id = 5`);
    expect((await cli(['audit', 'verify'])).err).toBe('perdiem: audit trail broken at entry 5: deleted\n');
    tamper(`DELETE FROM audit_chain WHERE id = 5`);
    expect((await cli(['audit', 'verify'])).err).toBe('perdiem: audit trail broken at entry 6: changed, or an entry before it was removed or inserted\n');
  });

  it('names an entry inserted outside the chain', async () => {
    const n = entries();
    tamper(`INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('mallory', 'delete', 'patients', 'P1001')`);
    expect((await cli(['audit', 'verify'])).err).toBe(`perdiem: audit trail broken at entry ${n + 1}: inserted outside the chain\n`);
  });

  it('refuses an insertion from a connection that does not compute the chain', () => {
    const raw = new Database(db);
    try {
      expect(() => raw.prepare(`INSERT INTO audit_log (actor, action) VALUES ('mallory', 'signin')`).run()).toThrow('no such function: perdiem_chain');
    } finally {
      raw.close();
    }
  });

  it('finds entries removed at the end, by SQLite’s sequence and by the head recorded with a backup', async () => {
    const backup = /backup written: (\S+)/.exec((await cli(['backup'])).out)![1]!;
    const head = (JSON.parse(fs.readFileSync(`${backup}.audit-head`, 'utf8')) as { entry: number }).entry;
    const n = entries();
    tamper(`DELETE FROM audit_log WHERE id >= ${head}; DELETE FROM audit_chain WHERE id >= ${head}`);
    expect((await cli(['audit', 'verify'])).err).toBe(`perdiem: audit trail broken at entry ${head}: deleted (entries ${head} to ${n} are missing at the end)\n`);
    tamper(`UPDATE sqlite_sequence SET seq = ${head - 1} WHERE name = 'audit_log'`);
    expect((await cli(['audit', 'verify'])).err).toBe(`perdiem: audit trail broken at entry ${head}: deleted (it was the head recorded with backup ${path.basename(backup)})\n`);
  });

  it('records the head with every export batch and checks against the heads kept beside the backups', async () => {
    expect((await cli(['build', '--from', '2026-10-01', '--to', '2026-10-31'])).code).toBe(0);
    expect((await cli(['export', '837', '--out', path.join(dir, 'oct.x12'), '--from', '2026-10-01', '--to', '2026-10-31', '--accept-warnings'])).code).toBe(0);
    const s = openStore(db);
    const heads = s.db.prepare('SELECT kind, ref FROM audit_heads').all();
    s.close();
    expect(heads).toEqual([{ kind: 'batch', ref: expect.stringMatching(/^B/) }]);
    const b = await cli(['backup']);
    const backup = /backup written: (\S+)/.exec(b.out)![1]!;
    const head = JSON.parse(fs.readFileSync(`${backup}.audit-head`, 'utf8')) as { entry: number; hash: string };
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((fs.statSync(`${backup}.audit-head`).mode & 0o777).toString(8)).toBe('600');
    expect((await cli(['audit', 'verify', '--against-backups'])).code).toBe(0);
  });
});

describe('reads of patient data', () => {
  it('are audited: the chart opened, what a search returned, the claims viewed; and reported per patient', async () => {
    const store = openStore(db);
    try {
      const registry = appRegistry();
      const ctx = { db: store.db, session: trustedSession(store.db, 'bo', 'biller'), now: () => NOW, today: () => NOW.slice(0, 10), via: 'test' as const };
      expect((await registry.call(ctx, 'patients.chart', { id: 'P1001' })).ok).toBe(true);
      expect((await registry.call(ctx, 'patients.search', { query: 'Garza' })).ok).toBe(true);
      const built = await registry.call(ctx, 'billing.build', { from: '2026-10-01', to: '2026-10-31' });
      expect(built.ok).toBe(true);
      const claim = (built as { value: { claims: { id: string; patient: string }[] } }).value.claims.find((c) => c.patient === 'P1001')!;
      expect((await registry.call(ctx, 'billing.getClaim', { id: claim.id })).ok).toBe(true);
      expect((await registry.call(ctx, 'patients.chart', { id: 'P1002' })).ok).toBe(true);
    } finally {
      store.close();
    }
    const r = await cli(['audit', 'access', 'P1001', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { actor: string; action: string; entity: string; entityId: string | null; after: Record<string, unknown> }[];
    expect(rows.map((e) => [e.actor, e.action, e.entity, e.entityId])).toEqual([
      ['bo', 'phi.chart', 'patients', 'P1001'],
      ['bo', 'phi.search', 'patients', null],
      ['bo', 'phi.claim', 'claims', expect.any(String)],
    ]);
    expect(rows[1]!.after).toEqual({ query: 'Garza', patients: ['P1001'], via: 'test' });
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });
});
