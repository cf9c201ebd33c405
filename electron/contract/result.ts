// What crosses every transport (IPC, loopback HTTP, in-process): a value or a message a biller can
// act on. Handlers never crash the window; a thrown UserError or a bad argument becomes `ok:false`.

export interface CallError {
  message: string;
  /** field path (e.g. `npi`, `address.zip`, `coverages[0].memberId`) → what is wrong with it */
  fields?: Record<string, string>;
  /** one line per problem (`path: message`), e.g. every invalid record of an import */
  details?: string[];
  /**
   * why a request was not run: `locked` (signed out or idle-locked: sign in again), `denied` (the
   * role may not), `conflict` (someone saved the record after the form was opened: reload it),
   * `unreachable` (the office server did not answer: the window retries)
   */
  code?: 'locked' | 'denied' | 'conflict' | 'unreachable';
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Bytes handed to the renderer (export files, test pages): base64 keeps JSON transports simple. */
export interface FilePayload {
  fileName: string;
  mime: string;
  base64: string;
}

/** A record as an editing screen gets it: with the version a save sends back (app/versions.ts). */
export type Versioned<T> = T & { version: number };
