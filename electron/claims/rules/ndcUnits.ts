// R-DR-9 A line whose NDC unit of measure the payer does not accept is an error.
import type { NdcUnit, PayerSettings } from '../../domain/types.ts';

export function ndcUnitAccepted(unit: NdcUnit, settings: PayerSettings): boolean {
  return settings.ndcUnits.includes(unit);
}
