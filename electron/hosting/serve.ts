// Development and test entry: the app in a browser over loopback HTTP.
//   npx tsx electron/ipc/serve.ts --db /tmp/office.sqlite [--now 2026-11-05T09:00] [--port 5180]
// Build the renderer first (`npm run build`).
import path from 'node:path';
import { clockOf } from '../domain/clock.ts';
import { defaultDbPath } from '../paths.ts';
import type { BaseContext } from '../app/context.ts';
import { startHttpServer } from './httpServer.ts';
import { memoryProtector } from './memoryProtector.ts';
import { OfficeHost } from './officeHost.ts';
import { appRegistry } from '../app/registry.ts';
import { SessionTable, sessionFactory } from './sessionTable.ts';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const clock = clockOf(option(argv, '--now'));
  // an office set up here is encrypted under a key this process holds only while it runs
  const protector = memoryProtector();
  const office = new OfficeHost({ dbPath: option(argv, '--db') ?? defaultDbPath(), protector: () => protector, now: clock.now });
  const ctx: BaseContext = { db: office.db, ...clock };
  const server = await startHttpServer({
    registry: appRegistry(),
    ctx,
    office,
    sessions: new SessionTable<string>(() => office.db, sessionFactory()),
    rendererDir: path.resolve('dist/renderer'),
    port: Number(option(argv, '--port') ?? 5180),
  });
  console.log(`Perdiem at ${server.url}`);
  const stop = () => void server.close().then(() => office.close());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  void main(process.argv.slice(2));
}
