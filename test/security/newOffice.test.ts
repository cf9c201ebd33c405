// Nothing with patient data unencrypted on disk: an office made from the command line (`perdiem
// setup`, then `demo`) or from the app leaves no patient name readable in any file (database,
// WAL, backups, keyring, temporary files); a plain office that gets set up has its plain backups
// encrypted with it; `perdiem user` keeps the users without the app.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEncryptedFile, storeKey } from '../../db/cipher.ts';
import { openStore } from '../../db/open.ts';
import { appRegistry } from '../../electron/app/registry.ts';
import { memoryProtector } from '../../electron/hosting/memoryProtector.ts';
import { OfficeHost } from '../../electron/hosting/officeHost.ts';
import { parseRecoveryKey } from '../../electron/security/recoveryKey.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { EXAMPLE, NOW, tempDir } from './helpers.ts';
import { runOn } from '../export837/cliStore.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('perdiem-office-');
  db = path.join(dir, 'perdiem.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ADMIN = { PERDIEM_USER: 'ana', PERDIEM_PASSWORD: 'admin password 1' };

const cli = (argv: string[], env: Record<string, string> = ADMIN) => runOn(db, NOW, argv, env);

async function setup(): Promise<string> {
  const r = await cli(['setup', '--admin', 'ana', '--name', 'Ana Admin'], { PERDIEM_NEW_PASSWORD: ADMIN.PERDIEM_PASSWORD });
  expect(r.code).toBe(0);
  expect(r.out).toMatch(new RegExp(`^office created in ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(encrypted\\), administrator ana\\nrecovery key: (\\S+)\\n$`));
  expect(r.err).toBe('the recovery key is shown only now: write it down and keep it apart from this computer; it opens the office and every backup\n');
  return /recovery key: (\S+)/.exec(r.out)![1]!;
}

/** Every file under dir, with the patient names (first and last) found in its bytes. */
function namesInFiles(names: string[]): string[] {
  const found: string[] = [];
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, f);
    if (!fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    for (const n of names) if (bytes.includes(Buffer.from(n, 'utf8'))) found.push(`${f}: ${n}`);
  }
  return found;
}

function patientNames(recoveryKey: string): string[] {
  const s = openStore(db, { key: storeKey(parseRecoveryKey(recoveryKey)!) });
  try {
    return (s.db.prepare('SELECT last_name AS n FROM patients ORDER BY id LIMIT 20').all() as { n: string }[]).map((r) => r.n).filter((n) => n.length >= 5);
  } finally {
    s.close();
  }
}

describe('an office made from the command line', () => {
  it('is encrypted from the start: setup, demo, backup leave no patient name readable in any file', async () => {
    const key = await setup();
    expect(isEncryptedFile(db)).toBe(true);
    expect((await cli(['demo', '--scale', '12'])).code).toBe(0);
    expect((await cli(['backup'])).code).toBe(0);
    const names = patientNames(key);
    expect(names.length).toBeGreaterThan(3);
    expect(namesInFiles(names)).toEqual([]);
    for (const b of fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))) expect(isEncryptedFile(path.join(dir, 'backups', b))).toBe(true);
  });

  it('is set up once: a second setup is refused, and a database refuses setup without the new password', async () => {
    expect((await cli(['setup', '--admin', 'ana'], {})).err).toBe("perdiem: set the administrator's password in PERDIEM_NEW_PASSWORD (never on the command line)\n");
    await setup();
    expect(await cli(['setup', '--admin', 'eve'], { PERDIEM_NEW_PASSWORD: 'another password 1' })).toEqual({ code: 1, out: '', err: 'perdiem: this office is already set up: sign in instead\n' });
  });

  it('encrypts a plain office in place, and its plain backups with it', async () => {
    expect((await cli(['import', EXAMPLE, '--plain'], {})).code).toBe(0);
    expect((await cli(['backup'], {})).code).toBe(0);
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite')).map((f) => path.join(dir, 'backups', f));
    expect(backups.map(isEncryptedFile)).toEqual([false]);
    expect(namesInFiles(['Garza']).length).toBeGreaterThan(0);
    await setup();
    expect([isEncryptedFile(db), ...backups.map(isEncryptedFile)]).toEqual([true, true]);
    expect(namesInFiles(['Garza'])).toEqual([]);
  });

  it('keeps its users from the command line: add (password from the environment), list, disable', async () => {
    await setup();
    const add = await cli(['user', 'add', 'bo', '--role', 'biller', '--name', 'Bo Biller'], { ...ADMIN, PERDIEM_NEW_PASSWORD: 'biller password 1' });
    expect([add.code, add.out]).toEqual([0, 'user bo (biller) added\n']);
    expect((await cli(['build', '--from', '2026-10-01', '--to', '2026-10-31'], { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 1' })).code).toBe(0);
    expect((await cli(['user', 'list'])).out).toBe('ana              admin   active   Ana Admin\nbo               biller  active   Bo Biller\n');
    // the office's key changes with it (rekey.test.ts): the new recovery key is printed once
    expect((await cli(['user', 'disable', 'bo'])).out).toMatch(/^user bo disabled\nthe office's key changed: .*\nNEW RECOVERY KEY \(write it down now; it is not shown again\): ([0-9A-Z]{4}-){13}[0-9A-Z]{4}\n/);
    expect((await cli(['build', '--from', '2026-10-01', '--to', '2026-10-31'], { PERDIEM_USER: 'bo', PERDIEM_PASSWORD: 'biller password 1' })).err).toBe('perdiem: wrong user name or password\n');
    expect((await cli(['user', 'add', 'x', '--role', 'nurse'])).err).toBe("perdiem: set the new user's password in PERDIEM_NEW_PASSWORD (never on the command line)\n");
  });
});

describe('an office made in the app', () => {
  it('leaves no patient name readable in any file after the demo and a backup', async () => {
    const protector = memoryProtector();
    const host = new OfficeHost({ dbPath: db, protector: () => protector, now: () => NOW });
    const { recoveryKey } = host.setup({ username: 'ana', displayName: 'Ana', password: ADMIN.PERDIEM_PASSWORD });
    const session = new SessionManager({ db: host.db });
    session.signIn('ana', ADMIN.PERDIEM_PASSWORD);
    const ctx = { db: host.db, office: host, session, now: () => NOW, today: () => NOW.slice(0, 10) };
    expect((await appRegistry().call(ctx, 'app.loadDemo', { patients: 12 })).ok).toBe(true);
    expect((await appRegistry().call(ctx, 'backups.run', {})).ok).toBe(true);
    host.close();
    const names = patientNames(recoveryKey);
    expect(names.length).toBeGreaterThan(3);
    expect(namesInFiles(names)).toEqual([]);
  });
});
