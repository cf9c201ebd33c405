// R-PD-11 Self-administration required: with `selfAdministrationRequired` (WellCare NC: "The
// treatment is self-administered." [WC2]) a therapy not marked self-administered gets one error;
// its lines are kept and block the claim.
import type { PayerSettings, Therapy } from '../../domain/types.ts';

export function selfAdministrationMissing(therapy: Therapy, settings: PayerSettings): string | null {
  if (!settings.selfAdministrationRequired || therapy.selfAdministered) return null;
  return `Therapy ${therapy.id} is not self-administered, which this payer requires; mark it self-administered if the patient or caregiver gives it`;
}
