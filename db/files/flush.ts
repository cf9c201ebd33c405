// A file's bytes on the disk before it is renamed into place: a crash after the rename then finds
// the whole file under its name (a backup, a restored database, the safety copy of a key switch).
import fs from 'node:fs';

export function flushFile(path: string): void {
  const fd = fs.openSync(path, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
