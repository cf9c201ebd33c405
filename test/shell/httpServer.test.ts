import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BaseContext } from '../../electron/app/context.ts';
import { defineHandlers } from '../../electron/app/define.ts';
import { isLocalRequest, startHttpServer, type RunningServer } from '../../electron/hosting/httpServer.ts';
import { createRegistry } from '../../electron/app/registry.ts';
import { openMemoryStore } from '../../db/open.ts';

const ctx: BaseContext = { db: openMemoryStore().db, now: () => '2026-11-05T09:00:00', today: () => '2026-11-05' };
const registry = createRegistry([
  defineHandlers<{ 'demo.add': (a: { a: number; b: number }) => number }>({
    'demo.add': { args: z.object({ a: z.number(), b: z.number() }), run: (_c, { a, b }) => a + b },
  }),
]);

let server: RunningServer;
beforeAll(async () => {
  server = await startHttpServer({ registry, ctx });
});
afterAll(() => server.close());

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, { method: init.method ?? 'POST', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

describe('the loopback test server', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers POST /api/<name> with the handler table’s result', async () => {
    const r = await request('/api/demo.add', { headers: { 'content-type': 'application/json' }, body: '{"a":2,"b":3}' });
    expect(r).toEqual({ status: 200, body: '{"ok":true,"value":5}' });
  });

  it('returns validation problems as a failed call naming the field', async () => {
    const r = await request('/api/demo.add', { headers: { 'content-type': 'application/json' }, body: '{"a":"2","b":3}' });
    expect(JSON.parse(r.body).error.fields).toEqual({ a: expect.stringContaining('number') });
  });

  it('refuses other methods, other content types and pages posting from elsewhere', async () => {
    expect((await request('/api/demo.add', { method: 'GET' })).status).toBe(405);
    expect((await request('/api/demo.add', { headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const cross = await request('/api/demo.add', { headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{"a":1,"b":1}' });
    expect(cross.status).toBe(403);
    expect((await request('/api/nope', { headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });

  it('accepts only its own host name (no DNS rebinding)', () => {
    expect(isLocalRequest({ host: '127.0.0.1:5180' }, 5180)).toBe(true);
    expect(isLocalRequest({ host: 'localhost:5180', origin: 'http://localhost:5180' }, 5180)).toBe(true);
    expect(isLocalRequest({ host: 'evil.example:5180' }, 5180)).toBe(false);
    expect(isLocalRequest({ host: '127.0.0.1:5181' }, 5180)).toBe(false);
    expect(isLocalRequest({ host: '127.0.0.1:5180', origin: 'http://127.0.0.1.evil:5180' }, 5180)).toBe(false);
    expect(isLocalRequest({}, 5180)).toBe(false);
  });
});

describe('the loopback test server’s files', () => {
  let files: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-files-'));
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<h1>app</h1>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'PHI');
    files = await startHttpServer({ registry, ctx, rendererDir: path.join(dir, 'renderer') });
  });
  afterAll(() => {
    files.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function get(p: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      http.get(`${files.url}${p}`, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });
  }

  it('serves the renderer, / as index.html', async () => {
    expect(await get('/')).toEqual({ status: 200, body: '<h1>app</h1>' });
  });

  it('never serves what lies outside it, nor a path with NUL, backslash or broken escapes', async () => {
    for (const p of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/x%5c..%5c..%5csecret.txt', '/index.html%00.png', '/%E0%A4%A']) {
      expect((await get(p)).status, p).toBe(404);
    }
  });
});
