#!/usr/bin/env node
// The `perdiem` command: runs the TypeScript sources through tsx, in process.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
// a reader that stops early (`perdiem claims --json | head`) closes the pipe: end quietly, as Unix tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const main = fileURLToPath(new URL('../electron/cli/main.ts', import.meta.url));
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
