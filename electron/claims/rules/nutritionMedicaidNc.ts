// R-PD-13 NC Medicaid nutrition (code set medicaid-nc): tpn and enteral are covered [WC10] but the
// seed gives them no per diem code, so no per diem line and no R-PD-4 error. Their products
// (formulae, pumps, poles, supplies [WC11]) are billed as drug or supply lines even when drugs go
// to the pharmacy program (R-PD-10 covers Outpatient Pharmacy drugs only), and R-SU-1/R-SU-2
// never bundle them (there is no per diem to bundle them into).
import type { PayerSettings, Therapy } from '../../domain/types.ts';

const NUTRITION_CATEGORIES: ReadonlySet<string> = new Set(['tpn', 'enteral']);

export function isNcMedicaidNutrition(therapy: Therapy, settings: PayerSettings): boolean {
  return settings.codeSet === 'medicaid-nc' && NUTRITION_CATEGORIES.has(therapy.category);
}
