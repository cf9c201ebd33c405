// R-CL-5 Prior authorization: a date's authorization is the first of the therapy's whose range
// contains it; its number goes on the claim. For the lines the payer's `priorAuthRequiredFor`
// names (§12.3: all, none, or codes, ranges and categories), dates outside every range and a
// missing authorization are errors; units beyond the authorized units are errors for any line.
import { inCodeList } from '../../domain/codeLists.ts';
import type { PayerSettings, PriorAuth, Therapy } from '../../domain/types.ts';
import type { EngineContext } from '../context.ts';
import { toDay, toIso } from '../dates.ts';
import type { Fact, FactSink } from '../types.ts';

export function authForDay(therapy: Therapy, day: number): PriorAuth | null {
  for (const a of therapy.priorAuths) {
    if (day >= toDay(a.from) && (!a.to || day <= toDay(a.to))) return a;
  }
  return null;
}

/**
 * Counts authorized units per therapy × authorization × code. Units of exported claims are only
 * counted: the error goes on the first line past the limit of each claim of THIS build, even when
 * exported claims passed it already (otherwise they would silence it for every later line), so no
 * claim carrying units beyond the authorization goes out.
 */
export class AuthorizedUnits {
  private readonly used = new Map<string, number>();
  private readonly reported = new Set<string>();

  private count(therapy: Therapy, authNumber: string, code: string, units: number): { key: string; limit: number; after: number } | null {
    const auth = therapy.priorAuths.find((a) => a.number === authNumber);
    const limit = auth?.units?.[code];
    if (limit === undefined || limit === null) return null;
    const key = `${therapy.id}\u0000${authNumber}\u0000${code}`;
    const after = (this.used.get(key) ?? 0) + units;
    this.used.set(key, after);
    return { key, limit, after };
  }

  /** Units already billed on exported claims. */
  addExported(therapy: Therapy, authNumber: string, code: string, units: number): void {
    this.count(therapy, authNumber, code, units);
  }

  /** Adds a line's units; returns the limit on the first line of `claim` past it, else null. */
  add(therapy: Therapy, authNumber: string, code: string, units: number, claim: number): number | null {
    const c = this.count(therapy, authNumber, code, units);
    if (c === null || c.after <= c.limit || this.reported.has(`${c.key}\u0000${claim}`)) return null;
    this.reported.add(`${c.key}\u0000${claim}`);
    return c.limit;
  }
}

/** R-CL-5: whether a billed line of `code` for a therapy of `category` needs an authorization. */
export function needsAuthorization(settings: PayerSettings, code: string, category: string): boolean {
  const rule = settings.priorAuthRequiredFor;
  if (rule === 'all' || rule === 'none') return rule === 'all';
  return rule.includes(category) || inCodeList(code, rule);
}

/**
 * For the lines that need an authorization: dates outside every authorization (one error a
 * therapy day), or none at all (one per therapy × code). Other lines join the claim of the
 * authorization covering their date (R-CL-1) but never give these errors.
 */
export function checkAuthorizationDates(facts: readonly Fact[], sink: FactSink): void {
  const noAuth = new Set<string>();
  const noAuthAtAll = new Set<string>();
  for (const f of facts) {
    if (f.priorAuth !== null || !needsAuthorization(f.settings, f.code, f.therapy.category)) continue;
    const t = f.therapy;
    if (t.priorAuths.length > 0) {
      const key = `${t.id}|${f.day}`;
      if (noAuth.has(key)) continue;
      noAuth.add(key);
      sink.findings.push({
        severity: 'error', rule: 'R-CL-5', patient: f.patient.id, day: f.day, therapy: t.id, anchor: { therapy: t.id, day: f.day },
        message: `Therapy ${t.id}: ${toIso(f.day)} is outside every prior authorization on file`,
      });
    } else if (!noAuthAtAll.has(`${t.id}|${f.code}`)) {
      noAuthAtAll.add(`${t.id}|${f.code}`);
      sink.findings.push({
        severity: 'error', rule: 'R-CL-5', patient: f.patient.id, day: f.day, therapy: t.id, code: f.code, anchor: { therapy: t.id },
        message: `Therapy ${t.id} has no prior authorization, which ${f.payer.name} requires for ${f.code}`,
      });
    }
  }

}

/** Units per therapy × authorization × code, exported claims first, then this build's lines by date. */
export function checkAuthorizedUnits(ctx: EngineContext, ordered: Array<{ fact: Fact; units: number }>, sink: FactSink): void {
  ordered.sort((a, b) => a.fact.day - b.fact.day);
  const authUnits = new AuthorizedUnits();
  // units already billed on exported claims count toward the same authorization
  for (const prior of ctx.options.exported?.keys.values() ?? []) {
    const therapy = prior.therapy ? ctx.therapies.get(prior.therapy) : undefined;
    if (therapy && prior.priorAuth && prior.code && prior.units) authUnits.addExported(therapy, prior.priorAuth, prior.code, prior.units);
  }
  for (const { fact: f, units } of ordered) {
    if (f.priorAuth === null) continue;
    const limit = authUnits.add(f.therapy, f.priorAuth, f.code, units, f.placed?.claim ?? -1);
    if (limit !== null) {
      sink.findings.push({
        severity: 'error', rule: 'R-CL-5', patient: f.patient.id, day: f.day, therapy: f.therapy.id, code: f.code, anchor: { line: f },
        message: `Authorization ${f.priorAuth} allows ${limit} units of ${f.code}; billing ${toIso(f.day)} goes beyond that`,
      });
    }
  }

}
