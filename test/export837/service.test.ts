// export837: one transaction selects the exportable claims, writes the file, stores its bytes
// and SHA-256, links and locks the claims; the interchange number is never used twice.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/open.ts';
import { getClaim, insertClaim } from '../../db/repos/claims.ts';
import { batchClaimIds, insertBatch, lastNumber, takeNumber } from '../../db/repos/batches.ts';
import type { Claim } from '../../electron/domain/claims.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { export837, getBatchFile, listBatches } from '../../electron/services/export837.ts';
import { exportPdf } from '../../electron/services/exportPdf.ts';
import { createCorrection } from '../../electron/services/claimsLifecycle.ts';
import { UserError } from '../../electron/domain/errors.ts';
import { goldenClaims, storeWith } from './store.ts';

const NOW = '2026-11-02T10:00:00';
let store: Store | undefined;
afterEach(() => store?.close());

function sha(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('export837', () => {
  it('writes every draft of the selection to one valid file and locks the claims in the batch', () => {
    store = storeWith(goldenClaims('two-payers'));
    const r = export837(store.db, {}, { now: NOW });
    expect(r.batchId).toBe('B000001');
    expect(r.fileName).toBe('B000001-837P-000000001.x12');
    expect([...r.claims].sort()).toEqual(['C2610P1001A', 'C2610P1001S', 'C2610P1002A']);
    expect(r.leftOut).toEqual([]);
    const back = read837(r.bytes.toString('latin1'));
    expect(back.errors).toEqual([]);
    expect(back.interchangeControlNumber).toBe('000000001');
    expect(back.claims.map((c) => c.id)).toEqual(r.claims);
    for (const id of r.claims) {
      const c = getClaim(store.db, id)!;
      expect(c.status).toBe('exported');
      expect(c.batchId).toBe('B000001');
      expect(c.exportedAt).toBe(NOW);
    }
    expect(batchClaimIds(store.db, r.batchId)).toEqual(r.claims);
  });

  it('stores the exact bytes and their SHA-256, and gives them back unchanged', () => {
    store = storeWith(goldenClaims('subscriber-is-patient'));
    const r = export837(store.db, {}, { now: NOW });
    expect(r.sha256).toBe(sha(r.bytes));
    const f = getBatchFile(store.db, r.batchId);
    expect(Buffer.compare(f.bytes, r.bytes)).toBe(0);
    expect(f.sha256).toBe(sha(f.bytes));
    expect(f.fileName).toBe(r.fileName);
    expect(listBatches(store.db)).toEqual([
      expect.objectContaining({ id: r.batchId, kind: '837', sha256: r.sha256, size: r.bytes.length, claimCount: 1, interchangeControl: 1, createdAt: NOW }),
    ]);
  });

  it('never reuses an interchange control number across exports', () => {
    store = storeWith(goldenClaims('subscriber-is-patient'));
    const first = export837(store.db, {}, { now: NOW });
    store.db.transaction(() => {
      for (const c of goldenClaims('line-spans')) insertClaim(store!.db, c, NOW);
    })();
    const second = export837(store.db, {}, { now: NOW });
    expect(first.interchangeControlNumber).toBe('000000001');
    expect(second.interchangeControlNumber).toBe('000000002');
    expect(second.batchId).toBe('B000002');
    const isa13 = (b: Buffer) => read837(b.toString('latin1')).interchangeControlNumber;
    expect(isa13(getBatchFile(store.db, first.batchId).bytes)).toBe('000000001');
    expect(isa13(getBatchFile(store.db, second.batchId).bytes)).toBe('000000002');
    // and the database refuses to record a batch with a used number
    expect(() =>
      store!.db.transaction(() =>
        insertBatch(store!.db, { id: 'BX', kind: '837', createdAt: NOW, fileName: 'x', bytes: Buffer.from('x'), claims: [], interchangeControl: 2, groupControl: 2, transactionControl: '0001' }),
      )(),
    ).toThrow(/UNIQUE/);
  });

  it('does not consume a control number when the export fails', () => {
    store = storeWith(goldenClaims('subscriber-is-patient'));
    store.db.prepare("UPDATE organization SET addr_zip = '78704'").run();
    const e = userError(() => export837(store!.db, {}, { now: NOW }));
    expect(e.details).toEqual(["organization.address.zip: '78704' is not a 9-digit ZIP+4 (the billing provider needs all 9 digits)"]);
    expect(lastNumber(store.db, 'interchange')).toBe(0);
    expect(listBatches(store.db)).toEqual([]);
    expect(getClaim(store.db, 'C2610P1001A')!.status).toBe('draft');
  });

  it('never puts an original claim in two batches, but lets its replacement and void follow', () => {
    store = storeWith(goldenClaims('subscriber-is-patient'));
    const first = export837(store.db, {}, { now: NOW });
    // asking for it again by id: left out, nothing written
    const again = userError(() => export837(store!.db, { claimIds: ['C2610P1001A'] }, { now: NOW }));
    expect(again.details).toEqual(['C2610P1001A: exported in batch B000001, not a draft']);
    // the database refuses a second 837 link of the original whatever the code does
    expect(() =>
      store!.db.transaction(() => {
        const n = takeNumber(store!.db, 'interchange');
        insertBatch(store!.db, { id: 'BX', kind: '837', createdAt: NOW, fileName: 'x', bytes: Buffer.from('x'), claims: [{ id: 'C2610P1001A', frequency: '1' }], interchangeControl: n, groupControl: n, transactionControl: '0001' });
      })(),
    ).toThrow(/UNIQUE/);
    // a replacement and a void of it go out in later batches
    const original = getClaim(store.db, 'C2610P1001A')!;
    const replacement: Claim = { ...original, id: 'C2610P1001A-R1', frequency: '7', originalClaimNumber: 'ICN2026300001', status: 'draft',
      lines: original.lines.map((l, i) => ({ ...l, sourceKey: `r:${i}`, sourceKeys: [`r:${i}`] })) };
    store.db.transaction(() => insertClaim(store!.db, replacement, NOW, { originalClaimId: original.id }))();
    const second = export837(store.db, {}, { now: NOW });
    expect(second.claims).toEqual(['C2610P1001A-R1']);
    const text = second.bytes.toString('latin1');
    expect(text).toContain('CLM*C2610P1001A-R1*792***12:B:7*Y*A*Y*Y~');
    expect(text).toContain('REF*F8*ICN2026300001~');
    expect(read837(text).errors).toEqual([]);
    expect(first.batchId).not.toBe(second.batchId);
  });

  it('exports a void made by the claims lifecycle in a later batch, with frequency 8 and REF*F8', () => {
    store = storeWith(goldenClaims('subscriber-is-patient'));
    const first = export837(store.db, {}, { now: NOW });
    const voided = createCorrection(store.db, 'C2610P1001A', '8', 'ICN2026300777', '2026-11-03');
    const second = export837(store.db, {}, { now: '2026-11-03T10:00:00' });
    expect(second.claims).toEqual([voided.id]);
    const back = read837(second.bytes.toString('latin1'));
    expect(back.errors).toEqual([]);
    expect(back.claims.map((c) => [c.id, c.frequency, c.originalClaimNumber])).toEqual([[voided.id, '8', 'ICN2026300777']]);
    expect(batchClaimIds(store.db, first.batchId)).toEqual(['C2610P1001A']);
    expect(batchClaimIds(store.db, second.batchId)).toEqual([voided.id]);
  });

  it('leaves out claims with errors, and claims with unacknowledged warnings unless told to accept them', () => {
    const claims = [...goldenClaims('subscriber-is-patient'), ...goldenClaims('line-spans'), ...goldenClaims('replacement-and-void')];
    store = storeWith(claims, [
      { severity: 'error', rule: 'R-CL-5', message: 'date 2026-10-03 is outside prior authorization PA778899', claim: 'C2610P1001A', line: 7 },
      { severity: 'warning', rule: 'R-CL-10', message: 'line older than 180 days', claim: 'C2610P1001W', line: 1 },
    ]);
    const r = export837(store.db, {}, { now: NOW });
    expect([...r.claims].sort()).toEqual(['C2608P1001A', 'C2609P1001A']);
    expect(r.leftOut).toEqual([
      { claim: 'C2610P1001A', reason: 'R-CL-11 1 error: date 2026-10-03 is outside prior authorization PA778899' },
      { claim: 'C2610P1001W', reason: 'R-CL-11 1 unacknowledged warning: line older than 180 days (acknowledge the warnings or use --accept-warnings)' },
    ]);
    expect(getClaim(store.db, 'C2610P1001A')!.status).toBe('draft');
    const accepted = export837(store.db, { acceptWarnings: true }, { now: NOW });
    expect(accepted.claims).toEqual(['C2610P1001W']);
    expect(accepted.leftOut.map((l) => l.claim)).toEqual(['C2610P1001A']);
  });

  it('leaves out a claim whose records cannot be written in X12, naming the record and field', () => {
    const claims = goldenClaims('two-payers');
    store = storeWith(claims);
    store.db.prepare("UPDATE patients SET addr_line1 = NULL, addr_city = NULL, addr_state = NULL, addr_zip = NULL WHERE id = 'P1002'").run();
    const r = export837(store.db, { payer: 'allways' }, { now: NOW });
    expect(r.claims).toEqual(['C2610P1001S']);
    expect(r.leftOut).toEqual([{ claim: 'C2610P1002A', reason: 'patients[P1002].address: is missing' }]);
  });

  it('selects by payer and date range', () => {
    store = storeWith([...goldenClaims('two-payers'), ...goldenClaims('replacement-and-void')]);
    const r = export837(store.db, { payer: 'bcbstx', from: '2026-09-01', to: '2026-09-30' }, { now: NOW });
    expect(r.claims).toEqual(['C2609P1001A']);
  });
});

describe('export837 and printed CMS-1500 batches', () => {
  it('leaves out a claim already printed on CMS-1500 and exports the rest; the print used no interchange number', async () => {
    store = storeWith(goldenClaims('two-payers'));
    const printed = await exportPdf(store.db, { form: 'full', claimIds: ['C2610P1001A'] }, { now: NOW });
    expect(printed.batch?.id).toBe('B000001');
    expect(lastNumber(store.db, 'interchange')).toBe(0);
    const again = userError(() => export837(store!.db, { claimIds: ['C2610P1001A'] }, { now: NOW }));
    expect(again.details).toEqual(['C2610P1001A: exported in batch B000001, not a draft']);
    const r = export837(store.db, {}, { now: NOW });
    expect(r.batchId).toBe('B000002');
    expect(r.interchangeControlNumber).toBe('000000001');
    expect([...r.claims].sort()).toEqual(['C2610P1001S', 'C2610P1002A']);
    expect(listBatches(store.db).map((b) => [b.id, b.kind])).toEqual([['B000002', '837'], ['B000001', 'pdf']]);
  });

  it('does not print an exported claim as a new batch, but prints its void as one', async () => {
    store = storeWith(goldenClaims('subscriber-is-patient'));
    export837(store.db, {}, { now: NOW });
    await expect(exportPdf(store.db, { form: 'data', claimIds: ['C2610P1001A'] }, { now: NOW })).rejects.toThrow('no printable claim in that selection');
    const voided = createCorrection(store.db, 'C2610P1001A', '8', 'ICN2026300777', '2026-11-03');
    const printed = await exportPdf(store.db, { form: 'data' }, { now: NOW });
    expect(printed.claims).toEqual([voided.id]);
    expect(batchClaimIds(store.db, printed.batch!.id)).toEqual([voided.id]);
    expect(getClaim(store.db, voided.id)!.status).toBe('exported');
  });
});

