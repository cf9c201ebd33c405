// R-PD-7 Incidental per diems ("incidental to drug reimbursement, not separately reimbursable"):
// codes in the payer's `incidentalPerDiems` are not billed; the build records an info finding.
import type { PayerSettings } from '../../domain/types.ts';

export function isIncidentalPerDiem(code: string, settings: PayerSettings): boolean {
  return settings.incidentalPerDiems.includes(code);
}

export function incidentalMessage(code: string, therapyId: string, payerName: string): string {
  return `Per diem ${code} of therapy ${therapyId} is incidental to the drug for ${payerName} and is not billed`;
}
