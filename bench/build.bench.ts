// One month of claims for the demo office scaled to 500 patients: the engine alone, and the whole
// `build` (read, engine, write in one transaction), against merely reading the same facts.
// Targets: engine < 1 s, and < 3× the read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../db/open.ts';
import { loadDataset } from '../db/repos/dataset.ts';
import { listClaims, markExported } from '../db/repos/claims.ts';
import { buildClaims } from '../electron/claims/index.ts';
import { loadDemo } from '../electron/demo/loadDemo.ts';
import { buildPeriod } from '../electron/services/buildService.ts';

const PATIENTS = 500;
const TODAY = '2026-11-05';
const RANGE = { from: '2026-10-01', to: '2026-10-31' };
const TARGET_MS = 1000;
const TARGET_RATIO = 3;

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time and median CPU time of `runs` calls after a warm-up (the machine may be shared). */
function time<T>(runs: number, fn: () => T): { ms: number; cpu: number; value: T } {
  let value = fn(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpu: median(cpu), value };
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'perdiem-bench-build-'));
  const store = openStore(path.join(dir, 'bench.sqlite'));
  try {
    loadDemo(store.db, { today: TODAY, patients: PATIENTS });
    const read = time(7, () => loadDataset(store.db));
    const ds = read.value;
    const engine = time(7, () => buildClaims(ds, RANGE, { today: TODAY }));
    const full = time(3, () => buildPeriod(store.db, RANGE, { today: TODAY }));
    const r = engine.value;
    const lines = r.claims.reduce((s, c) => s + c.lines.length, 0);
    const ratio = engine.cpu / read.cpu;
    const ok = (good: boolean) => (good ? 'OK' : 'SLOW');
    console.log(`build: demo office, ${ds.patients.length} patients, ${ds.therapies.length} therapies, ${ds.dispenses.length} dispenses, ${ds.visits.length} visits; ${RANGE.from} … ${RANGE.to}`);
    console.log(`build: ${r.claims.length} claims, ${lines} lines, ${r.findings.length} findings`);
    console.log(`build: read the facts (loadDataset) ${read.ms.toFixed(0)} ms wall, ${read.cpu.toFixed(0)} ms CPU, median of 7`);
    console.log(`build: engine ${engine.ms.toFixed(0)} ms wall, ${engine.cpu.toFixed(0)} ms CPU, median of 7 (target < ${TARGET_MS} ms) ${ok(engine.ms < TARGET_MS)}`);
    console.log(`build: engine / read = ${ratio.toFixed(2)}× in CPU time (target < ${TARGET_RATIO}×) ${ok(ratio < TARGET_RATIO)}`);
    console.log(`build: whole build in the store (read + engine + write, one transaction) ${full.ms.toFixed(0)} ms wall, ${full.cpu.toFixed(0)} ms CPU, median of 3`);
    // the next month with October exported: every October key is live, checked but not billed again
    markExported(store.db, listClaims(store.db, { status: 'draft' }).map((c) => c.id), 'BENCH', `${TODAY}T12:00:00`);
    const next = time(3, () => buildPeriod(store.db, { from: '2026-11-01', to: '2026-11-30' }, { today: '2026-12-05' }));
    console.log(`build: next month with the last one exported (${next.value.claims.length} claims) ${next.ms.toFixed(0)} ms wall, ${next.cpu.toFixed(0)} ms CPU, median of 3`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
