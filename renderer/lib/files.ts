// Files in and out: native dialogs in the desktop app, a file input and a download link in a browser.
import type { FilePayload } from './contract.ts';
import type { Api } from './api.ts';

export function bytesOf(payload: FilePayload): Uint8Array<ArrayBuffer> {
  const bin = atob(payload.base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Saves an exported file: the save dialog in the app, a browser download otherwise. Returns where, or null. */
export async function saveFile(api: Api, payload: FilePayload): Promise<string | null> {
  if (api.native) {
    const r = await api.call('shell.saveFile', { fileName: payload.fileName, base64: payload.base64 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value?.path ?? null;
  }
  const url = URL.createObjectURL(new Blob([bytesOf(payload)], { type: payload.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = payload.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return payload.fileName;
}

/** The app's native open dialog; null when cancelled or in a browser (use a file input there). */
export async function openTextFile(api: Api, title: string, extensions: string[]): Promise<{ fileName: string; text: string } | null> {
  if (!api.native) return null;
  const r = await api.call('shell.openFile', { title, extensions });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
