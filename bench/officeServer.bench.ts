// The office server with 20 clients (15 nurses saving and correcting visits, 5 billers reading the
// chart and building the period) over real TLS on 127.0.0.1 for PERDIEM_BENCH_SECONDS (default 15):
// p50/p95 of a chart read, a visit save and a build. Every request waits its turn (the table runs one
// at a time per office), so with 20 clients a request waits for about 20 others: latency is about
// 20 × the mean service time, builds included.
import { ADMIN, BILLER, NURSE, makeOfficeFile, serve } from '../test/server/fixture.ts';
import { percentile, runLoad } from '../test/server/officeLoad.ts';

export default async function bench(): Promise<void> {
  const seconds = Math.min(60, Number(process.env.PERDIEM_BENCH_SECONDS ?? 15));
  const file = makeOfficeFile();
  const served = await serve(file);
  try {
    const r = await runLoad({
      served,
      nurse: { PERDIEM_USER: NURSE.username, PERDIEM_PASSWORD: NURSE.password },
      biller: { PERDIEM_USER: BILLER.username, PERDIEM_PASSWORD: BILLER.password },
      clients: 20,
      billers: 5,
      durationMs: seconds * 1000,
    });
    const line = (name: string, ms: number[]) =>
      `  ${name.padEnd(12)} n=${String(ms.length).padStart(5)}  p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms`;
    console.log(`office server, 20 clients, ${seconds} s (${r.requests} requests, ${r.failures.length} failed; admin ${ADMIN.username} opened it):`);
    console.log(line('chart read', r.latencyMs.chart));
    console.log(line('visit save', r.latencyMs.save));
    console.log(line('build', r.latencyMs.build));
  } finally {
    await served.close();
    file.remove();
  }
}
