import type { ShellHandlers } from './shell.ts';

/** Channels the Electron shell answers itself (native dialogs), beside the handler table. */
export const SHELL_CHANNELS = ['shell.openFile', 'shell.saveFile', 'shell.joinServer', 'shell.officeLocation'] as const satisfies ReadonlyArray<keyof ShellHandlers>;
