import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devNativeBinding, nativeBindingPath, packagedNativeBinding } from '../../electron/shell/nativeBinding.ts';
// @ts-expect-error plain .mjs script without type declarations
import * as start from '../../scripts/start.mjs';

const dirs: string[] = [];
function fakeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'perdiem-start-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  cpSync(path.resolve('scripts/start.mjs'), path.join(dir, 'scripts', 'start.mjs'));
  mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '41.7.1' }));
  // a download that fails, as it does without internet
  writeFileSync(path.join(dir, 'node_modules', 'electron', 'install.js'), "console.error('download failed: offline'); process.exit(1);\n");
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('where the Electron SQLite driver is looked for', () => {
  it('is .native/electron-<version>/ in a checkout, the same place start.mjs builds it', () => {
    expect(devNativeBinding('/p', '41.7.1')).toBe(path.join('/p', '.native', 'electron-41.7.1', 'better_sqlite3.node'));
    expect(start.nativeBindingFile('/p', '41.7.1')).toBe(devNativeBinding('/p', '41.7.1'));
  });

  it('is resources/native/ in the installed app', () => {
    expect(packagedNativeBinding('/Applications/Perdiem.app/Contents/Resources')).toBe(
      path.join('/Applications/Perdiem.app/Contents/Resources', 'native', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ packaged: true, resourcesPath: '/r', projectRoot: '/p', electronVersion: '41.7.1' })).toBe(
      path.join('/r', 'native', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ packaged: false, resourcesPath: '/r', projectRoot: '/p', electronVersion: '41.7.1' })).toBe(
      path.join('/p', '.native', 'electron-41.7.1', 'better_sqlite3.node'),
    );
  });
});

describe('npm start without the Electron binary', () => {
  it('finds no binary when dist/ was never downloaded, and one when it was', () => {
    const dir = fakeProject();
    expect(start.electronBinary(dir)).toBeNull();
    writeFileSync(path.join(dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(start.electronBinary(dir)).toBeNull();
    mkdirSync(path.join(dir, 'node_modules', 'electron', 'dist'));
    writeFileSync(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(start.electronBinary(dir)).toBe(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('says how to get it, tries the download itself, and exits 1 when that fails', () => {
    const dir = fakeProject();
    const r = spawnSync(process.execPath, [path.join(dir, 'scripts', 'start.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('The Electron binary is missing');
    expect(r.stderr).toContain('node node_modules/electron/install.js');
    expect(r.stderr).toContain('Trying that now');
    expect(r.stderr).toContain('download failed: offline');
    expect(r.stderr).toContain('Could not download Electron');
  });

  it('does not rebuild the driver when the Electron build is already there', () => {
    const dir = fakeProject();
    const file = start.nativeBindingFile(dir, '41.7.1');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'addon');
    expect(start.ensureNativeBinding(dir, '41.7.1')).toBe(true);
  });
});
