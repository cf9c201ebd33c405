import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const hook = require('../../scripts/after-pack.cjs') as {
  FUSES: Record<number, boolean>;
  executablePath(ctx: unknown): string;
};

describe('the packaged app fuses', () => {
  it('turn off Node-style launching and inspection and load code only from an intact app.asar', () => {
    expect(hook.FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(hook.FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(hook.FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('are flipped in the executable of each platform', () => {
    const ctx = (platform: string) => ({
      appOutDir: '/out',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'Perdiem' }, executableName: 'perdiem' },
    });
    expect(hook.executablePath(ctx('darwin'))).toBe(path.join('/out', 'Perdiem.app'));
    expect(hook.executablePath(ctx('win32'))).toBe(path.join('/out', 'Perdiem.exe'));
    expect(hook.executablePath(ctx('linux'))).toBe(path.join('/out', 'perdiem'));
  });
});

describe('the electron-builder configuration', () => {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const fs = require('node:fs') as typeof import('node:fs');
  const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as {
    npmRebuild: boolean;
    afterPack: string;
    extraResources: Array<{ from: string; to: string }>;
    win: { target: Array<{ target: string }> };
    mac: { target: Array<{ target: string }> };
    productName: string;
  };

  it('never rebuilds node_modules and ships the Electron SQLite driver where the app looks for it', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({ from: 'dist-electron/native/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
  });

  it('makes a Windows installer and a macOS disk image named Perdiem', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.productName).toBe('Perdiem');
  });
});
