// Channels only the Electron shell serves (native dialogs). The loopback test server does not:
// in a browser the renderer uses <input type=file> and a download link instead.

export type ShellHandlers = {
  'shell.openFile': (args: { title: string; extensions: string[] }) => { fileName: string; text: string } | null;
  'shell.saveFile': (args: { fileName: string; base64: string }) => { path: string } | null;
};
