// The batches store: numbers only go up and are taken inside the recording transaction; a
// recorded batch and its claim links are never changed or removed.
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { batchClaimIds, batchIdOf, exportedOriginals, getBatch, getBatchFile, insertBatch, lastNumber, sha256Hex, submittedOriginals, takeNumber } from '../../db/repos/batches.ts';

let store: Store | undefined;
afterEach(() => store?.close());

function record(s: Store, claims: { id: string; frequency: '1' | '7' | '8' }[], kind: '837' | 'pdf' = '837') {
  return s.db.transaction(() => {
    const id = batchIdOf(takeNumber(s.db, 'batch'));
    const n = kind === '837' ? takeNumber(s.db, 'interchange') : null;
    return insertBatch(s.db, {
      id, kind, createdAt: '2026-11-02T10:00:00', fileName: `${id}.x12`, bytes: Buffer.from(`file ${id}`), claims,
      interchangeControl: n, groupControl: n, transactionControl: n ? '0001' : null,
    });
  })();
}

describe('batches repository', () => {
  it('records the bytes with their SHA-256 and the claims in file order', () => {
    store = openMemoryStore();
    const b = record(store, [{ id: 'C2', frequency: '1' }, { id: 'C1', frequency: '1' }]);
    expect(b).toEqual({
      id: 'B000001', kind: '837', createdAt: '2026-11-02T10:00:00', fileName: 'B000001.x12', sha256: sha256Hex(Buffer.from('file B000001')),
      size: 12, claimCount: 2, interchangeControl: 1, groupControl: 1, transactionControl: '0001',
    });
    expect(getBatchFile(store.db, 'B000001')!.bytes.toString()).toBe('file B000001');
    expect(batchClaimIds(store.db, 'B000001')).toEqual(['C2', 'C1']);
    expect(getBatch(store.db, 'B999999')).toBeNull();
  });

  it('takes numbers only inside a transaction, and a rolled-back batch gives its number back', () => {
    store = openMemoryStore();
    expect(() => takeNumber(store!.db, 'interchange')).toThrow(/inside the transaction/);
    expect(() =>
      store!.db.transaction(() => {
        takeNumber(store!.db, 'interchange');
        throw new Error('file could not be written');
      })(),
    ).toThrow('file could not be written');
    expect(lastNumber(store.db, 'interchange')).toBe(0);
    record(store, []);
    record(store, [], 'pdf');
    expect([lastNumber(store.db, 'batch'), lastNumber(store.db, 'interchange')]).toEqual([2, 1]);
  });

  it('refuses to move a counter back, or to change or delete a batch or its claims', () => {
    store = openMemoryStore();
    record(store, [{ id: 'C1', frequency: '1' }]);
    const db = store.db;
    expect(() => db.prepare("UPDATE control_counters SET last = 0 WHERE name = 'interchange'").run()).toThrow('control counters only go up');
    expect(() => db.prepare("DELETE FROM control_counters WHERE name = 'interchange'").run()).toThrow('never deleted');
    expect(() => db.prepare("UPDATE batches SET bytes = x'00'").run()).toThrow('batches are never changed');
    expect(() => db.prepare('DELETE FROM batches').run()).toThrow('batches are never deleted');
    expect(() => db.prepare("UPDATE batch_claims SET frequency = '7'").run()).toThrow('never changed');
    expect(() => db.prepare('DELETE FROM batch_claims').run()).toThrow('never deleted');
  });

  it('lets a claim go out once as an original in a batch of either kind, while replacements and voids may repeat it', () => {
    store = openMemoryStore();
    record(store, [{ id: 'C1', frequency: '1' }]);
    expect(() => record(store!, [{ id: 'C1', frequency: '1' }])).toThrow(/UNIQUE/);
    // a printed CMS-1500 batch is a submission too (0005_pdf_batches.sql)
    expect(() => record(store!, [{ id: 'C1', frequency: '1' }], 'pdf')).toThrow(/UNIQUE/);
    expect(lastNumber(store.db, 'interchange')).toBe(1);
    record(store, [{ id: 'C1', frequency: '7' }]);
    record(store, [{ id: 'C1', frequency: '8' }], 'pdf');
    record(store, [{ id: 'C2', frequency: '1' }], 'pdf');
    expect(() => record(store!, [{ id: 'C2', frequency: '1' }])).toThrow(/UNIQUE/);
    expect(lastNumber(store.db, 'batch')).toBe(4);
    expect(exportedOriginals(store.db, ['C1', 'C2', 'C3'])).toEqual(new Map([['C1', 'B000001']]));
    expect(submittedOriginals(store.db, ['C1', 'C2', 'C3'])).toEqual(new Map([['C1', 'B000001'], ['C2', 'B000004']]));
  });
});
