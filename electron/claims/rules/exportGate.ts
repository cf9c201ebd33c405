// R-CL-11 Export gate: a claim with an error is not exported; warnings need acknowledgement
// (or --accept-warnings).
import type { Finding } from '../../domain/claims.ts';

export type ExportDecision = { ok: true } | { ok: false; reason: string };

export function exportGate(findings: readonly Finding[], warningsAcknowledged: boolean): ExportDecision {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, reason: `${errors.length} error${errors.length > 1 ? 's' : ''}: ${errors[0]!.message}` };
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (warnings.length > 0 && !warningsAcknowledged) {
    return { ok: false, reason: `${warnings.length} unacknowledged warning${warnings.length > 1 ? 's' : ''}: ${warnings[0]!.message}` };
  }
  return { ok: true };
}
