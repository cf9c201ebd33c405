// Where the Electron build of the SQLite driver lives. node_modules keeps the Node build (tests and
// the CLI need it); scripts/start.mjs builds the Electron one into .native/, and the packaged app
// ships it in resources/native/ (electron-builder extraResources). No electron import here.
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

/** `<project>/.native/electron-<version>/better_sqlite3.node` (same layout as scripts/start.mjs) */
export function devNativeBinding(projectRoot: string, electronVersion: string): string {
  return path.join(projectRoot, '.native', `electron-${electronVersion}`, NATIVE_FILE);
}

/** `<resources>/native/better_sqlite3.node` in an installed app */
export function packagedNativeBinding(resourcesPath: string): string {
  return path.join(resourcesPath, 'native', NATIVE_FILE);
}

export function nativeBindingPath(opts: {
  packaged: boolean;
  resourcesPath: string;
  projectRoot: string;
  electronVersion: string;
}): string {
  return opts.packaged ? packagedNativeBinding(opts.resourcesPath) : devNativeBinding(opts.projectRoot, opts.electronVersion);
}
