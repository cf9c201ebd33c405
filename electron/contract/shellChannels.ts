import type { ShellHandlers } from './shell.ts';

/** Channels the Electron shell answers itself (native dialogs), beside the handler table. */
export const SHELL_CHANNELS = ['shell.openFile', 'shell.saveFile'] as const satisfies ReadonlyArray<keyof ShellHandlers>;
