// Many clients on one office server at once, for the load test and the benchmark: nurses saving
// (and now and then correcting, with the version they read) visits, billers reading charts and
// building the period. Every loop is bounded by a deadline and a count. Each client is its own
// pinned connection and session, as twenty workstations would be.
import { performance } from 'node:perf_hooks';
import type { Caller } from '../../electron/cli/caller.ts';
import { openRemoteCaller } from '../../electron/cli/remoteCaller.ts';
import type { ServedOffice } from '../../electron/hosting/servedOffice.ts';
import type { Visit } from '../../electron/domain/types.ts';
import { remoteEnv } from './fixture.ts';

export interface LoadOptions {
  served: ServedOffice;
  /** credentials of each client, by role */
  nurse: Record<string, string>;
  biller: Record<string, string>;
  clients: number;
  /** how many of them build and read (the rest save visits) */
  billers: number;
  durationMs: number;
  /** at most this many requests per client (a bound besides the time) */
  maxPerClient?: number;
}

export interface LoadResult {
  /** visits the server said it saved, by id, as the client last saved them */
  saved: Map<string, Visit & { version: number }>;
  /** saves refused as conflicts (none expected: each client edits its own visits) */
  conflicts: number;
  failures: string[];
  builds: number;
  /** claim totals that were not the sum of their lines (a half-built claim) */
  inconsistentBuilds: number;
  latencyMs: { chart: number[]; save: number[]; build: number[] };
  requests: number;
}

/** the p-th percentile (0–100) of a list of milliseconds */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed<T>(list: number[], fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    list.push(performance.now() - t);
  }
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { saved: new Map(), conflicts: 0, failures: [], builds: 0, inconsistentBuilds: 0, latencyMs: { chart: [], save: [], build: [] }, requests: 0 };
  const deadline = performance.now() + o.durationMs;
  const max = o.maxPerClient ?? 10_000;
  const callers: Caller[] = [];
  const open = (credentials: Record<string, string>) => {
    const c = openRemoteCaller({ server: o.served.server.url, env: remoteEnv(o.served, credentials) });
    callers.push(c);
    return c;
  };

  async function nurse(i: number): Promise<void> {
    const api = open(o.nurse);
    const mine: (Visit & { version: number })[] = [];
    for (let n = 0; n < max && performance.now() < deadline; n++) {
      result.requests++;
      try {
        const last = mine[mine.length - 1];
        if (last && n % 4 === 3) {
          // a correction of her own last visit, from the version she holds
          const { version, ...visit } = last;
          const v = await timed(result.latencyMs.save, () => api.call('visits.save', { ...visit, notes: `${visit.notes} corrected`, version }));
          mine[mine.length - 1] = v;
          result.saved.set(v.id, v);
        } else {
          const day = String(1 + ((i * 7 + n) % 28)).padStart(2, '0');
          const v = await timed(result.latencyMs.save, () =>
            api.call('visits.save', { patient: 'P1001', therapy: 'T1', nurse: 'rn-ortiz', date: `2026-10-${day}`, arrival: '13:00', departure: '14:00', departureDate: null, signed: n % 2 === 0, notes: `load ${i}.${n}` }),
          );
          mine.push(v);
          result.saved.set(v.id, v);
        }
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (/was not saved: .* changed it/.test(message)) result.conflicts++;
        else result.failures.push(`nurse ${i}: ${message}`);
      }
    }
  }

  async function biller(i: number): Promise<void> {
    const api = open(o.biller);
    for (let n = 0; n < max && performance.now() < deadline; n++) {
      result.requests++;
      try {
        if (n % 3 === 2) {
          const built = await timed(result.latencyMs.build, () => api.call('claims.build', { from: '2026-10-01', to: '2026-10-31' }));
          result.builds++;
          for (const c of built.claims) if (c.totalCents !== c.lines.reduce((s, l) => s + l.chargeCents, 0)) result.inconsistentBuilds++;
        } else {
          await timed(result.latencyMs.chart, () => api.call('patients.chart', { id: 'P1001' }));
        }
      } catch (e) {
        result.failures.push(`biller ${i}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: o.clients }, (_, i) => (i < o.billers ? biller(i) : nurse(i))));
  } finally {
    for (const c of callers) c.close();
  }
  return result;
}
