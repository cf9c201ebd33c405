// A store holding the CMS-1500 fixture office and a few claims in different export states.
import type { Store } from '../../db/open.ts';
import { insertBatch } from '../../db/repos/batches.ts';
import { insertClaim, insertFinding, markExported } from '../../db/repos/claims.ts';
import { saveDataset } from '../../db/repos/dataset.ts';
import type { Claim } from '../../electron/domain/claims.ts';
import { dataset, perDiemClaim, singlePageClaim } from './fixture.ts';

/** Source keys are unique per live claim in the store, so each claim gets its own. */
function ownKeys(c: Claim): Claim {
  return { ...c, lines: c.lines.map((l, i) => ({ ...l, sourceKey: `${c.id}:${i + 1}`, sourceKeys: [`${c.id}:${i + 1}`] })) };
}

export const PRINTABLE = ['C2026100001', 'C2026100002'];
export const WITH_ERROR = 'C2026100003';
export const NO_COVERAGE = 'C2026100004';
export const WITH_WARNING = 'C2026100005';

/** Two printable drafts, one with an error, one whose payer the patient has no coverage with, one with a warning. */
export function fillStore(store: Store): void {
  store.db.transaction(() => {
    const ds = dataset();
    // the store keeps records as import normalizes them (tax id: 9 digits)
    const organization = { ...ds.organization!, taxId: '123456789' };
    saveDataset(store.db, { ...ds, organization, clearinghouse: null, chargeMaster: {}, products: [], therapies: [], dispenses: [], visits: [] });
    const claims = [
      singlePageClaim(),
      perDiemClaim('C2026100002', 'P2002', 'acme', 8),
      perDiemClaim(WITH_ERROR, 'P3003', 'mcr', 1),
      perDiemClaim(NO_COVERAGE, 'P1001', 'ocr', 1),
      perDiemClaim(WITH_WARNING, 'P3003', 'mcr', 2, { periodFrom: '2026-09-01', periodTo: '2026-09-30' }),
    ];
    for (const c of claims) insertClaim(store.db, ownKeys(c), '2026-11-01T08:00:00');
    insertFinding(store.db, { severity: 'error', rule: 'R-CL-6', message: 'no price for S9500', claim: WITH_ERROR }, null);
    insertFinding(store.db, { severity: 'warning', rule: 'R-NV-7', message: 'visit V9 is not signed', claim: WITH_WARNING }, null);
  })();
}

/** Records an 837 batch of the two printable claims (second one first) and locks them. */
export function exportBatch(store: Store): string {
  store.db.transaction(() => {
    insertBatch(store.db, {
      id: 'B000001',
      kind: '837',
      createdAt: '2026-11-02T08:00:00',
      fileName: 'B000001.x12',
      bytes: Buffer.from('ISA*'),
      claims: [{ id: PRINTABLE[1]!, frequency: '1' }, { id: PRINTABLE[0]!, frequency: '1' }],
      interchangeControl: 1,
      groupControl: 1,
      transactionControl: '0001',
    });
    markExported(store.db, [PRINTABLE[1]!, PRINTABLE[0]!], 'B000001', '2026-11-02T08:00:00');
  })();
  return 'B000001';
}
