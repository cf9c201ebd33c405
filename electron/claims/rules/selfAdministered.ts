// R-PD-8 Self-administered therapies are not reimbursable unless the payer covers them, with the
// exception of antihemophilic factor (clotting products).
import type { PayerSettings, Therapy } from '../../domain/types.ts';

const ALWAYS_COVERED_CATEGORIES = new Set(['antihemophilic']);

export function selfAdministeredNotCovered(therapy: Therapy, settings: PayerSettings): string | null {
  if (!therapy.selfAdministered || settings.selfAdministeredCovered) return null;
  if (ALWAYS_COVERED_CATEGORIES.has(therapy.category)) return null;
  return `Therapy ${therapy.id} is self-administered, which this payer does not reimburse (only clotting factor is)`;
}
