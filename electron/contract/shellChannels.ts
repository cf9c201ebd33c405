import type { ShellHandlers } from './shell.ts';

/** Channels the Electron shell answers itself (native dialogs), beside the handler table. */
export const SHELL_CHANNELS = ['shell.openFile', 'shell.saveFile', 'shell.joinServer', 'shell.leaveServer', 'shell.officeLocation'] as const satisfies ReadonlyArray<keyof ShellHandlers>;

/**
 * The one channel the main process sends on, never invoked: the office's change events to each
 * signed-in window (hosting/changeEvents.ts `fanOut`), each as the event's JSON text. The preload
 * hands the page only that text (`window.perdiem.onChange`), never the IPC event.
 */
export const CHANGE_EVENTS_CHANNEL = 'office.changed';
