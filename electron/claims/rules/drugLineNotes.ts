// R-DR-12 Drug-line notes: with `drugLineNotes` (AllWays: "Dosage administered to the member that
// day … Frequency of administration" [AW11]) each administered drug line (never a JW line) carries
// `DOSE <total> <UNIT> FREQ <F>`: the day's dose of the drug, its unit in upper case, and the
// schedule as Q<n>H, Q<n>D, QWK, QMONTH or CONT. Infusion duration is not written (no data).
import type { Measure, PayerSettings, Quantity, Schedule } from '../../domain/types.ts';
import { round3 } from '../numbers.ts';

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
