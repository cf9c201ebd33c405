// "Host this office" (docs/office-server.md): the desktop app that holds the office serves it to
// the office's other workstations, browsers and scripts, the same server `perdiem serve` runs.
// An administrator starts and stops it from the settings screen; the choice is remembered so the
// app starts hosting again when it starts.

/** who is signed in to the office server from elsewhere (a workstation, a browser, a script's token) */
export interface HostedConnection {
  username: string;
  role: string;
  /** 'session': signed in from a workstation or a browser; 'token': an API token (a script) */
  kind: 'session' | 'token';
}

export interface HostingStatus {
  serving: boolean;
  /** https://HOST:PORT while serving */
  url: string | null;
  /** the address and port asked for (kept while stopped, offered the next time) */
  host: string;
  port: number;
  /** SHA-256 of the server's certificate, `AA:BB:…`: what every workstation pins when it joins */
  fingerprint: string | null;
  /** the app starts hosting again when it starts */
  startAtLaunch: boolean;
  /** this computer's addresses on the office network (to choose from; 0.0.0.0 is all of them) */
  addresses: string[];
  connected: HostedConnection[];
  /** why the last start did not serve (the port is taken …), null when it did */
  problem: string | null;
}

export interface HostingChoice {
  /** the address to listen on: 127.0.0.1 (this computer only), a LAN address, or 0.0.0.0 (all) */
  host: string;
  /** 1–65535; 0 picks a free port */
  port: number;
  startAtLaunch: boolean;
}

export type HostingHandlers = {
  'hosting.status': (args: void) => HostingStatus;
  'hosting.start': (args: HostingChoice) => HostingStatus;
  /** stops serving; workstations are refused from now on, and the app no longer starts hosting at launch */
  'hosting.stop': (args: void) => HostingStatus;
};

/**
 * The desktop app's hosting, as the handlers see it (electron/hosting/hostController.ts). Absent
 * where nothing can host: the office server itself, the command line (`perdiem serve` instead).
 */
export interface OfficeHosting {
  status(): HostingStatus;
  start(choice: HostingChoice): Promise<HostingStatus>;
  stop(): Promise<HostingStatus>;
}
