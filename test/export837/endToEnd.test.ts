// The example office, imported and built by the real engine, exported to an 837P: the file
// reads back clean and carries exactly the built claims, lines and money.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../../db/open.ts';
import { read837 } from '../../electron/export/x12/read837.ts';
import { buildPeriod } from '../../electron/services/buildService.ts';
import { export837 } from '../../electron/services/export837.ts';
import { importDataset } from '../../electron/services/importDataset.ts';
import { EXAMPLE_IMPORT } from '../support/paths.ts';

let store: Store | undefined;
afterEach(() => store?.close());

describe('import → build → export 837', () => {
  it('exports the example month with the claims the engine built', () => {
    store = openMemoryStore();
    importDataset(store.db, JSON.parse(readFileSync(EXAMPLE_IMPORT, 'utf8')));
    const built = buildPeriod(store.db, { from: '2026-10-01', to: '2026-10-31' }, { today: '2026-11-02' });
    const r = export837(store.db, { from: '2026-10-01', to: '2026-10-31', acceptWarnings: true }, { now: '2026-11-02T09:30:00' });
    expect(r.leftOut).toEqual([]);
    const back = read837(r.bytes.toString('latin1'));
    expect(back.errors).toEqual([]);
    expect([...back.claims.map((c) => c.id)].sort()).toEqual(built.claims.map((c) => c.id).sort());
    for (const c of built.claims) {
      const x = back.claims.find((b) => b.id === c.id)!;
      expect(x.totalCents).toBe(c.totalCents);
      expect(x.diagnoses).toEqual(c.diagnoses);
      expect(x.priorAuth).toBe(c.priorAuth);
      expect(x.lines.map((l) => [l.code, l.modifiers, l.units, l.chargeCents, l.from, l.to, l.ndc, l.ndcQty, l.ndcUnit])).toEqual(
        c.lines.map((l) => [l.code, l.modifiers, l.units, l.chargeCents, l.from, l.to, l.ndc, l.ndcQty, l.ndcUnit]),
      );
    }
    // the dependent (P1002, child of the AllWays subscriber) sits under a 2000C
    expect(back.claims.find((c) => c.payerId === '04293')!.patientRelationship).toBe('19');
  });
});
