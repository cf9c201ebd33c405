// The native menu: File (Import…, Export…, Quit), Edit, View, Help.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Registry } from '../app/registry.ts';
import type { HandlerContext } from '../app/context.ts';
import { APP_ORIGIN } from '../hosting/senderCheck.ts';
import { openFile } from './dialogs.ts';

/** `contextFor(window)`: the window's own session, so the menu's import runs as the signed-in user. */
export function buildMenu(registry: Registry, contextFor: (w: BrowserWindow | null) => HandlerContext): Menu {
  const win = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;

  async function importFromMenu(): Promise<void> {
    const w = win();
    const picked = await openFile(w, { title: 'Perdiem import file', extensions: ['json'] });
    if (!picked.ok || !picked.value) return;
    const r = await registry.call(contextFor(w), 'app.importFile', picked.value);
    const message = r.ok ? `Imported ${picked.value.fileName}.` : `Nothing was imported from ${picked.value.fileName}.`;
    const detail = r.ok ? '' : r.error.message;
    const box = { type: r.ok ? ('info' as const) : ('error' as const), message, detail };
    if (w) await dialog.showMessageBox(w, box);
    else await dialog.showMessageBox(box);
    // the screens read fresh data on load
    w?.webContents.reload();
  }

  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => void importFromMenu() },
        {
          label: 'Export…',
          accelerator: 'CmdOrCtrl+E',
          click: () => void win()?.loadURL(`${APP_ORIGIN}/index.html#/billing?export=1`),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Perdiem',
          click: () =>
            void dialog.showMessageBox({
              message: `Perdiem ${app.getVersion()}`,
              detail: 'Home infusion billing: per diem, nursing and drug claims, 837P and CMS-1500.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
