import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Perdiem';

/**
 * The user data folder Electron's app.getPath('userData') gives for productName "Perdiem",
 * computed without Electron so the command line finds the same database as the app.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PERDIEM_DATA_DIR) return env.PERDIEM_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(defaultDataDir(env, platform), 'perdiem.sqlite');
}
