// R-PD-9 A subcutaneous or intramuscular therapy's per diem is payable only on a date that also
// has an IV therapy's per diem for the patient or a signed RN visit for that therapy.
import type { Route } from '../../domain/types.ts';

const INJECTABLE_ROUTES: ReadonlySet<Route> = new Set<Route>(['SC', 'IM']);

export function isInjectableRoute(route: Route): boolean {
  return INJECTABLE_ROUTES.has(route);
}

export function injectablePerDiemSupported(hasIvPerDiemThatDay: boolean, hasSignedRnVisitThatDay: boolean): boolean {
  return hasIvPerDiemThatDay || hasSignedRnVisitThatDay;
}
