// Every channel of the preload's list gets a handler, each behind the sender check: the handler
// table's channels call the registry, the shell's own (dialogs) are answered here. The context of
// a call comes from the main process (`contextFor` the sending window: its session, held here,
// never a role or user named by the renderer); the dialogs need a signed-in session too.
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../contract/channels.ts';
import type { HandlerContext } from '../app/context.ts';
import type { Registry } from '../app/registry.ts';
import { openFile, saveFile } from './dialogs.ts';
import { senderValidatingHandle } from './secureIpc.ts';
import { joinServerChannel, leaveServerChannel, officeLocationChannel } from './officeChoice.ts';

type ShellHandler = (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>;

const windowOf = (e: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(e.sender);

export const SHELL_HANDLERS: Record<string, ShellHandler> = {
  'shell.openFile': (args, e) => openFile(windowOf(e), args),
  'shell.saveFile': (args, e) => saveFile(windowOf(e), args),
  'shell.joinServer': (args) => joinServerChannel(args),
  // on this computer's own office there is no server to leave (a joined app answers it itself: main.ts)
  'shell.leaveServer': () => leaveServerChannel(null),
  'shell.officeLocation': () => officeLocationChannel(),
};

/** The window's context for one call: its own session (see main.ts). */
export type ContextFor = (event: IpcMainInvokeEvent) => HandlerContext;

export function registerChannels(registry: Registry, contextFor: ContextFor): void {
  for (const channel of CHANNELS) {
    const shell = SHELL_HANDLERS[channel];
    if (shell) {
      senderValidatingHandle(channel, async (args, event) => {
        // the permission table decides for the dialogs too, refusing and auditing as the table does
        const refused = registry.admit(contextFor(event), channel);
        return refused ? { ok: false, error: refused } : shell(args, event);
      });
    } else if (registry.has(channel)) senderValidatingHandle(channel, (args, event) => registry.call(contextFor(event), channel, args));
    else throw new Error(`channel ${channel} has no handler`);
  }
}
