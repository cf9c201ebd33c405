// `perdiem serve` as a person runs it: a child process that prints its address and the
// certificate fingerprint, answers over HTTPS with that certificate, and stops on SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificatePath, fingerprintOf } from '../../electron/hosting/tlsCertificate.ts';
import { connectPinned } from '../../electron/hosting/pinnedHttps.ts';
import { ADMIN, NURSE, makeOfficeFile } from './fixture.ts';

const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'perdiem.mjs');
const file = makeOfficeFile();
afterAll(() => file.remove());

function run(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', '--db', file.dbPath, '--port', '0', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const printed = (text: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const t = setInterval(() => {
        const m = out.match(text);
        if (m) {
          clearInterval(t);
          resolve(m);
        }
      }, 50);
      void exited.then(() => {
        clearInterval(t);
        reject(new Error(`exited: ${out}${err}`));
      });
    });
  return { child, exited, printed, output: () => out, errors: () => err };
}

describe('perdiem serve', () => {
  it('prints its address and fingerprint, serves with that certificate, and stops on SIGTERM', async () => {
    const s = run({ PERDIEM_USER: ADMIN.username, PERDIEM_PASSWORD: ADMIN.password }, ['--host', '127.0.0.1']);
    const [, url, fingerprint] = await s.printed(/Perdiem office server at (https:\/\/127\.0\.0\.1:\d+)\nCertificate fingerprint \(SHA-256\): ([0-9A-F:]{95})/);
    const kept = JSON.parse(fs.readFileSync(certificatePath(file.dbPath), 'utf8')) as { cert: string };
    expect(fingerprint).toBe(fingerprintOf(kept.cert));
    const server = await connectPinned(url!, fingerprint!);
    const r = await server.request({ method: 'POST', path: '/api/auth.status', headers: { 'content-type': 'application/json' }, body: 'null' });
    server.close();
    expect([r.status, (JSON.parse(r.text) as { ok: boolean }).ok]).toEqual([200, true]);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('Perdiem office server stopped\n');
  }, 60_000);

  it('is refused to anyone but an administrator (exit 1)', async () => {
    const s = run({ PERDIEM_USER: NURSE.username, PERDIEM_PASSWORD: NURSE.password }, []);
    expect(await s.exited).toBe(1);
    expect(s.errors()).toBe('perdiem: only an administrator starts the office server\n');
  }, 60_000);
});
