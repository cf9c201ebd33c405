// The one wrapper around ipcMain.handle: every channel checks that the calling frame is our own
// page (app://perdiem) before anything runs.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isTrustedSender } from '../hosting/senderCheck.ts';

export function senderValidatingHandle(channel: string, fn: (args: unknown, event: IpcMainInvokeEvent) => Promise<unknown>): void {
  ipcMain.handle(channel, async (event, args: unknown) => {
    const url = event.senderFrame?.url;
    if (!isTrustedSender(url)) {
      console.warn(`[perdiem] refused ${channel} from ${url ?? 'an unknown frame'}`);
      return { ok: false, error: { message: 'refused: the request did not come from Perdiem' } };
    }
    return fn(args, event);
  });
}
