// Every channel of the preload's list gets a handler, each behind the sender check: the handler
// table's channels call the registry, the shell's own (dialogs) are answered here.
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../ipc/channels.ts';
import type { HandlerContext } from '../ipc/context.ts';
import type { Registry } from '../ipc/registry.ts';
import { openFile, saveFile } from './dialogs.ts';
import { senderValidatingHandle } from './secureIpc.ts';

type ShellHandler = (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>;

const windowOf = (e: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(e.sender);

export const SHELL_HANDLERS: Record<string, ShellHandler> = {
  'shell.openFile': (args, e) => openFile(windowOf(e), args),
  'shell.saveFile': (args, e) => saveFile(windowOf(e), args),
};

export function registerChannels(registry: Registry, ctx: HandlerContext): void {
  for (const channel of CHANNELS) {
    const shell = SHELL_HANDLERS[channel];
    if (shell) senderValidatingHandle(channel, shell);
    else if (registry.has(channel)) senderValidatingHandle(channel, (args) => registry.call(ctx, channel, args));
    else throw new Error(`channel ${channel} has no handler`);
  }
}
