// Sign-in hardening: an unknown name costs the same scrypt work as a wrong password, the wait
// after failed attempts survives a restart, scrypt at OWASP's minimum with old hashes replaced at
// the next sign-in, and names and notes bounded at import with the field named.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/open.ts';
import { getPasswordHash } from '../../db/repos/users.ts';
import { runCli } from '../../electron/cli/main.ts';
import { DEFAULT_SCRYPT, OWASP_SCRYPT, scryptDefaults, TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { SessionManager } from '../../electron/security/sessions.ts';
import { createUser, updateUser } from '../../electron/security/users.ts';
import { exampleDataset, NOW, tempDir } from './helpers.ts';

let dir: string;
let file: string;
let store: Store;
let clockMs: number;
beforeEach(() => {
  dir = tempDir('perdiem-signin-');
  file = path.join(dir, 'office.sqlite');
  store = openStore(file);
  createUser(store.db, { username: 'ana', displayName: 'Ana', role: 'admin', password: 'admin password 1' }, { now: NOW, actor: 'setup' });
  clockMs = Date.parse(`${NOW}Z`);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const session = () => new SessionManager({ db: store.db, clock: () => clockMs, maxFailures: 3, lockoutMs: 60_000 });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('signing in', () => {
  it('takes as long for a name that does not exist as for a wrong password', () => {
    const s = new SessionManager({ db: store.db, clock: () => clockMs, maxFailures: 1000 });
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      for (const [name, times] of [['ana', known], ['nobody-' + i, unknown]] as const) {
        const t = process.hrtime.bigint();
        expect(() => s.signIn(name, 'wrong password 1')).toThrow('wrong user name or password');
        times.push(Number(process.hrtime.bigint() - t));
      }
    }
    // the same scrypt work: without it an unknown name answers from one index lookup, tens of times faster
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
  });

  it('does the same for a disabled account: the password is checked before the account’s state', () => {
    createUser(store.db, { username: 'old', displayName: 'Old', role: 'biller', password: 'biller password 1' }, { now: NOW, actor: 'ana' });
    updateUser(store.db, 'old', { disabled: true }, { now: NOW, actor: 'ana' });
    expect(() => session().signIn('old', 'biller password 1')).toThrow('wrong user name or password');
  });

  it('keeps the wait after failed attempts when the app restarts, and counts a name however it is typed', () => {
    const first = session();
    for (const typed of ['ana', ' ANA', 'Ana']) expect(() => first.signIn(typed, 'wrong password 1')).toThrow('wrong user name or password');
    expect(() => first.signIn('ana', 'admin password 1')).toThrow('too many failed attempts: try again in 60 s');
    // a restart: a new process, a new connection, a new session
    store.close();
    store = openStore(file);
    clockMs += 20_000;
    expect(() => session().signIn('ana', 'admin password 1')).toThrow('too many failed attempts: try again in 40 s');
    clockMs += 40_000;
    expect(session().signIn('ana', 'admin password 1').username).toBe('ana');
    // a success starts the count again
    expect(() => session().signIn('ana', 'wrong password 1')).toThrow('wrong user name or password');
    expect(session().signIn('ana', 'admin password 1').username).toBe('ana');
  });
});

describe('password hashes', () => {
  it('are made at OWASP’s minimum for scrypt (N=2^17, r=8, p=1) outside the test runner', () => {
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1, keylen: 32 });
    expect(scryptDefaults({})).toBe(OWASP_SCRYPT);
    expect(scryptDefaults({ PERDIEM_INSECURE_TEST_SCRYPT: '1' })).toBe(TEST_SCRYPT);
  });

  it('made with cheaper parameters are replaced at the next sign-in, the password unchanged', () => {
    const weak = { N: 2 ** 4, r: 1, p: 1, keylen: 32 };
    createUser(store.db, { username: 'bo', displayName: 'Bo', role: 'biller', password: 'biller password 1' }, { now: NOW, actor: 'ana', params: weak });
    expect(() => session().signIn('bo', 'wrong password 1')).toThrow('wrong user name or password');
    expect(getPasswordHash(store.db, 'bo')!.hash.params).toEqual(weak);
    session().signIn('bo', 'biller password 1');
    expect(getPasswordHash(store.db, 'bo')!.hash.params).toEqual(DEFAULT_SCRYPT);
    expect(session().signIn('bo', 'biller password 1').username).toBe('bo');
  });
});

describe('free text at import', () => {
  type Named = { firstName: string; lastName: string; address: { line1: string; line2?: string } };
  async function importWith(change: (d: { patients: Named[]; nurses: Named[] }) => void): Promise<{ code: number; err: string }> {
    const data = exampleDataset() as { patients: Named[]; nurses: Named[] };
    change(data);
    const json = path.join(dir, 'data.json');
    fs.writeFileSync(json, JSON.stringify(data));
    let err = '';
    const code = await runCli(['import', json, '--db', path.join(dir, `new-${Math.random()}.sqlite`), '--now', NOW, '--plain'], { out: () => undefined, err: (t) => (err += t) }, {});
    return { code, err };
  }

  it('refuses a name, an address line or a note too long, naming the field', async () => {
    const r = await importWith((d) => {
      d.patients[0]!.lastName = 'L'.repeat(101);
      d.patients[1]!.address.line1 = 'A'.repeat(101);
      d.patients[1]!.address.line2 = 'B'.repeat(2001);
      d.nurses[0]!.firstName = 'N'.repeat(101);
    });
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.includes('at most')).sort()).toEqual([
      'nurses[0].firstName: must be at most 100 characters',
      'patients[0].lastName: must be at most 100 characters',
      'patients[1].address.line1: must be at most 100 characters',
      'patients[1].address.line2: must be at most 2000 characters',
    ]);
  });

  it('accepts them at the bounds', async () => {
    expect((await importWith((d) => (d.patients[0]!.lastName = 'L'.repeat(100)))).code).toBe(0);
  });
});
