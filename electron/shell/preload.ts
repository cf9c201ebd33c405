// The preload is a transport: `window.perdiem.invoke(channel, args)` for the contract's channels,
// and `window.perdiem.onChange(fn)` for the office's change events (the one channel the main
// process sends on); nothing else (no ipcRenderer, no event objects reach the page).
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel } from '../contract/channels.ts';
import { CHANGE_EVENTS_CHANNEL } from '../contract/shellChannels.ts';

// one listener on the channel for the page's whole life; the page's subscriptions come and go here
const changeListeners = new Set<(data: string) => void>();
ipcRenderer.on(CHANGE_EVENTS_CHANNEL, (_event, data: unknown) => {
  if (typeof data === 'string') for (const fn of changeListeners) fn(data);
});

contextBridge.exposeInMainWorld('perdiem', {
  invoke(channel: unknown, args: unknown): Promise<unknown> {
    if (!isChannel(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, args);
  },
  /** fn gets each change event's JSON text (the same text an event stream carries); returns the unsubscribe */
  onChange(fn: unknown): () => void {
    if (typeof fn !== 'function') throw new Error('onChange takes a function');
    const listener = (data: string) => void (fn as (data: string) => unknown)(data);
    changeListeners.add(listener);
    return () => void changeListeners.delete(listener);
  },
});
