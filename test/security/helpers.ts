// Shared by the security tests: temp folders, a fake OS protector, the example dataset.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretProtector } from '../../electron/security/keyring.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

export const EXAMPLE = EXAMPLE_IMPORT;

export function exampleDataset(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
}

export function tempDir(prefix = 'perdiem-sec-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Stands in for Electron safeStorage: AES-GCM under a key only this object knows. */
export function fakeProtector(): SecretProtector & { calls: number } {
  const key = randomBytes(32);
  const p = {
    calls: 0,
    encrypt(plain: Buffer): Buffer {
      p.calls++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    decrypt(blob: Buffer): Buffer {
      p.calls++;
      const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]);
    },
  };
  return p;
}

export const NOW = '2026-11-05T09:00:00';
