// 0017: a received file's bytes are stored deflated with their size as received, and given back
// exactly (checked against the file's SHA-256); files stored raw before 0017 read as they were.
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { insertReceivedFile, listReceivedFiles, receivedFileBytes } from '../../db/repos/received.ts';

let store: Store | undefined;
afterEach(() => store?.close());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const file = (bytes: Uint8Array) => ({
  fileName: 'era.835', bytes, sha256: sha(bytes), kinds: ['835'], receivedAt: '2026-11-21T10:00:00', receivedBy: 'bea', status: 'applied' as const, message: null,
});
// an 835-like text: repetitive, as X12 is
const X12 = Buffer.from(Array.from({ length: 400 }, (_, i) => `CLP*PD${String(i).padStart(6, '0')}*1*1602*1602**12*PCN${i}~SVC*HC:S9500*57.21*57.21**1~DTM*472*20261001~`).join(''), 'latin1');

describe('received file bytes (0017)', () => {
  it('an X12 file is stored deflated, listed with its size as received and downloaded byte for byte', () => {
    store = openMemoryStore();
    const id = insertReceivedFile(store.db, file(X12));
    const row = store.db.prepare('SELECT encoding, size, length(bytes) AS stored FROM received_files WHERE id = ?').get(id) as { encoding: string; size: number; stored: number };
    expect(row.encoding).toBe('deflate');
    expect(row.size).toBe(X12.length);
    expect(row.stored).toBeLessThan(X12.length / 10);
    expect(listReceivedFiles(store.db)[0]!.size).toBe(X12.length);
    expect(receivedFileBytes(store.db, id)!.bytes.equals(X12)).toBe(true);
  });

  it('bytes that deflate does not shrink are kept raw; a file stored before 0017 (raw, no size) reads as it was', () => {
    store = openMemoryStore();
    const tiny = Buffer.from('ISA~', 'latin1');
    const id = insertReceivedFile(store.db, file(tiny));
    expect(store.db.prepare('SELECT encoding FROM received_files WHERE id = ?').pluck().get(id)).toBe('raw');
    expect(receivedFileBytes(store.db, id)!.bytes.equals(tiny)).toBe(true);
    store.db.prepare(`INSERT INTO received_files (file_name, bytes, sha256, kinds, received_at, received_by, status) VALUES ('old.835', ?, ?, '["835"]', 'x', 'bea', 'refused')`).run(X12, sha(X12));
    const old = listReceivedFiles(store.db).find((f) => f.fileName === 'old.835')!;
    expect(old.size).toBe(X12.length);
    expect(receivedFileBytes(store.db, old.id)!.bytes.equals(X12)).toBe(true);
  });

  it('stored bytes that no longer match the SHA-256 are refused, naming the file, never given back', () => {
    store = openMemoryStore();
    const id = insertReceivedFile(store.db, file(X12));
    const other = Buffer.from(X12.toString('latin1').replace('1602', '1603'), 'latin1');
    store.db.prepare(`UPDATE received_files SET bytes = ? WHERE id = ?`).run(deflateRawSync(other), id);
    expect(() => receivedFileBytes(store!.db, id)).toThrow(`received file ${id} (era.835): its stored bytes no longer match its SHA-256 ${sha(X12)}`);
  });
});

