// Channels only the Electron shell serves (native dialogs). The loopback test server does not:
// in a browser the renderer uses <input type=file> and a download link instead.

export type ShellHandlers = {
  'shell.openFile': (args: { title: string; extensions: string[] }) => { fileName: string; text: string } | null;
  'shell.saveFile': (args: { fileName: string; base64: string }) => { path: string } | null;
  /**
   * joins an office server (docs/office-server.md): checks that the server at `url` shows the
   * certificate `fingerprint` pins, keeps both in the data folder, and restarts the app on it
   */
  'shell.joinServer': (args: { url: string; fingerprint: string }) => { url: string; fingerprint: string };
  /**
   * leaves the joined office server (docs/office-server.md): this computer's sessions there end,
   * the kept address and pinned fingerprint are forgotten, and the app restarts on this computer's
   * own office file. Nothing on the server changes. Answers the server left.
   */
  'shell.leaveServer': (args: void) => { url: string; fingerprint: string };
  /** where this window's office is: the file on this computer, or the joined server */
  'shell.officeLocation': (args: void) => { server: { url: string; fingerprint: string } | null };
};
