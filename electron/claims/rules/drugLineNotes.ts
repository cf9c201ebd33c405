// R-DR-12 Drug-line notes: with `drugLineNotes` (AllWays: "Dosage administered to the member that
// day … Frequency of administration" [AW11]) each administered drug line (never a JW line) carries
// `DOSE <total> <UNIT> FREQ <F>`: the day's dose of the drug, its unit in upper case, and the
// schedule as Q<n>H, Q<n>D, QWK, QMONTH or CONT. Infusion duration is not written (no data).
import { ndcItem, shadedLine } from '../../domain/shadedLine.ts';
import type { Measure, PayerSettings, Quantity, Schedule } from '../../domain/types.ts';
import { round3 } from '../numbers.ts';
import type { Fact, FactSink } from '../types.ts';

const UNIT: Readonly<Record<Measure, string>> = { mcg: 'MCG', mg: 'MG', g: 'G', units: 'UNITS', IU: 'IU', mL: 'ML' };

function frequency(s: Schedule): string {
  if ('everyHours' in s) return `Q${s.everyHours}H`;
  if ('everyDays' in s) return `Q${s.everyDays}D`;
  if ('weekly' in s) return 'QWK';
  if ('monthly' in s) return 'QMONTH';
  return 'CONT';
}

/** The note of an administered drug line, or null when the payer wants none. */
export function drugLineNote(settings: PayerSettings, dayDose: Quantity, schedule: Schedule): string | null {
  if (!settings.drugLineNotes) return null;
  // String() of a number rounded to 3 decimals has no trailing zeros and no separators
  return `DOSE ${String(round3(dayDose.amount))} ${UNIT[dayDose.unit]} FREQ ${frequency(schedule)}`;
}

/** A warning for each noted line whose note the CMS-1500's shaded line cannot hold whole. */
export function checkNotesFitForm(facts: readonly Fact[], sink: FactSink): void {
  for (const f of facts) {
    if (!f.note || !f.ndc || !f.ndcUnit || f.ndcQty === null) continue;
    // ndcQty is already rounded to 3 decimals: String() writes it as the form does
    if (!shadedLine(ndcItem(f.ndc, f.ndcUnit, String(f.ndcQty)), f.description, f.note).noteLeftOff) continue;
    sink.findings.push({
      severity: 'warning', rule: 'R-DR-12', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { line: f },
      message: `The note "${f.note}" does not fit the CMS-1500's shaded line beside the NDC; a paper claim goes without it (the 837P carries it)`,
    });
  }
}
