// 1,000 CMS-1500 pages (250 claims of 24 lines: per diem, drug with NDC, waste, nursing) in
// each mode. Target: < 5 s for 1,000 pages.
import { performance } from 'node:perf_hooks';
import type { Claim, ClaimLine } from '../electron/domain/claims.ts';
import { renderCms1500, type FormMode } from '../electron/export/cms1500/index.ts';
import { NOW, NURSE_NPI, dataset } from '../test/cms1500/fixture.ts';

const CLAIMS = 250;
const LINES = 24;
const TARGET_MS = 5000;

function line(day: number, o: Partial<ClaimLine>): ClaimLine {
  const date = `2026-10-${String(day).padStart(2, '0')}`;
  return {
    from: date, to: date, code: 'S9500', modifiers: [], units: 1, chargeCents: 11000, pointers: ['A', 'B'], ndc: null, ndcQty: null,
    ndcUnit: null, sourceKey: `k:${date}`, sourceKeys: [`k:${date}`], kind: 'perDiem', therapy: 'T1', ...o,
  };
}

function claims(): Claim[] {
  const patients = ['P1001', 'P2002', 'P3003'];
  return Array.from({ length: CLAIMS }, (_, i) => {
    const lines: ClaimLine[] = [];
    for (let day = 1; lines.length < LINES; day++) {
      lines.push(line(day, {}));
      lines.push(line(day, { code: 'J0696', units: 6, chargeCents: 2550, ndc: '00409733201', ndcQty: 0.75, ndcUnit: 'UN', kind: 'drug' }));
      lines.push(line(day, { code: 'J0696', modifiers: ['JW'], units: 2, chargeCents: 850, ndc: '00409733201', ndcQty: 0.25, ndcUnit: 'UN', kind: 'drug' }));
      lines.push(line(day, { code: '99601', chargeCents: 18000, kind: 'nursing', renderingNpi: NURSE_NPI }));
    }
    const patient = patients[i % 3]!;
    return {
      id: `C${String(i).padStart(8, '0')}`, patient, payer: patient === 'P3003' ? 'mcr' : 'acme', coveragePriority: 1, prescriber: 'DR1',
      frequency: '1', priorAuth: 'PA778899', diagnoses: ['L03115', 'E860'], totalCents: lines.reduce((s, l) => s + l.chargeCents, 0),
      periodFrom: '2026-10-01', periodTo: '2026-10-31', lines,
    };
  });
}

export default async function bench(): Promise<void> {
  const input = { claims: claims(), dataset: dataset(), now: NOW };
  const pages = CLAIMS * Math.ceil(LINES / 6);
  for (const mode of ['data', 'full'] as FormMode[]) {
    await renderCms1500({ ...input, claims: input.claims.slice(0, 2), mode }); // warm up
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      size = (await renderCms1500({ ...input, mode })).length;
      times.push(performance.now() - t0);
    }
    const median = times.sort((a, b) => a - b)[1]!;
    console.log(
      `cms1500: ${pages} pages (${mode} form) ${median.toFixed(0)} ms median of 3, ${(size / 1e6).toFixed(1)} MB ` +
        `(target < ${TARGET_MS} ms) ${median < TARGET_MS ? 'OK' : 'SLOW'}`,
    );
  }
}
