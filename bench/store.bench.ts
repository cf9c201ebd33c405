// The demo office at benchmark size (500 patients, six months) imported into a file store, then
// loadDataset, which every build starts with. Targets: import < 3 s, loadDataset < 300 ms.
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../db/open.ts';
import { loadDataset } from '../db/repos/dataset.ts';
import { loadDemo } from '../electron/demo/loadDemo.ts';

const PATIENTS = 500;

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'perdiem-bench-'));
  const store = openStore(path.join(dir, 'bench.sqlite'));
  try {
    let t = performance.now();
    const { counts } = loadDemo(store.db, { today: '2026-11-15', patients: PATIENTS });
    const importMs = performance.now() - t;
    loadDataset(store.db);
    const runs = 5;
    t = performance.now();
    for (let i = 0; i < runs; i++) loadDataset(store.db);
    const loadMs = (performance.now() - t) / runs;
    console.log(
      `store: demo import of ${counts.patients} patients, ${counts.therapies} therapies, ${counts.dispenses} dispenses, ` +
        `${counts.visits} visits: ${importMs.toFixed(0)} ms (target 3000); loadDataset: ${loadMs.toFixed(0)} ms (target 300)`,
    );
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
