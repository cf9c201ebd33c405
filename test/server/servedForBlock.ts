// The served office of one describe block, for the server tests that need a server of their own:
// made and served in the block's beforeAll, closed and removed in its afterAll. Apart from
// fixture.ts so that fixture.ts stays free of the test runner (bench/officeServer.bench.ts runs
// it under plain tsx).
import { afterAll, beforeAll } from 'vitest';
import type { ServedOffice } from '../../electron/hosting/servedOffice.ts';
import { makeOfficeFile, serve, type OfficeFile } from './fixture.ts';

export interface ServedForBlock {
  /** the block's office file (from its beforeAll on) */
  readonly file: OfficeFile;
  /** the block's served office (from its beforeAll on, until close()) */
  readonly served: ServedOffice;
  /** takes the server down now (a test of a server that goes away); the block's afterAll then only removes the file */
  close(): Promise<void>;
}

/** A new office file (`makeOfficeFile`) served (`serve`) for the describe block this is called in. */
export function servedForBlock(): ServedForBlock {
  let file: OfficeFile | null = null;
  let served: ServedOffice | null = null;
  beforeAll(async () => {
    file = makeOfficeFile();
    served = await serve(file);
  });
  afterAll(async () => {
    await served?.close();
    file?.remove();
  });
  const ready = <T>(v: T | null, what: string): T => {
    if (v === null) throw new Error(`the block's ${what} is not there: use it inside a test, and not after close()`);
    return v;
  };
  return {
    get file() {
      return ready(file, 'office file');
    },
    get served() {
      return ready(served, 'served office');
    },
    async close() {
      const s = served;
      served = null;
      await s?.close();
    },
  };
}
