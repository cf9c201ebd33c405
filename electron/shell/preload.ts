// The preload is a transport: `window.perdiem.invoke(channel, args)` for the contract's channels,
// nothing else (no ipcRenderer, no event objects reach the page).
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel } from '../contract/channels.ts';

contextBridge.exposeInMainWorld('perdiem', {
  invoke(channel: unknown, args: unknown): Promise<unknown> {
    if (!isChannel(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, args);
  },
});
