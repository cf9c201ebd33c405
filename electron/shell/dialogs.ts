// Native open/save dialogs for the renderer's shell.* channels and the File menu.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { ShellHandlers } from '../contract/shell.ts';
import { writeWhole } from '../../db/files/privateFile.ts';

type OpenArgs = Parameters<ShellHandlers['shell.openFile']>[0];
type SaveArgs = Parameters<ShellHandlers['shell.saveFile']>[0];

function isOpenArgs(a: unknown): a is OpenArgs {
  const o = a as OpenArgs;
  return !!o && typeof o.title === 'string' && Array.isArray(o.extensions) && o.extensions.every((e) => typeof e === 'string');
}

function isSaveArgs(a: unknown): a is SaveArgs {
  const o = a as SaveArgs;
  return !!o && typeof o.fileName === 'string' && typeof o.base64 === 'string';
}

export async function openFile(win: BrowserWindow | null, args: unknown) {
  if (!isOpenArgs(args)) return { ok: false, error: { message: 'shell.openFile needs a title and extensions' } };
  const options = { title: args.title, properties: ['openFile' as const], filters: [{ name: args.title, extensions: args.extensions }] };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = r.canceled ? undefined : r.filePaths[0];
  if (!file) return { ok: true, value: null };
  return { ok: true, value: { fileName: path.basename(file), text: await fs.promises.readFile(file, 'utf8') } };
}

export async function saveFile(win: BrowserWindow | null, args: unknown) {
  if (!isSaveArgs(args)) return { ok: false, error: { message: 'shell.saveFile needs a file name and its bytes' } };
  // only a bare name is suggested; the user picks the folder
  const options = { defaultPath: path.basename(args.fileName) };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { ok: true, value: null };
  // a temporary file in the same folder, 0600, renamed when whole, removed on failure
  try {
    writeWhole(r.filePath, Buffer.from(args.base64, 'base64'));
  } catch (e) {
    return { ok: false, error: { message: (e as Error).message } };
  }
  return { ok: true, value: { path: r.filePath } };
}
