// 2,000 claims (about 20 lines each: per diem days, drug + waste lines with NDCs, nursing) to
// one 837P, then the file read back. Target: write < 0.5 s.
import { performance } from 'node:perf_hooks';
import type { Claim, ClaimLine } from '../electron/domain/claims.ts';
import type { Patient } from '../electron/domain/types.ts';
import type { X12Records } from '../electron/export/x12/input.ts';
import { read837 } from '../electron/export/x12/read837.ts';
import { write837 } from '../electron/export/x12/write837.ts';
import { DEFAULT_PAYER_SETTINGS, withDefaults } from '../electron/domain/settings.ts';

const CLAIMS = 2000;
const TARGET_MS = 500;

function records(patients: Patient[]): X12Records {
  return {
    organization: {
      name: 'Summit Home Infusion Pharmacy', npi: '1234567893', taxId: '741234567', taxonomy: '3336H0001X',
      address: { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', zip: '787041234' }, phone: '5125550100', contact: 'Dana Reyes',
    },
    clearinghouse: { name: 'Example Clearinghouse', senderId: 'SUMMITHIP', receiverId: 'CLEARHOUSE01', submitterId: 'SUMMITHIP', usage: 'T' },
    payers: [
      { id: 'bcbstx', name: 'Blue Cross and Blue Shield of Texas', payerId: '84980', filingIndicator: 'BL', settings: withDefaults(DEFAULT_PAYER_SETTINGS), fees: {} },
      { id: 'allways', name: 'AllWays Health Partners', payerId: '04293', filingIndicator: 'CI', settings: withDefaults({}), fees: {} },
    ],
    prescribers: [{ id: 'dr-lee', firstName: 'Ann', lastName: 'Lee', npi: '1992753883' }],
    nurses: [{ id: 'rn-ortiz', firstName: 'Maria', lastName: 'Ortiz', credential: 'RN', npi: '1456789019' }],
    patients,
  };
}

function line(day: number, o: Partial<ClaimLine>): ClaimLine {
  const date = `2026-10-${String(day).padStart(2, '0')}`;
  return {
    from: date, to: date, code: 'S9500', modifiers: [], units: 1, chargeCents: 11000, pointers: ['A', 'B'], ndc: null, ndcQty: null, ndcUnit: null,
    sourceKey: `k:${date}`, sourceKeys: [`k:${date}`], kind: 'perDiem', therapy: 'T1', ...o,
  };
}

export function dataset(): { claims: Claim[]; records: X12Records } {
  const patients: Patient[] = [];
  const claims: Claim[] = [];
  for (let i = 0; i < CLAIMS / 4; i++) {
    const id = `P${100000 + i}`;
    const self = i % 5 !== 0;
    patients.push({
      id, firstName: `Pat${i}`, lastName: `Garza-Núñez${i}`, dob: '1956-03-14', sex: i % 2 ? 'F' : 'M',
      address: { line1: `${i} Oak Hollow Dr`, city: 'Round Rock', state: 'TX', zip: '78664' },
      coverages: [{
        payer: i % 3 ? 'bcbstx' : 'allways', priority: 1, memberId: `XOB${i}`, groupNumber: 'G100', relationship: self ? 'self' : 'child',
        subscriber: self ? null : { firstName: 'Lucia', lastName: `Parent${i}`, dob: '1980-01-01', sex: 'F' },
      }],
    });
  }
  for (let c = 0; c < CLAIMS; c++) {
    const p = patients[c % patients.length]!;
    const lines: ClaimLine[] = [];
    for (let d = 1; d <= 6; d++) {
      lines.push(line(d, {}));
      lines.push(line(d, { code: 'J0696', units: 6, chargeCents: 2550, ndc: '00409733201', ndcQty: 0.75, ndcUnit: 'UN', kind: 'drug' }));
      lines.push(line(d, { code: 'J0696', modifiers: ['JW'], units: 2, chargeCents: 850, ndc: '00409733201', ndcQty: 0.25, ndcUnit: 'UN', kind: 'waste' }));
    }
    lines.push(line(1, { code: '99601', chargeCents: 18000, kind: 'nursing', renderingNpi: '1456789019' }));
    lines.push(line(1, { code: '99602', chargeCents: 9000, kind: 'nursing', renderingNpi: '1456789019' }));
    claims.push({
      id: `C${String(c).padStart(7, '0')}`, patient: p.id, payer: p.coverages[0]!.payer, coveragePriority: 1, prescriber: 'dr-lee', frequency: '1',
      priorAuth: 'PA778899', diagnoses: ['L03115', 'E860'], totalCents: lines.reduce((s, l) => s + l.chargeCents, 0),
      periodFrom: '2026-10-01', periodTo: '2026-10-31', lines,
    });
  }
  return { claims, records: records(patients) };
}

export default async function bench(): Promise<void> {
  const { claims, records: recs } = dataset();
  const input = { claims, records: recs, control: { interchange: 1, group: 1, transaction: 1 }, now: '2026-11-02T09:30:00' };
  write837(input); // warm-up
  // wall time, and CPU time (the machine may be shared: CPU time is what this code costs)
  const runs: number[] = [];
  const cpu: number[] = [];
  let result = write837(input);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = write837(input);
    const used = process.cpuUsage(c);
    runs.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = runs[2]!;
  const t = performance.now();
  const back = read837(result.text);
  const readMs = performance.now() - t;
  const lines = claims.reduce((s, c) => s + c.lines.length, 0);
  console.log(`export837: ${CLAIMS} claims, ${lines} lines, ${result.segments} segments, ${(result.text.length / 1e6).toFixed(1)} MB`);
  console.log(`export837: write ${median.toFixed(0)} ms median of 5, ${cpu[2]!.toFixed(0)} ms CPU (target < ${TARGET_MS} ms) ${median < TARGET_MS ? 'OK' : 'SLOW'}`);
  console.log(`export837: read back ${readMs.toFixed(0)} ms, ${back.errors.length} errors`);
}
