// R-PD-9 A subcutaneous or intramuscular therapy's per diem is payable only on a date that also
// has an IV therapy's per diem for the patient or a signed RN visit for that therapy.
import type { Route } from '../../domain/types.ts';
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import type { Fact, FactSink } from '../types.ts';

const INJECTABLE_ROUTES: ReadonlySet<Route> = new Set<Route>(['SC', 'IM']);

export function isInjectableRoute(route: Route): boolean {
  return INJECTABLE_ROUTES.has(route);
}

/** A warning for each SC/IM per diem day without an IV per diem of the patient or a signed RN visit. */
export function checkInjectables(ctx: EngineContext, facts: readonly Fact[], sink: FactSink): void {
  const ivDays = new Set<string>();
  for (const f of facts) if (f.kind === 'perDiem' && f.therapy.route === 'IV') ivDays.add(`${f.patient.id}|${f.day}`);
  const rnVisits = new Set<string>();
  for (const v of ctx.dataset.visits) {
    if (!v.signed) continue;
    const day = toDay(v.date);
    if (day >= ctx.from && day <= ctx.to && ctx.nurses.get(v.nurse)?.credential === 'RN') rnVisits.add(`${v.therapy}|${day}`);
  }
  for (const f of facts) {
    if (f.kind !== 'perDiem' || !isInjectableRoute(f.therapy.route)) continue;
    if (ivDays.has(`${f.patient.id}|${f.day}`) || rnVisits.has(`${f.therapy.id}|${f.day}`)) continue;
    sink.findings.push({
      severity: 'warning', rule: 'R-PD-9', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { line: f },
      message: `${f.therapy.route} therapy ${f.therapy.id}: the per diem on ${toIso(f.day)} is payable only with an IV therapy's per diem or an RN visit that day`,
    });
  }
}
