// SIGKILL during `perdiem user disable`, which changes the office's key (keyring with pending
// wraps, a safety copy, the database's rekey, the backups, the keyring's switch): whatever the
// moment, the office opens afterwards with the administrator's password, holds every patient,
// passes the integrity check, and a disabled user means a changed key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOpens, safetyCopyOf, storeKey } from '../../db/cipher.ts';
import { backupNow, listBackups } from '../../db/backups.ts';
import { initializeOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { parseRecoveryKey } from '../../electron/security/recoveryKey.ts';
import { createUser } from '../../electron/security/users.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { bigDataset, count, crashSeed, NOW, openRaw, runPerdiem, seededRandom } from './harness.ts';
import { keyringPath, readKeyring, unwrapWithPassword } from '../../electron/security/keyring.ts';

const KILLS = 14;
const seed = crashSeed(4);
const admin = { PERDIEM_USER: 'ana', PERDIEM_PASSWORD: 'admin password 1' };
let dir: string;
let template: string;
let oldKey: string;
let patients: number;

function copyOffice(to: string): string {
  fs.cpSync(template, to, { recursive: true });
  return path.join(to, 'perdiem.sqlite');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-crash-rekey-'));
  template = path.join(dir, 'template');
  const office = initializeOffice({ dataDir: template, adminUser: 'ana', adminPassword: admin.PERDIEM_PASSWORD, protector: null, now: NOW, params: TEST_SCRYPT });
  oldKey = storeKey(parseRecoveryKey(office.recoveryKey)!);
  const big = bigDataset(60);
  patients = big.patients;
  importDataset(office.store.db, big.data);
  createUser(office.store.db, { username: 'maria', displayName: 'Maria', role: 'nurse', nurseId: 'rn-ortiz', password: 'nurse password 1' }, { now: NOW, actor: 'ana', keyring: office.keyring, params: TEST_SCRYPT });
  backupNow(office.store.db, path.join(template, 'backups'), new Date('2026-11-05T08:00:00Z'));
  office.store.close();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(`SIGKILL during a key switch (seed ${seed})`, () => {
  it('leaves an office that opens, whole, whatever the moment', async () => {
    const full = await runPerdiem(['user', 'disable', 'maria', '--db', copyOffice(path.join(dir, 'timing'))], { env: admin });
    expect([full.code, full.stderr]).toEqual([0, '']);
    const rand = seededRandom(seed);
    const outcomes = { before: 0, after: 0 };
    for (let i = 0; i < KILLS; i++) {
      const db = copyOffice(path.join(dir, `k${i}`));
      const run = await runPerdiem(['user', 'disable', 'maria', '--db', db], { env: admin, killAfterMs: Math.floor(rand() * full.ms * 1.1) });
      const list = await runPerdiem(['user', 'list', '--db', db], { env: admin });
      expect([i, list.code, list.stderr]).toEqual([i, 0, '']);
      const disabled = /^maria\s+nurse\s+disabled/m.test(list.stdout);
      // the administrator's wrap opens it: every patient, integrity ok
      const key = unwrapWithPassword(readKeyring(keyringPath(db))!, 'ana', admin.PERDIEM_PASSWORD)!;
      const raw = openRaw(db, storeKey(key));
      try {
        expect([i, raw.pragma('integrity_check', { simple: true }), count(raw, 'SELECT count(*) AS n FROM patients')]).toEqual([i, 'ok', patients]);
      } finally {
        raw.close();
      }
      // a disabled user means a changed key: the old one opens neither the database nor a backup
      if (disabled) {
        expect([i, keyOpens(db, oldKey)]).toEqual([i, false]);
        for (const b of listBackups(path.join(path.dirname(db), 'backups'))) expect([i, keyOpens(b.file, oldKey)]).toEqual([i, false]);
      }
      // the switch, finished by whoever opened next, leaves no copy under the old key behind, and no temporary file or journal
      expect([i, fs.existsSync(safetyCopyOf(db))]).toEqual([i, false]);
      const office = path.dirname(db);
      const leftovers = [...fs.readdirSync(office), ...fs.readdirSync(path.join(office, 'backups'))].filter((f) => /\.partial$|-journal$|\.rekey-old$/.test(f));
      expect([i, leftovers]).toEqual([i, []]);
      outcomes[disabled ? 'after' : 'before']++;
      if (!run.killed) expect(disabled).toBe(true);
    }
    expect(outcomes.before + outcomes.after).toBe(KILLS);
    expect(patients).toBeGreaterThan(100);
  }, 600_000);
});
