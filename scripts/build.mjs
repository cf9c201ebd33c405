#!/usr/bin/env node
// `npm run build`: the renderer (vite → dist/renderer) and the Electron main and preload
// (esbuild → dist-electron/main.cjs, preload.cjs), with the SQL migrations beside them.
import { build as esbuild } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOut = path.join(root, 'dist-electron');

/** In the app bundle, the SQLite driver gets the Electron build of its addon (sqliteElectron.cjs). */
const electronSqlite = {
  name: 'perdiem-electron-sqlite',
  setup(b) {
    const shim = path.join(root, 'electron', 'shell', 'sqliteElectron.cjs');
    b.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, (args) =>
      args.importer === shim ? { path: 'better-sqlite3-multiple-ciphers', external: true } : { path: shim },
    );
  },
};

export async function buildRenderer({ quiet = false } = {}) {
  await viteBuild({
    configFile: path.join(root, 'renderer', 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
  });
}

export async function buildElectron({ out = defaultOut } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    logLevel: 'warning',
    // migrate.ts looks for its folder beside the bundle when import.meta.url is empty
    logOverride: { 'empty-import-meta': 'silent' },
  };
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron', 'shell', 'main.ts')],
    outfile: path.join(out, 'main.cjs'),
    plugins: [electronSqlite],
  });
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron', 'shell', 'preload.ts')],
    outfile: path.join(out, 'preload.cjs'),
  });
  const migrations = path.join(root, 'db', 'migrations');
  mkdirSync(path.join(out, 'migrations'), { recursive: true });
  for (const f of readdirSync(migrations)) if (f.endsWith('.sql')) cpSync(path.join(migrations, f), path.join(out, 'migrations', f));
  copyElectronDriver(out);
}

/** electron-builder ships dist-electron/native/better_sqlite3.node (extraResources); `npm start` makes it. */
function copyElectronDriver(out) {
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const built = path.join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(built)) {
    mkdirSync(path.join(out, 'native'), { recursive: true });
    cpSync(built, path.join(out, 'native', 'better_sqlite3.node'));
  } else {
    console.warn(`note: ${path.relative(root, built)} is missing; run \`npm start\` once before \`npm run dist\``);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv[2];
  if (only !== 'electron') await buildRenderer();
  if (only !== 'renderer') await buildElectron();
  console.log('built dist/renderer and dist-electron');
}
