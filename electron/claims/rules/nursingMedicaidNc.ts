// R-NV-5 NC Medicaid, refined by R-NV-8: T1030 × 1 per patient × payer × date with signed visits,
// on the claim of the earliest visit's therapy; "must be billed with each therapy code billed"
// [WC7] is read as never without a billed per diem of that therapy that date (the R-NV-5 error).
// T1030 and T1002 need an RN ("Nursing care, in the home, by registered nurse" [WC4]) whatever
// nursingRnOnly says: an LPN visit is an error, its lines kept. T1002-SD for each signed visit of
// an amphotericin B therapy, a unit for each 15 minutes or part beyond the first 2 hours ("RN
// Services, up to 15 minutes." [WC8]). Visits of tpn/enteral therapies are not billed, one
// warning each ("Nursing services for enteral and parenteral nutrition therapies are not
// covered." [WC9]).
import type { Nurse, Product, Therapy } from '../../domain/types.ts';
import { NURSING } from '../codes.ts';

export function isAmphotericinB(product: Product): boolean {
  const a = NURSING.amphotericinB;
  return a.hcpcs.includes(product.hcpcs) || product.name.toLowerCase().includes(a.nameContains);
}

/** R-NV-8 (c): 2:01–2:15 → 1, 2:16 → 2; none up to 2 hours. */
export function monitoringUnits(minutes: number): number {
  return minutes > 120 ? Math.ceil((minutes - 120) / 15) : 0;
}

/** R-NV-8 (b): the error for a visit not made by an RN, else null. */
export function ncNurseNotRn(nurse: Nurse | undefined, visitId: string, code: string): string | null {
  if (nurse?.credential === 'RN') return null;
  const who = nurse ? `${nurse.firstName} ${nurse.lastName} (${nurse.credential})` : 'an unknown nurse';
  return `Visit ${visitId} was made by ${who}; NC Medicaid pays ${code} only for a registered nurse`;
}

const NUTRITION = new Set(['tpn', 'enteral']);

/** R-NV-8 (d): the warning for a visit of a nutrition therapy, else null. */
export function ncNutritionVisitNotCovered(therapy: Therapy, visitId: string): string | null {
  if (!NUTRITION.has(therapy.category)) return null;
  return `Visit ${visitId}: NC Medicaid does not cover nursing for ${therapy.category} therapy ${therapy.id}; it is not billed`;
}
