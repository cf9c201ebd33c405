// R-PD-12 NC Medicaid routes (code set medicaid-nc): "Intravenous chemotherapy; … Intravenous
// antibiotic therapy; … Pain management therapy (including subcutaneous, epidural, intrathecal,
// and intravenous …)" [WC12][WC5]. Another route gets one error per therapy and no per diem line,
// as an uncovered category does (§10).
import type { PayerSettings, Route, Therapy } from '../../domain/types.ts';

const COVERED_ROUTES: Readonly<Record<string, readonly Route[]>> = {
  antiInfective: ['IV'],
  chemotherapy: ['IV'],
  pain: ['IV', 'SC', 'epidural', 'intrathecal'],
};

/** The error when the therapy's route is one NC Medicaid does not cover for its category, else null. */
export function ncMedicaidRouteNotCovered(therapy: Therapy, settings: PayerSettings): string | null {
  if (settings.codeSet !== 'medicaid-nc') return null;
  const routes = COVERED_ROUTES[therapy.category];
  if (!routes || routes.includes(therapy.route)) return null;
  return `Therapy ${therapy.id}: NC Medicaid covers ${therapy.category} only by route ${routes.join(', ')}, not ${therapy.route}; no per diem is billed`;
}
