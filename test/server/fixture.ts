// An office file for the server tests: the example office (reference records, patients, visits),
// an administrator, a biller, a nurse linked to nurse rn-ortiz and a biller's API token; served
// by `serveOffice` (what `perdiem serve` runs) on 127.0.0.1 with a certificate made in its folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/open.ts';
import { saveDataset } from '../../db/repos/dataset.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import { parseDataset } from '../../electron/import/parse.ts';
import { TEST_SCRYPT } from '../../electron/security/passwords.ts';
import { createUser } from '../../electron/security/users.ts';
import { createToken } from '../../electron/security/tokens.ts';
import { serveOffice, type ServedOffice } from '../../electron/hosting/servedOffice.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

export const ADMIN = { username: 'admin', password: 'admin password 1' };
export const BILLER = { username: 'bill', password: 'biller password 1' };
export const NURSE = { username: 'nora', password: 'nurse password 1' };
export const NOW = '2026-11-05T09:00:00';

export interface OfficeFile {
  dir: string;
  dbPath: string;
  /** a biller's API token (pdt_…) */
  token: string;
  tokenId: string;
  remove(): void;
}

export function makeOfficeFile(): OfficeFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perdiem-server-'));
  const dbPath = path.join(dir, 'office.sqlite');
  const store = openStore(dbPath);
  const raw = JSON.parse(fs.readFileSync(EXAMPLE_IMPORT, 'utf8')) as Record<string, unknown>;
  const parsed = parseDataset(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  saveDataset(store.db, parsed.dataset as Dataset);
  const o = { now: NOW, actor: 'test', params: TEST_SCRYPT };
  createUser(store.db, { ...ADMIN, displayName: 'Office Admin', role: 'admin', nurseId: null }, o);
  createUser(store.db, { ...BILLER, displayName: 'Bill Biller', role: 'biller', nurseId: null }, o);
  createUser(store.db, { ...NURSE, displayName: 'Maria Ortiz', role: 'nurse', nurseId: 'rn-ortiz' }, o);
  const t = createToken(store.db, { label: 'nightly', role: 'biller' }, o);
  store.close();
  return { dir, dbPath, token: t.token, tokenId: t.record.id, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** the office served on 127.0.0.1 (a free port), opened with the administrator's credentials */
export function serve(file: OfficeFile, o: { rendererDir?: string; port?: number } = {}): Promise<ServedOffice> {
  return serveOffice({
    dbPath: file.dbPath,
    env: { PERDIEM_USER: ADMIN.username, PERDIEM_PASSWORD: ADMIN.password },
    host: '127.0.0.1',
    port: o.port ?? 0,
    clock: { now: () => NOW, today: () => NOW.slice(0, 10) },
    ...(o.rendererDir ? { rendererDir: o.rendererDir } : {}),
  });
}

/** the environment of a command line joined to the served office */
export function remoteEnv(served: ServedOffice, credentials: Record<string, string>): NodeJS.ProcessEnv {
  return { PERDIEM_SERVER: served.server.url, PERDIEM_SERVER_FINGERPRINT: served.server.fingerprint, ...credentials };
}
