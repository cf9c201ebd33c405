// A store with the golden records and claims in it, for the export service tests.
import type { Store } from '../../db/open.ts';
import { openMemoryStore } from '../../db/open.ts';
import { insertClaim, insertFinding } from '../../db/repos/claims.ts';
import { saveDataset } from '../../db/repos/dataset.ts';
import type { Claim, Finding } from '../../electron/domain/claims.ts';
import type { Dataset } from '../../electron/domain/types.ts';
import { goldenInput } from './golden.ts';

export function storeWith(claims: Claim[], findings: Finding[] = [], records = goldenInput('two-payers').records): Store {
  const store = openMemoryStore();
  fillStore(store, claims, findings, records);
  return store;
}

/** Puts the records (no engine inputs), the claims and their findings into `store`, in one transaction. */
export function fillStore(store: Store, claims: Claim[], findings: Finding[] = [], records = goldenInput('two-payers').records): void {
  const ds: Dataset = { ...records, chargeMaster: {}, products: [], therapies: [], dispenses: [], visits: [] };
  store.db.transaction(() => {
    saveDataset(store.db, ds);
    for (const c of claims) {
      let original: string | null = null;
      if (c.frequency !== '1') {
        // a replacement or void needs its original in the store: an exported copy
        original = `O${c.id}`.slice(0, 20);
        const lines = c.lines.map((l, i) => ({ ...l, sourceKey: `${original}:${i + 1}`, sourceKeys: [`${original}:${i + 1}`] }));
        insertClaim(store.db, { ...c, id: original, frequency: '1', originalClaimNumber: null, status: 'exported', lines }, '2026-10-01T08:00:00', { live: false });
      }
      insertClaim(store.db, c, '2026-11-01T08:00:00', { originalClaimId: original });
    }
    for (const f of findings) insertFinding(store.db, f, null);
  })();
}

/** Claims of a golden case, given fresh ids so several cases can share one store. */
export function goldenClaims(name: string, prefix = ''): Claim[] {
  return goldenInput(name).claims.map((c) => {
    const id = `${prefix}${c.id}`.slice(0, 20);
    // source keys are unique per live claim in the store (billing-rules §1)
    const lines = c.lines.map((l, i) => ({ ...l, sourceKey: `${id}:${i + 1}`, sourceKeys: [`${id}:${i + 1}`] }));
    return { ...c, id, lines };
  });
}
