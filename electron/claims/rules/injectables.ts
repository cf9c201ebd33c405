// R-PD-9 A subcutaneous or intramuscular therapy's per diem is payable only on a date that also
// has an IV therapy's per diem for the patient or a signed RN visit for that therapy. Payer
// setting `injectableWithoutIvOrRn` (§12.3): `warn` keeps the line with a warning; `notBilled`
// (HCSC: "payable only when billed on the same day as an approved medical intravenous therapy"
// [HC7]) leaves it unbilled, still with the warning (the RN visit may just be unrecorded); `off`
// skips the check (VT, AllWays, WellCare cover SC/IM therapy on its own terms [VT6][AW9][WC5]).
import type { Route } from '../../domain/types.ts';
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import type { Fact, FactSink } from '../types.ts';

const INJECTABLE_ROUTES: ReadonlySet<Route> = new Set<Route>(['SC', 'IM']);

export function isInjectableRoute(route: Route): boolean {
  return INJECTABLE_ROUTES.has(route);
}

/**
 * A warning for each SC/IM per diem day without an IV per diem of the patient or a signed RN
 * visit; with `notBilled` the per diem leaves sink.facts.
 */
export function checkInjectables(ctx: EngineContext, sink: FactSink): void {
  const facts = sink.facts;
  const unbilled = new Set<Fact>();
  const ivDays = new Set<string>();
  for (const f of facts) if (f.kind === 'perDiem' && f.therapy.route === 'IV') ivDays.add(`${f.patient.id}|${f.day}`);
  const rnVisits = new Set<string>();
  for (const v of ctx.dataset.visits) {
    if (!v.signed) continue;
    const day = toDay(v.date);
    if (day >= ctx.from && day <= ctx.to && ctx.nurses.get(v.nurse)?.credential === 'RN') rnVisits.add(`${v.therapy}|${day}`);
  }
  for (const f of facts) {
    const mode = f.settings.injectableWithoutIvOrRn;
    if (f.kind !== 'perDiem' || mode === 'off' || !isInjectableRoute(f.therapy.route)) continue;
    if (ivDays.has(`${f.patient.id}|${f.day}`) || rnVisits.has(`${f.therapy.id}|${f.day}`)) continue;
    const notBilled = mode === 'notBilled';
    if (notBilled) unbilled.add(f);
    sink.findings.push({
      severity: 'warning', rule: 'R-PD-9', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code,
      anchor: notBilled ? { therapy: f.therapy.id, day: f.day } : { line: f },
      message: `${f.therapy.route} therapy ${f.therapy.id}: the per diem on ${toIso(f.day)} is payable only with an IV therapy's per diem or an RN visit that day${notBilled ? '; it is not billed (record the RN visit if there was one)' : ''}`,
    });
  }
  if (unbilled.size > 0) sink.facts = facts.filter((f) => !unbilled.has(f));
}
