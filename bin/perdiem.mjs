#!/usr/bin/env node
// The `perdiem` command: runs the TypeScript sources through tsx, in process.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const main = fileURLToPath(new URL('../electron/cli/main.ts', import.meta.url));
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
