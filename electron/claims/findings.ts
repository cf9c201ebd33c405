// Placing findings: a pending finding knows its fact, therapy day or therapy; once claims exist it
// gets the claim id and the 1-based line number (billing-rules §10, last point).
import type { Finding } from '../domain/claims.ts';
import type { AssembledClaim } from './assemble.ts';
import { toIso } from './dates.ts';
import type { Fact, PendingFinding } from './types.ts';

export function resolveFindings(pending: readonly PendingFinding[], claims: readonly AssembledClaim[], facts: readonly Fact[]): Finding[] {
  const therapyDay = new Map<string, Fact>();
  const therapyClaims = new Map<string, number[]>();
  for (const f of facts) {
    if (!f.placed) continue;
    const key = `${f.therapy.id}|${f.day}`;
    const known = therapyDay.get(key);
    if (!known || f.placed.claim < known.placed!.claim || (f.placed.claim === known.placed!.claim && f.placed.line < known.placed!.line)) therapyDay.set(key, f);
    const list = therapyClaims.get(f.therapy.id) ?? [];
    if (!list.includes(f.placed.claim)) list.push(f.placed.claim);
    therapyClaims.set(f.therapy.id, list);
  }
  const out: Array<Finding & { seq: number }> = [];
  const emit = (p: PendingFinding, claim: string | null, line: number | null) => {
    const f: Finding & { seq: number } = {
      severity: p.severity,
      rule: p.rule,
      message: p.message,
      claim,
      line,
      patient: p.patient,
      date: p.day === null ? null : toIso(p.day),
      seq: out.length,
    };
    if (p.therapy) f.therapy = p.therapy;
    if (p.code) f.code = p.code;
    if (p.visit) f.visit = p.visit;
    if (p.dispense) f.dispense = p.dispense;
    out.push(f);
  };
  for (const p of pending) {
    const a = p.anchor;
    if (a === null) emit(p, p.claim ?? null, null);
    else if ('line' in a) {
      const placed = a.line.placed;
      emit(p, placed ? claims[placed.claim]!.claim.id : null, placed ? placed.line + 1 : null);
    } else if ('day' in a) {
      // the claim with the therapy's lines that day, else the therapy's claim of that period
      const f = therapyDay.get(`${a.therapy}|${a.day}`);
      const iso = toIso(a.day);
      const ci = f?.placed
        ? f.placed.claim
        : therapyClaims.get(a.therapy)?.find((i) => claims[i]!.claim.periodFrom <= iso && iso <= claims[i]!.claim.periodTo);
      emit(p, ci === undefined ? null : claims[ci]!.claim.id, null);
    } else {
      const list = therapyClaims.get(a.therapy);
      if (!list || list.length === 0) emit(p, null, null);
      else for (const ci of [...list].sort((x, y) => x - y)) emit(p, claims[ci]!.claim.id, null);
    }
  }
  out.sort((a, b) => {
    const pa = a.patient ?? '\uffff';
    const pb = b.patient ?? '\uffff';
    const da = a.date ?? '';
    const db = b.date ?? '';
    return (pa < pb ? -1 : pa > pb ? 1 : 0) || (da < db ? -1 : da > db ? 1 : 0) || a.seq - b.seq;
  });
  return out.map(({ seq: _seq, ...f }) => f);
}
