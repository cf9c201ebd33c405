// R-PD-10 When the payer pays drugs through its pharmacy program (`drugsOnMedicalClaim` false),
// drug and wastage lines are not put on the medical claim — except NC Medicaid nutrition products
// (R-PD-13), which the Outpatient Pharmacy program does not take.
import type { PayerSettings, Therapy } from '../../domain/types.ts';
import { isNcMedicaidNutrition } from './nutritionMedicaidNc.ts';

export function drugLinesOnMedicalClaim(therapy: Therapy, settings: PayerSettings): boolean {
  return settings.drugsOnMedicalClaim || isNcMedicaidNutrition(therapy, settings);
}
