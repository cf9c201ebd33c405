// R-PD-10 When the payer pays drugs through its pharmacy program (`drugsOnMedicalClaim` false),
// drug and wastage lines are not put on the medical claim.
import type { PayerSettings } from '../../domain/types.ts';

export function drugLinesOnMedicalClaim(settings: PayerSettings): boolean {
  return settings.drugsOnMedicalClaim;
}
