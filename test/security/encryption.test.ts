import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.ts';
import { countPatients } from '../../db/repos/patients.ts';
import { backupNow } from '../../db/backups.ts';
import { keyringPath, readKeyring, unwrapWithPassword, unwrapWithProtector } from '../../electron/security/keyring.ts';
import { isEncryptedFile, storeKey } from '../../db/cipher.ts';
import { initializeOffice, officeStatus, openOffice, recoverOffice } from '../../electron/security/office.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { formatRecoveryKey, parseRecoveryKey } from '../../electron/security/recoveryKey.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { exampleDataset, fakeProtector, NOW, tempDir } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Opens a file with the driver alone, optionally with a raw key, and counts patients. */
function rawCount(file: string, key?: Buffer): number {
  const db = new Database(file, { readonly: true });
  try {
    if (key) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key="x'${key.toString('hex')}'"`);
    }
    return (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function setUp() {
  const protector = fakeProtector();
  const office = initializeOffice({ dataDir: dir, adminUser: 'admin', adminPassword: 'first admin pass', protector, now: NOW, params: TEST_SCRYPT });
  importDataset(office.store.db, exampleDataset());
  return { protector, office, dbPath: path.join(dir, 'perdiem.sqlite') };
}

describe('encryption at rest', () => {
  it('writes a database file that does not start with the SQLite header and holds no patient name in clear', () => {
    const { office, dbPath } = setUp();
    office.store.close();
    expect(isEncryptedFile(dbPath)).toBe(true);
    const bytes = fs.readFileSync(dbPath);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Summit Home Infusion'))).toBe(false);
    expect(bytes.includes(Buffer.from('1992753883'))).toBe(false);
  });

  it('refuses a copied database file without the key, with "file is not a database"', () => {
    const { office, dbPath } = setUp();
    office.store.close();
    const copy = path.join(dir, 'stolen.sqlite');
    fs.copyFileSync(dbPath, copy);
    expect(() => rawCount(copy)).toThrow('file is not a database');
    expect(() => rawCount(copy, Buffer.alloc(32, 1))).toThrow('file is not a database');
    expect(() => openStore(copy)).toThrow(/encrypted \(a key is needed\)/);
    expect(rawCount(copy, office.dbKey!)).toBe(2);
  });

  it('makes backups that stay encrypted and open with the recovery key alone', () => {
    const { office } = setUp();
    const b = backupNow(office.store.db, path.join(dir, 'backups'), new Date('2026-11-05T10:00:00Z'));
    office.store.close();
    expect(isEncryptedFile(b.file)).toBe(true);
    expect(() => rawCount(b.file)).toThrow('file is not a database');
    const key = parseRecoveryKey(office.recoveryKey)!;
    expect(rawCount(b.file, key)).toBe(2);
  });

  it('opens with the recovery key typed loosely, and refuses a mistyped one', () => {
    const { office, dbPath } = setUp();
    office.store.close();
    expect(office.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = office.recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(parseRecoveryKey(typed)!.equals(office.dbKey!)).toBe(true);
    const groups = office.recoveryKey.split('-');
    groups[3] = groups[3] === 'AAAA' ? 'BBBB' : 'AAAA';
    expect(parseRecoveryKey(groups.join('-'))).toBeNull();
    const key = parseRecoveryKey(typed)!;
    const s = openStore(dbPath, { key: storeKey(key) });
    expect(countPatients(s.db)).toBe(2);
    s.close();
  });

  it('keeps in the keyring only wrapped keys: the OS secret and the password open it, a wrong password does not', () => {
    const { protector, office, dbPath } = setUp();
    office.store.close();
    const ringText = fs.readFileSync(keyringPath(dbPath), 'utf8');
    expect(ringText).not.toContain(office.dbKey!.toString('hex'));
    expect(ringText).not.toContain(office.dbKey!.toString('base64'));
    const ring = readKeyring(keyringPath(dbPath))!;
    expect(ring.wraps.map((w) => w.kind).sort()).toEqual(['os', 'password']);
    expect(unwrapWithProtector(ring, protector)!.equals(office.dbKey!)).toBe(true);
    expect(unwrapWithProtector(ring, fakeProtector())).toBeNull();
    expect(unwrapWithPassword(ring, 'ADMIN', 'first admin pass')!.equals(office.dbKey!)).toBe(true);
    expect(unwrapWithPassword(ring, 'admin', 'first admin pasS')).toBeNull();
    expect(unwrapWithPassword(ring, 'nobody', 'first admin pass')).toBeNull();
  });

  it('opens every day through the OS key, and after the keyring is lost only through the recovery key', () => {
    const { protector, office, dbPath } = setUp();
    office.store.close();
    expect(officeStatus(dbPath, protector)).toBe('encrypted');
    const again = openOffice(dbPath, protector);
    expect(countPatients(again.store.db)).toBe(2);
    again.store.close();

    fs.rmSync(keyringPath(dbPath));
    const newComputer = fakeProtector();
    expect(officeStatus(dbPath, newComputer)).toBe('needsRecovery');
    expect(() => openOffice(dbPath, newComputer)).toThrow(/recovery key/);
    const recovered = recoverOffice(dbPath, office.recoveryKey, newComputer);
    expect(countPatients(recovered.store.db)).toBe(2);
    recovered.store.close();
    expect(officeStatus(dbPath, newComputer)).toBe('encrypted');
  });

  it('encrypts an existing plain database at first run, keeping its data', () => {
    const dbPath = path.join(dir, 'perdiem.sqlite');
    const plain = openStore(dbPath);
    importDataset(plain.db, exampleDataset());
    plain.close();
    expect(officeStatus(dbPath)).toBe('plain');
    const office = initializeOffice({ dataDir: dir, adminUser: 'admin', adminPassword: 'first admin pass', protector: fakeProtector(), now: NOW, params: TEST_SCRYPT });
    expect(countPatients(office.store.db)).toBe(2);
    office.store.close();
    expect(isEncryptedFile(dbPath)).toBe(true);
    expect(() => rawCount(dbPath)).toThrow('file is not a database');
    expect(() =>
      initializeOffice({ dataDir: dir, adminUser: 'x', adminPassword: 'another password', protector: fakeProtector(), now: NOW, params: TEST_SCRYPT }),
    ).toThrow('already set up');
  });

  it('formats a recovery key of fourteen groups that round-trips to the key', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const text = formatRecoveryKey(key);
    expect(text.split('-')).toHaveLength(14);
    expect(parseRecoveryKey(text)!.equals(key)).toBe(true);
  });

  it('resumes a first run that stopped before the administrator was created', () => {
    const protector = fakeProtector();
    const setup = { dataDir: dir, adminUser: 'admin', protector, now: NOW, params: TEST_SCRYPT };
    expect(() => initializeOffice({ ...setup, adminPassword: 'short' })).toThrow('the user was not created');
    const dbPath = path.join(dir, 'perdiem.sqlite');
    expect(officeStatus(dbPath, protector)).toBe('encrypted');
    const office = initializeOffice({ ...setup, adminPassword: 'long enough now' });
    expect(office.admin.username).toBe('admin');
    expect(parseRecoveryKey(office.recoveryKey)!.equals(office.dbKey!)).toBe(true);
    office.store.close();
    expect(() => initializeOffice({ ...setup, adminPassword: 'long enough now' })).toThrow('already set up');
  });
});
