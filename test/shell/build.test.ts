import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without type declarations
import { buildElectron } from '../../scripts/build.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'perdiem-build-'));
beforeAll(async () => {
  await buildElectron({ out });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

// the module loader's require, not a method of that name (session.require("audit.view")) nor the
// text of one inside a string (the code Ajv writes for standalone validators, which Fastify never runs)
const requires = (code: string) => [...code.matchAll(/(?<![.\w$'`])require\("([^"]+)"\)/g)].map((m) => m[1]!);

describe('the Electron bundles', () => {
  it('make a preload that loads nothing but electron and never hands out ipcRenderer', () => {
    const preload = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    expect(new Set(requires(preload))).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("perdiem"');
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|removeListener|once)\(/);
    // one listener, on the change events' channel (its text only reaches the page: preload.ts)
    expect([...preload.matchAll(/ipcRenderer\.on\(/g)]).toHaveLength(1);
    expect(preload).toContain('"office.changed"');
  });

  it('make a main process whose only outside modules are Node, electron and the SQLite driver behind its Electron shim', () => {
    const main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    const external = new Set(requires(main).filter((m) => !m.startsWith('node:') && !['fs', 'path', 'os', 'crypto', 'url', 'module', 'util', 'zlib', 'stream', 'events', 'buffer', 'assert', 'child_process', 'worker_threads'].includes(m)));
    expect(external).toEqual(new Set(['electron', 'better-sqlite3-multiple-ciphers']));
    // the driver is required in exactly one place: the shim that adds nativeBinding
    expect(requires(main).filter((m) => m === 'better-sqlite3-multiple-ciphers')).toHaveLength(1);
    expect(main).toContain('__perdiemNativeBinding');
  });

  it('put the SQL migrations beside the bundle', () => {
    expect(readdirSync(path.join(out, 'migrations')).sort()).toEqual(readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).sort());
  });
});
