// R-MX-9 Descriptor limits (all payers). S5502 on a date the patient has another billed per diem
// (outside S5497–S5523) is a warning: "use this code for interim maintenance of vascular access
// not currently in use" [VT8]. S9372 for a therapy whose drugs are all J1642 is an error: "do not
// use this code for flushing of infusion devices with Heparin to maintain patency" [HC12].
import { inCodeList } from '../../domain/codeLists.ts';
import type { EngineContext } from '../context.ts';
import { toIso } from '../dates.ts';
import type { Fact, FactSink } from '../types.ts';

const ACCESS_NOT_IN_USE = 'S5502';
const CATHETER_CARE = ['S5497-S5523'];
const ANTICOAGULANT_INJECTION = 'S9372';
const HEPARIN_LOCK_FLUSH = 'J1642';

export function checkDescriptorLimits(ctx: EngineContext, facts: readonly Fact[], sink: FactSink): void {
  const otherPerDiemDays = new Set<string>();
  for (const f of facts) if (f.kind === 'perDiem' && !inCodeList(f.code, CATHETER_CARE)) otherPerDiemDays.add(`${f.patient.id}|${f.day}`);
  const flushOnly = new Set<string>();
  for (const f of facts) {
    if (f.kind !== 'perDiem') continue;
    if (f.code === ACCESS_NOT_IN_USE && otherPerDiemDays.has(`${f.patient.id}|${f.day}`)) {
      sink.findings.push({
        severity: 'warning', rule: 'R-MX-9', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { line: f },
        message: `S5502 on ${toIso(f.day)} is for vascular access not currently in use, but the patient has another per diem that day`,
      });
    }
    const drugs = f.therapy.drugs.map((d) => ctx.products.get(d.ndc)?.hcpcs);
    if (f.code === ANTICOAGULANT_INJECTION && drugs.length > 0 && drugs.every((c) => c === HEPARIN_LOCK_FLUSH) && !flushOnly.has(f.therapy.id)) {
      flushOnly.add(f.therapy.id);
      sink.findings.push({
        severity: 'error', rule: 'R-MX-9', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { therapy: f.therapy.id },
        message: `Therapy ${f.therapy.id}: S9372 is not for heparin flushes that keep a line open, and its only drug is J1642`,
      });
    }
  }
}
