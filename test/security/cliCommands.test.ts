import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEncryptedFile } from '../../db/cipher.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';
import { runOn } from '../export837/cliStore.ts';

let dir: string;
let dbPath: string;
const admin = { PERDIEM_USER: 'ana', PERDIEM_PASSWORD: 'admin password 1' };
const biller = { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 1' };
const nurse = { PERDIEM_USER: 'maria', PERDIEM_PASSWORD: 'nurse password 1' };

beforeEach(() => {
  dir = tempDir();
  const office = initializeOffice({ dataDir: dir, adminUser: 'ana', adminPassword: admin.PERDIEM_PASSWORD, protector: fakeProtector(), now: NOW, params: TEST_SCRYPT });
  importDataset(office.store.db, exampleDataset());
  const o = { now: NOW, actor: 'ana', keyring: office.keyring, params: TEST_SCRYPT };
  createUser(office.store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: biller.PERDIEM_PASSWORD }, o);
  createUser(office.store.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: nurse.PERDIEM_PASSWORD }, o);
  office.store.close();
  dbPath = path.join(dir, 'perdiem.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (argv: string[], env: Record<string, string>) => runOn(dbPath, NOW, argv, env);

describe('security on the command line', () => {
  it('does not let a nurse build, export, print or read the audit trail', async () => {
    const out = path.join(dir, 'batch.x12');
    for (const [argv, action] of [
      [['build', '--from', '2026-10-01', '--to', '2026-10-31'], 'claims.build'],
      [['export', '837', '--out', out, '--from', '2026-10-01', '--to', '2026-10-31'], 'export.837'],
      [['export', 'pdf', '--out', path.join(dir, 'c.pdf')], 'export.pdf'],
      [['audit'], 'audit.view'],
    ] as const) {
      const r = await cli([...argv], nurse);
      expect([r.code, r.err]).toEqual([1, `perdiem: Not allowed: a nurse may not ${action}\n`]);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('lets a biller build and export, records both, and keeps the audit trail from her', async () => {
    expect((await cli(['build', '--from', '2026-10-01', '--to', '2026-10-31'], biller)).code).toBe(0);
    const out = path.join(dir, 'batch.x12');
    const ex = await cli(['export', '837', '--out', out, '--from', '2026-10-01', '--to', '2026-10-31', '--accept-warnings'], biller);
    expect(ex.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(await cli(['audit'], biller)).toMatchObject({ code: 1, err: 'perdiem: Not allowed: a biller may not audit.view\n' });

    const json = await cli(['audit', '--actor', 'bo', '--format', 'json'], admin);
    expect(json.code).toBe(0);
    const actions = (JSON.parse(json.out) as { action: string; entity: string }[]).map((e) => `${e.action}/${e.entity}`);
    expect(actions).toContain('claims.build/request');
    expect(actions).toContain('export.837/batches');
    expect(actions).toContain('export.837/request');
    expect(actions.filter((a) => a === 'update/claims').length).toBeGreaterThan(0);
  });

  it('lets an administrator export the audit trail as CSV to a new file only', async () => {
    const file = path.join(dir, 'audit.csv');
    const r = await cli(['audit', '--entity', 'patients', '--out', file], admin);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,entity,entity_id,before,after');
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 6).join(','))).toEqual(['system,create,patients,P1001', 'system,create,patients,P1002']);
    expect((await cli(['audit', '--out', file], admin)).err).toContain('already exists');
  });

  it('creates an API token that opens the encrypted database until revoked', async () => {
    const made = await cli(['token', 'create', '--label', 'nightly export', '--role', 'biller'], admin);
    expect(made.code).toBe(0);
    const token = made.out.trim();
    expect(token).toMatch(/^pdt_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    expect((await cli(['build', '--from', '2026-10-01', '--to', '2026-10-31'], { PERDIEM_TOKEN: token })).code).toBe(0);
    expect((await cli(['token', 'list'], { PERDIEM_TOKEN: token })).err).toBe('perdiem: Not allowed: a biller may not tokens.manage\n');
    const list = await cli(['token', 'list'], admin);
    expect(list.out).toMatch(/biller {2}nightly export .* by ana {2}last used 20/);
    const id = token.slice(4, 16);
    expect((await cli(['token', 'revoke', id], admin)).code).toBe(0);
    expect((await cli(['build', '--from', '2026-10-01', '--to', '2026-10-31'], { PERDIEM_TOKEN: token })).code).toBe(1);
  });

  it('backs up, lists and restores from the command line, the backup encrypted like the database', async () => {
    const b = await cli(['backup'], biller);
    expect(b.code).toBe(0);
    const file = /backup written: (\S+)/.exec(b.out)![1]!;
    expect(isEncryptedFile(file)).toBe(true);
    expect((await cli(['backup', 'list'], biller)).out).toContain(path.basename(file));
    expect((await cli(['backup', 'restore', file], biller)).err).toBe('perdiem: Not allowed: a biller may not backup.restore\n');
    const r = await cli(['backup', 'restore', file], admin);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^restored .* the replaced database was kept as /);
    const corrupt = path.join(dir, 'corrupt.sqlite');
    fs.writeFileSync(corrupt, Buffer.alloc(8192, 7));
    const bad = await cli(['backup', 'restore', corrupt], admin);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/corrupt.sqlite cannot be read/);
  });
});
