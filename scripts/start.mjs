#!/usr/bin/env node
// `npm start`: make sure the Electron binary and an Electron build of the SQLite driver exist,
// build, and launch the app. node_modules keeps the Node build of the driver (tests and the CLI
// use it): the Electron build goes to .native/electron-<version>/ and node_modules is never touched.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';
const NATIVE_FILE = 'better_sqlite3.node';

/** Same layout as electron/shell/nativeBinding.ts devNativeBinding(). */
export function nativeBindingFile(root, electronVersion) {
  return path.join(root, '.native', `electron-${electronVersion}`, NATIVE_FILE);
}

export function electronVersion(root) {
  const pkg = path.join(root, 'node_modules', 'electron', 'package.json');
  if (!existsSync(pkg)) return null;
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

/** The Electron executable, or null when the package is there but its binary was never downloaded. */
export function electronBinary(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const exe = path.join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

export const MISSING_ELECTRON = (root) =>
  `The Electron binary is missing (${path.join(root, 'node_modules', 'electron', 'dist')} does not exist).\n` +
  `It is normally downloaded by \`npm install\`. Get it with:\n\n    node node_modules/electron/install.js\n`;

function log(msg) {
  process.stderr.write(`[start] ${msg}\n`);
}

/** Returns the executable, downloading it once if needed; null (after saying why) when that fails. */
export function ensureElectron(root) {
  if (!electronVersion(root)) {
    log(`the electron package is not installed in ${root}/node_modules: run \`npm install\` first.`);
    return null;
  }
  let exe = electronBinary(root);
  if (exe) return exe;
  log(MISSING_ELECTRON(root));
  log('Trying that now…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'inherit' });
  exe = r.status === 0 ? electronBinary(root) : null;
  if (!exe) {
    log('Could not download Electron (no network, or the download was blocked).');
    log('Connect to the internet and run `node node_modules/electron/install.js`, then `npm start` again.');
  }
  return exe;
}

/** Builds the driver for Electron in a scratch copy of the package; returns true when the file exists. */
export function ensureNativeBinding(root, version) {
  const target = nativeBindingFile(root, version);
  if (existsSync(target)) return true;
  const require = createRequire(path.join(root, 'package.json'));
  const pkgDir = path.dirname(require.resolve(`${SQLITE_PACKAGE}/package.json`));
  const pkgRequire = createRequire(path.join(pkgDir, 'package.json'));
  const scratch = mkdtempSync(path.join(tmpdir(), 'perdiem-native-'));
  const work = path.join(scratch, SQLITE_PACKAGE);
  try {
    log(`building ${SQLITE_PACKAGE} for Electron ${version} (once; node_modules stays as it is)…`);
    cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.startsWith(path.join(pkgDir, 'build')) });
    const built = path.join(work, 'build', 'Release', NATIVE_FILE);
    const common = { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version } };

    let prebuild = null;
    try {
      prebuild = pkgRequire.resolve('prebuild-install/bin.js');
    } catch {
      log('prebuild-install is not available; compiling instead');
    }
    if (prebuild) {
      spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform], common);
    }
    if (!existsSync(built)) {
      let gyp = null;
      try {
        gyp = pkgRequire.resolve('node-gyp/bin/node-gyp.js');
      } catch {
        try {
          gyp = require.resolve('node-gyp/bin/node-gyp.js');
        } catch {
          log('node-gyp is not available');
        }
      }
      if (gyp) {
        log('no prebuilt driver for this Electron; compiling it with node-gyp (needs Python and a C++ compiler)…');
        spawnSync(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'], common);
      }
    }
    if (!existsSync(built)) {
      log(`could not get ${SQLITE_PACKAGE} for Electron ${version}. Check the internet connection (prebuilt binaries`);
      log('come from GitHub, Electron headers from electronjs.org) or install a C++ toolchain, then run `npm start` again.');
      return false;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(built, target);
    log(`Electron SQLite driver ready: ${path.relative(root, target)}`);
    return true;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const exe = ensureElectron(root);
  if (!exe) process.exit(1);
  const version = electronVersion(root);
  if (!ensureNativeBinding(root, version)) process.exit(1);
  const { buildRenderer, buildElectron } = await import('./build.mjs');
  await buildRenderer({ quiet: true });
  await buildElectron();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
