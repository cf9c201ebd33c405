// A file written for a person (the command line's --out, the app's Save dialog, exports and
// prints): it appears whole or not at all. The bytes go to a temporary name in the same folder
// (mode 0600: exports hold patient data) and are renamed once the batch that records them is
// committed; any failure removes the temporary file, and one a killed process left behind is
// removed at the next start through the office's journal of pending writes (leftovers.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { DeliveredFile } from '../../electron/domain/files.ts';
import { UserError } from '../../electron/domain/errors.ts';
import { forgetPending, notePending, partialName } from './leftovers.ts';

export interface OutFile {
  /** the service's delivery step: writes the temporary file inside its transaction */
  deliver(file: DeliveredFile): void;
  /** after the commit: the temporary file becomes the named one; `recorded` names the batch a failed rename leaves recorded */
  commit(recorded?: string): void;
  /** after a failure: nothing stays behind */
  discard(): void;
}

function folderOf(file: string, shown: string): string {
  const out = path.resolve(file);
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new UserError(`cannot write ${shown}: folder ${dir} does not exist`);
  return out;
}

export interface WriteOptions {
  neverOverwrite?: boolean;
  /** the office's journal of pending writes (leftovers.ts pendingJournal), so a killed process's temporary file is removed at the next start */
  journal?: string;
}

/** files hold patient data: only their owner reads them */
export const PRIVATE_MODE = 0o600;

export function outFile(file: string, o: WriteOptions = {}): OutFile {
  const out = folderOf(file, file);
  if (o.neverOverwrite && fs.existsSync(out)) throw new UserError(`${file} already exists; choose a new file name (a batch file is never overwritten)`);
  const tmp = partialName(out);
  let note: string | null = null;
  const done = () => {
    if (note) forgetPending(note);
    note = null;
  };
  return {
    deliver({ bytes }) {
      try {
        if (o.journal) note = notePending(o.journal, tmp);
        fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: PRIVATE_MODE });
        // the mode of a new file is masked by the umask; never by more than asked, but say it outright
        fs.chmodSync(tmp, PRIVATE_MODE);
      } catch (e) {
        throw new UserError(`cannot write ${file}: ${(e as Error).message}`);
      }
    },
    commit(recorded) {
      try {
        fs.renameSync(tmp, out);
        done();
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        done();
        const why = (e as Error).message;
        throw new UserError(recorded ? `${recorded} is recorded but ${file} could not be written (${why}); download it again from the batch list` : `cannot write ${file}: ${why}`);
      }
    },
    discard: () => {
      fs.rmSync(tmp, { force: true });
      done();
    },
  };
}

/** Writes a file that records nothing (a copy, a preview, an export of the audit trail) whole or not at all. */
export function writeWhole(file: string, bytes: Uint8Array, o: WriteOptions = {}): void {
  const f = outFile(file, o);
  try {
    f.deliver({ fileName: path.basename(file), bytes });
    f.commit();
  } catch (e) {
    f.discard();
    throw e instanceof UserError ? e : new UserError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** A recorded batch: the call delivers into the temporary file; the file appears only once the call committed. */
export async function deliverTo<T>(
  file: string,
  call: (deliver: (f: DeliveredFile) => void) => Promise<T>,
  recorded: (result: T) => string,
  o: WriteOptions = {},
): Promise<T> {
  const f = outFile(file, o);
  let result: T;
  try {
    result = await call((d) => f.deliver(d));
  } catch (e) {
    f.discard();
    throw e;
  }
  f.commit(recorded(result));
  return result;
}
